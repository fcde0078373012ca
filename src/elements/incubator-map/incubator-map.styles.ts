import { css } from 'lit';

export const mapStyles = css`
  .toolbar { display: flex; flex-wrap: wrap; gap: 0.5em 1em; align-items: end; }
  .toolbar label { display: grid; gap: 0.2em; font-size: 0.875em; }
  .toolbar select, .toolbar input {
    font: inherit; color: var(--_text); background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.25em 0.5em;
  }
  fieldset.modes { border: none; padding: 0; margin: 0; display: flex; gap: 0.75em; align-items: center; }
  fieldset.modes legend { font-size: 0.875em; float: left; margin-right: 0.5em; }
  .layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(14rem, 1fr); gap: var(--_space); }
  @media (max-width: 720px) { .layout { grid-template-columns: 1fr; } }
  .map-frame { position: relative; min-height: 240px; background: var(--chanrong-map-sea, #f8fbff); border: 1px solid var(--_border); border-radius: var(--_radius); overflow: hidden; }
  .map-focus:focus-visible { outline: 3px solid var(--_primary); outline-offset: -3px; }
  canvas.map-canvas { display: block; width: 100%; touch-action: none; cursor: grab; }
  canvas.map-canvas:active { cursor: grabbing; }
  .tooltip {
    position: absolute; pointer-events: none; background: var(--_surface); color: var(--_text); border: 1px solid var(--_border);
    border-radius: var(--_radius); padding: 0.3em 0.5em; font-size: 0.85em; box-shadow: 0 2px 8px rgb(0 0 0 / 0.15); max-width: 16rem;
  }
  .zoom { position: absolute; top: 0.5em; right: 0.5em; display: grid; gap: 0.25em; }
  .zoom button { width: 2em; height: 2em; padding: 0; line-height: 1; }
  .map-note { position: absolute; left: 0.5em; bottom: 0.25em; font-size: 0.75em; color: var(--_muted); background: rgb(255 255 255 / 0.7); padding: 0 0.3em; }
  .inset-label { position: absolute; right: 0.9em; bottom: 0.3em; font-size: 0.7em; color: var(--_muted); }
  .side { display: grid; gap: 0.75em; align-content: start; min-width: 0; }
  .legend { list-style: none; display: flex; flex-wrap: wrap; gap: 0.35em 1em; font-size: 0.875em; }
  .legend li { display: flex; align-items: center; gap: 0.4em; }
  .swatch { width: 0.8em; height: 0.8em; border-radius: 50%; display: inline-block; flex: none; }
  .swatch.national { background: #c8102e; }
  .swatch.regional { background: #d46b08; }
  .swatch.local { background: #0b5cad; }
  .swatch.cluster { background: #5b3fa8; }
  .swatch.cluster-dot { width: 1.1em; height: 1.1em; background: rgb(11 92 173 / 0.78); }
  .list-title { font-size: 0.95em; }
  .list-scroll { position: relative; height: 24rem; overflow-y: auto; border: 1px solid var(--_border); border-radius: var(--_radius); }
  .list-scroll ul { position: relative; list-style: none; margin: 0; padding: 0; }
  .list-scroll li { position: absolute; left: 0; right: 0; height: 48px; }
  button.row {
    width: 100%; height: 100%; display: flex; gap: 0.5em; align-items: center; text-align: start; background: transparent; color: var(--_text);
    border: none; border-bottom: 1px solid var(--_border); border-radius: 0; padding: 0 0.6em;
  }
  button.row:hover, button.row.selected { background: var(--_surface-alt); }
  .row-text { display: grid; min-width: 0; }
  .row-name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .details { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.75em; display: grid; gap: 0.5em; }
  .details dl { display: grid; grid-template-columns: auto 1fr; gap: 0.2em 0.75em; font-size: 0.9em; }
  .details dt { color: var(--_muted); }
  .details dd { margin: 0; }
  button.secondary { background: transparent; color: var(--_primary); }
  .stats-wrap { max-height: 24rem; overflow-y: auto; }
  table.stats { border-collapse: collapse; width: 100%; font-size: 0.9em; }
  table.stats th, table.stats td { border-bottom: 1px solid var(--_border); padding: 0.25em 0.5em; text-align: start; }
  table.stats td { text-align: end; font-variant-numeric: tabular-nums; }
  @media print { .zoom, .toolbar { display: none; } }
`;
