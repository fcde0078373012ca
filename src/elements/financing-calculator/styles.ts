// The calculator's own styles (the form layer's come from core/styles/form.styles.ts).
import { css } from 'lit';

export const calculatorStyles = css`
  .lpr { display: grid; gap: 0.4em; }
  .rates { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 10rem), 1fr)); gap: calc(var(--_space) * 0.5); }
  .rate { background: var(--_surface-alt); border-radius: var(--_radius); padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75); }
  .rate dt { font-size: 0.875em; color: var(--_muted); }
  .rate dd { font-size: 1.4em; font-weight: 600; font-variant-numeric: tabular-nums; margin: 0; }
  fieldset.mode { display: flex; gap: 0.25em 1.25em; flex-wrap: wrap; }
  fieldset.mode label { display: inline-flex; align-items: center; gap: 0.4em; min-height: var(--_target); cursor: pointer; }
  button.link { background: none; border: none; color: var(--_primary); padding: 0 0.25em; text-decoration: underline; font-size: 0.85em; min-height: 0; }
  .warning { color: var(--_warning); border-left: 3px solid var(--_warning); padding-left: 0.75em; }
  .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr)); gap: 0.75em; }
  .figure { background: var(--_surface-alt); border-radius: var(--_radius); padding: 0.6em 0.8em; min-width: 0; }
  .figure dt { font-size: 0.85em; color: var(--_muted); }
  .figure dd { margin: 0; font-size: 1.25em; font-weight: 600; font-variant-numeric: tabular-nums; }
  .figure dd.note { font-size: 0.75em; font-weight: 400; color: var(--_muted); }
  tr.disbursement th, tr.disbursement td { background: var(--_surface-alt); }
  tfoot th, tfoot td { font-weight: 600; border-top: 2px solid var(--_border); }
  /* Compared scenarios in a narrow column: names and long inputs (an LPR path, prepayments) wrap, so the table fits
     its column and every value is on screen (a schedule, with many short numbers, scrolls instead). */
  [part='comparison'] th, [part='comparison'] td, [part='prepayment-comparison'] th, [part='prepayment-comparison'] td { white-space: normal; overflow-wrap: normal; }
  [part='comparison'] th[scope='row'], [part='prepayment-comparison'] th[scope='row'] { min-width: 5.5em; }
  .chart-figure { margin: 0; display: grid; gap: 0.5em; min-width: 0; }
  figcaption { font-weight: 600; display: flex; flex-wrap: wrap; gap: 0.5em 1em; align-items: center; }
  .legend { font-weight: 400; font-size: 0.85em; color: var(--_muted); display: inline-flex; flex-wrap: wrap; gap: 0.35em; align-items: center; }
  .key { display: inline-block; width: 0.8em; height: 0.8em; margin-left: 0.5em; }
  .key.principal { background: var(--_chart-principal); }
  .key.interest { background: var(--_chart-interest); }
  .key.balance { height: 3px; background: var(--_chart-balance); }
  .chart { width: 100%; height: auto; max-height: 260px; }
  .chart rect.principal { fill: var(--_chart-principal); }
  .chart rect.interest { fill: var(--_chart-interest); }
  .chart path.balance { fill: none; stroke: var(--_chart-balance); stroke-width: 2.5; }
  .chart .grid { stroke: var(--_rule); stroke-dasharray: 2 3; }
  .chart .rate-mark line { stroke: var(--_warning); stroke-width: 1.5; stroke-dasharray: 4 3; }
  .chart .rate-mark text { fill: var(--_warning); font-size: 11px; }
  details.advanced { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.5em 0.75em; }
  details.advanced > summary { cursor: pointer; font-weight: 600; min-height: var(--_target); display: flex; align-items: center; }
  details.advanced fieldset { margin-top: 0.75em; }
  .grid.row { align-items: end; }
  tr.rate-change th, tr.rate-change td { background: var(--_surface-alt); }
  tr.rate-change td[data-col="rate"] { font-weight: 600; color: var(--_warning); }
  .rate-changes { margin: 0; padding-left: 1.25em; }
  .chart text { font-size: 12px; fill: var(--_muted); }
  @container chanrong (max-width: 30rem) {
    /* The SVG scales down with its column: larger type in its own units, and the balance axis (also in the yearly
       table) left out so nothing is clipped. */
    .chart text { font-size: 22px; }
    .chart text.balance-label { display: none; }
    .figure dd { font-size: 1.1em; }
  }
  @media (forced-colors: active) {
    .key, .chart rect, .chart path.balance { forced-color-adjust: none; }
    .key.principal, .chart rect.principal { background: CanvasText; fill: CanvasText; }
    .key.interest, .chart rect.interest { background: Highlight; fill: Highlight; }
    .chart path.balance { stroke: LinkText; }
    .key.balance { background: LinkText; }
    .chart text { fill: CanvasText; }
  }
  @media print {
    .chart-figure, table { break-inside: avoid; }
  }
`;
