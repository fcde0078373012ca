import { css } from 'lit';

export const mapStyles = css`
  :host {
    --_map-land: var(--chanrong-map-land, #eef2f7);
    --_map-sea: var(--chanrong-map-sea, #f8fbff);
  }
  :host([theme='dark']) {
    --chanrong-map-land: #2a323c;
    --chanrong-map-border: #65707e;
    --chanrong-map-sea: #10151b;
    --chanrong-map-label: #d5dbe3;
    --chanrong-map-halo: #10151b;
    --chanrong-map-cluster: rgba(108, 180, 255, 0.85);
    --chanrong-map-focus: #ffffff;
  }
  .toolbar { display: flex; flex-wrap: wrap; gap: 0.5em 1em; align-items: end; }
  .toolbar label { display: grid; gap: 0.2em; font-size: 0.875em; }
  .toolbar label.search { flex: 1 1 14rem; }
  .toolbar select, .toolbar input[type='search'] {
    font: inherit; color: var(--_text); background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius);
    padding: 0.25em 0.5em; min-height: 44px;
  }
  fieldset.modes { border: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0 0.75em; align-items: center; }
  fieldset.modes legend { font-size: 0.875em; float: left; margin-right: 0.5em; }
  fieldset.modes label { display: flex; align-items: center; gap: 0.3em; min-height: 44px; font-size: 0.9em; }
  fieldset.modes input { width: 1.2em; height: 1.2em; }
  .layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(15rem, 1fr); gap: var(--_space); align-items: start; }
  @container (max-width: 720px) { .layout { grid-template-columns: minmax(0, 1fr); } }
  /* The box decides the canvas's size (4:3), never the list beside it: no blank band after a zoom or pan. */
  .map-frame {
    position: relative; aspect-ratio: 4 / 3; min-height: 200px; background: var(--_map-sea);
    border: 1px solid var(--_border); border-radius: var(--_radius); overflow: hidden;
  }
  .map-focus { position: absolute; inset: 0; }
  .map-focus:focus-visible { outline: 3px solid var(--_primary); outline-offset: -3px; }
  canvas.map-canvas { display: block; width: 100%; height: 100%; touch-action: none; cursor: grab; }
  canvas.map-canvas:active { cursor: grabbing; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .tooltip {
    position: absolute; pointer-events: none; background: var(--_surface); color: var(--_text); border: 1px solid var(--_border);
    border-radius: var(--_radius); padding: 0.3em 0.5em; font-size: 0.85em; box-shadow: 0 2px 8px rgb(0 0 0 / 0.15); max-width: 16rem;
  }
  :host { container-type: inline-size; }
  .map-wrap { position: relative; min-width: 0; }
  .zoom { position: absolute; top: 0.4em; right: 0.4em; display: grid; gap: 0.3em; }
  /* On a phone the buttons sit under the map (pinch zooms too), so they never cover it. */
  @container (max-width: 480px) { .zoom { position: static; display: flex; justify-content: flex-end; margin-top: 0.4em; } }
  .zoom button { width: 44px; height: 44px; padding: 0; line-height: 1; font-size: 1.2em; }
  .map-note {
    position: absolute; left: 0.4em; bottom: 0.3em; font-size: 0.75em; color: var(--_text); background: var(--_surface);
    border: 1px solid var(--_border); border-radius: 3px; padding: 0 0.35em; opacity: 0.92;
  }
  .load-error { display: grid; gap: 0.5em; justify-items: start; border: 1px solid var(--_danger); border-radius: var(--_radius); padding: 0.75em; background: var(--_surface); }
  .load-error p { color: var(--_danger); }
  .load-error.map { position: absolute; left: 50%; top: 50%; transform: translate(-50%, -50%); max-width: 80%; box-shadow: 0 2px 10px rgb(0 0 0 / 0.2); }
  .load-error button, .details button { min-height: 44px; }
  .side { display: grid; gap: 0.75em; align-content: start; min-width: 0; }
  .legend { list-style: none; display: flex; flex-wrap: wrap; gap: 0.35em 1em; font-size: 0.875em; }
  .legend li, .scale li { display: flex; align-items: center; gap: 0.4em; }
  .scale { margin: 0; font-size: 0.875em; }
  .scale figcaption { font-weight: 600; margin-bottom: 0.25em; }
  .scale ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.15em; font-variant-numeric: tabular-nums; }
  .swatch { width: 0.8em; height: 0.8em; border-radius: 50%; display: inline-block; flex: none; }
  .swatch.square { border-radius: 2px; width: 1.4em; border: 1px solid var(--_border); }
  .swatch.national { background: #c8102e; }
  .swatch.regional { background: #d46b08; }
  .swatch.local { background: #0b5cad; }
  .swatch.cluster { background: #5b3fa8; }
  .swatch.cluster-dot { width: 1.1em; height: 1.1em; background: var(--chanrong-map-cluster, rgb(11 92 173 / 0.85)); }
  .list-title { font-size: 0.95em; }
  .list-scroll { position: relative; max-height: 24rem; overflow-y: auto; border: 1px solid var(--_border); border-radius: var(--_radius); }
  @container (max-width: 720px) { .list-scroll { max-height: 60vh; } }
  .list-scroll ul { position: relative; list-style: none; margin: 0; padding: 0; }
  .list-scroll li { position: absolute; left: 0; right: 0; height: 48px; }
  button.row {
    width: 100%; height: 100%; display: flex; gap: 0.5em; align-items: center; text-align: start; background: transparent; color: var(--_text);
    border: none; border-bottom: 1px solid var(--_border); border-radius: 0; padding: 0 0.6em;
  }
  button.row:hover { background: var(--_surface-alt); }
  button.row.selected { background: var(--_surface-alt); box-shadow: inset 4px 0 0 var(--_primary); }
  .row-text { display: grid; min-width: 0; }
  .row-name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .outside { font-style: italic; }
  .details { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.75em; display: grid; gap: 0.5em; }
  .details dl { display: grid; grid-template-columns: auto 1fr; gap: 0.2em 0.75em; font-size: 0.9em; }
  .details dt { color: var(--_muted); }
  .details dd { margin: 0; overflow-wrap: anywhere; }
  .details dd ul { margin: 0; padding: 0; list-style: none; display: grid; gap: 0.25em; }
  .details dd.sources a { display: inline-block; min-height: 24px; }
  button.secondary { background: transparent; color: var(--_primary); }
  .stats-wrap { max-height: 24rem; overflow-y: auto; }
  table.stats { border-collapse: collapse; width: 100%; font-size: 0.9em; }
  table.stats th, table.stats td { border-bottom: 1px solid var(--_border); padding: 0.25em 0.5em; text-align: start; }
  table.stats td { text-align: end; font-variant-numeric: tabular-nums; }
  @media print { .zoom, .toolbar { display: none; } }
`;
