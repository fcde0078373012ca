// The map's gestures (wheel, drag, pinch, and the programmatic zoom, pan and reset) through d3-zoom, loaded on its
// own after the first paint: d3-zoom brings d3-selection, d3-transition, d3-interpolate and d3-color (about a
// third of the map's code), none of which drawing the map needs. MapView holds the view as plain { k, x, y }.
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomTransform } from 'd3-zoom';
import type { View } from './geometry.js';

export interface Gestures {
  zoomBy(factor: number, at: [number, number]): void;
  panBy(dx: number, dy: number): void;
  /** Moves to this view as a gesture would (start, zoom, end). */
  to(view: View): void;
}

export function attachGestures(canvas: HTMLCanvasElement, current: View, on: { start(): void; zoom(view: ZoomTransform): void; end(): void }): Gestures {
  const behaviour = zoom<HTMLCanvasElement, unknown>().scaleExtent([1, 512])
    .on('start', () => on.start()).on('zoom', (e: { transform: ZoomTransform }) => on.zoom(e.transform)).on('end', () => on.end());
  const canvasSel = select(canvas).call(behaviour);
  const transform = (v: View) => zoomIdentity.translate(v.x, v.y).scale(v.k);
  // Where the view already is (a flight may have moved it before this module arrived), without firing events.
  canvasSel.property('__zoom', transform(current));
  return {
    zoomBy: (factor, at) => canvasSel.call(behaviour.scaleBy, factor, at),
    panBy: (dx, dy) => canvasSel.call(behaviour.translateBy, dx, dy),
    to: (v) => canvasSel.call(behaviour.transform, transform(v)),
  };
}
