import { css } from 'lit';

export const mapStyles = css`
  :host { min-height: 240px; }
  .legend { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5em 1em; }
  .legend li { display: flex; align-items: center; gap: 0.4em; }
  .swatch { width: 0.8em; height: 0.8em; border-radius: 50%; display: inline-block; }
  .national { background: #c8102e; }
  .regional { background: #e07b00; }
  .local { background: #0b5cad; }
  .cluster { background: #5b3fa8; }
  .stats { list-style: none; columns: 12rem; }
`;
