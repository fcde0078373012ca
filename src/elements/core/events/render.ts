// `chanrong-render`: the map finished a draw.
export const RENDER = 'chanrong-render';
export interface ChanrongRenderDetail { durationMs: number; points: number }
