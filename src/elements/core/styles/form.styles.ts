// Styles of the form layer (field(), tables, pager), shared by every widget with a form.
import { css } from 'lit';

export const formStyles = css`
  fieldset { border: 1px solid var(--_rule); border-radius: var(--_radius); padding: calc(var(--_space) * 0.75); margin: 0; min-width: 0; }
  legend { font-weight: 600; padding: 0 0.25em; max-width: 100%; white-space: normal; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr)); gap: 0.75em 1em; }
  .field { display: grid; gap: 0.25em; align-content: start; min-width: 0; }
  fieldset.field { gap: 0.4em; }
  .field > label { font-size: 0.9em; }
  .with-unit { display: flex; align-items: center; gap: 0.4em; min-width: 0; }
  .with-unit > input, .with-unit > select { flex: 1 1 6em; min-width: 0; width: 100%; }
  .unit { color: var(--_muted); font-size: 0.9em; white-space: nowrap; flex: none; }
  input[type='text'], input[type='date'], select {
    font: inherit; color: var(--_text); background: var(--_surface); border: 1px solid var(--_border);
    border-radius: var(--_radius); padding: 0.3em 0.5em; max-width: 100%; min-height: var(--_target); min-width: 0;
  }
  input[aria-invalid='true'], select[aria-invalid='true'] { border-color: var(--_danger); border-width: 2px; }
  .help { color: var(--_muted); font-size: 0.85em; }
  .field-error { color: var(--_danger); font-size: 0.875em; font-weight: 600; }
  .choices { display: flex; flex-wrap: wrap; gap: 0.25em 1.25em; }
  .choices label, label.check { display: inline-flex; align-items: center; gap: 0.4em; cursor: pointer; min-height: var(--_target); }
  input[type='radio'], input[type='checkbox'] { width: 1.15em; height: 1.15em; margin: 0; flex: none; accent-color: var(--_primary); }
  .table-wrap { overflow-x: auto; max-width: 100%; }
  table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: 0.9em; }
  caption { text-align: start; font-weight: 600; padding: 0.25em 0; }
  th, td { border-bottom: 1px solid var(--_rule); padding: 0.3em 0.5em; text-align: end; white-space: nowrap; }
  thead th { background: var(--_surface-alt); }
  th[scope='row'] { text-align: start; }
  .pager { display: flex; flex-wrap: wrap; gap: 0.5em 0.75em; align-items: center; }
  @media (forced-colors: active) {
    input[type='text'], input[type='date'], select, fieldset { border-color: CanvasText; }
    .field-error { color: CanvasText; text-decoration: underline; }
  }
`;
