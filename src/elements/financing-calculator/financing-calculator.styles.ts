import { css } from 'lit';

export const calculatorStyles = css`
  .lpr { display: grid; gap: 0.4em; }
  .rates { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: calc(var(--_space) * 0.5); }
  .rate { background: var(--_surface-alt); border-radius: var(--_radius); padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75); }
  .rate dt { font-size: 0.875em; color: var(--_muted); }
  .rate dd { font-size: 1.4em; font-weight: 600; font-variant-numeric: tabular-nums; margin: 0; }
  fieldset { border: 1px solid var(--_border); border-radius: var(--_radius); padding: calc(var(--_space) * 0.75); margin: 0; min-width: 0; }
  legend { font-weight: 600; padding: 0 0.25em; }
  fieldset.mode { display: flex; gap: 1.25em; flex-wrap: wrap; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0.75em 1em; }
  .field { display: grid; gap: 0.25em; align-content: start; }
  .field label { font-size: 0.9em; }
  .with-unit { display: flex; align-items: center; gap: 0.4em; }
  .with-unit input { flex: 1; min-width: 0; }
  .unit { color: var(--_muted); font-size: 0.9em; white-space: nowrap; }
  input[type='text'], input[type='date'], select {
    font: inherit; color: var(--_text); background: var(--_surface); border: 1px solid var(--_border);
    border-radius: var(--_radius); padding: 0.3em 0.5em; max-width: 100%;
  }
  input[aria-invalid='true'] { border-color: var(--_danger); }
  input:focus-visible, select:focus-visible { outline: 3px solid var(--_primary); outline-offset: 1px; }
  .help { color: var(--_muted); font-size: 0.8em; }
  .field-error { color: var(--_danger); font-size: 0.85em; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; }
  button.secondary { background: transparent; color: var(--_primary); }
  button.link { background: none; border: none; color: var(--_primary); padding: 0 0.25em; text-decoration: underline; font-size: 0.85em; }
  button:disabled { opacity: 0.55; cursor: not-allowed; }
  .notice { background: var(--_surface-alt); border-left: 3px solid var(--_primary); padding: 0.4em 0.75em; }
  .warning { color: var(--_warning); border-left: 3px solid var(--_warning); padding-left: 0.75em; }
  .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 0.75em; }
  .figure { background: var(--_surface-alt); border-radius: var(--_radius); padding: 0.6em 0.8em; }
  .figure dt { font-size: 0.85em; color: var(--_muted); }
  .figure dd { margin: 0; font-size: 1.25em; font-weight: 600; font-variant-numeric: tabular-nums; }
  .figure dd.note { font-size: 0.75em; font-weight: 400; color: var(--_muted); }
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: 0.9em; }
  caption { text-align: start; font-weight: 600; padding: 0.25em 0; }
  th, td { border-bottom: 1px solid var(--_border); padding: 0.3em 0.5em; text-align: end; white-space: nowrap; }
  thead th { background: var(--_surface-alt); }
  th[scope='row'] { text-align: start; }
  .pager { display: flex; gap: 0.75em; align-items: center; }
  .chart-figure { margin: 0; display: grid; gap: 0.5em; }
  figcaption { font-weight: 600; display: flex; flex-wrap: wrap; gap: 0.5em 1em; align-items: center; }
  .legend { font-weight: 400; font-size: 0.85em; color: var(--_muted); display: inline-flex; gap: 0.35em; align-items: center; }
  .key { display: inline-block; width: 0.8em; height: 0.8em; margin-left: 0.5em; }
  .key.principal { background: var(--chanrong-chart-principal, #0b5cad); }
  .key.interest { background: var(--chanrong-chart-interest, #e07b00); }
  .key.balance { height: 2px; background: var(--chanrong-chart-balance, #5c6470); }
  .chart { width: 100%; height: auto; max-height: 260px; }
  .chart rect.principal { fill: var(--chanrong-chart-principal, #0b5cad); }
  .chart rect.interest { fill: var(--chanrong-chart-interest, #e07b00); }
  .chart path.balance { fill: none; stroke: var(--chanrong-chart-balance, #5c6470); stroke-width: 2; }
  .chart .grid { stroke: var(--_border); stroke-dasharray: 2 3; }
  .chart text { font-size: 11px; fill: var(--_muted); }
  @media print {
    :host { border: none; padding: 0; }
    .no-print { display: none !important; }
    .chart-figure, table { break-inside: avoid; }
  }
`;
