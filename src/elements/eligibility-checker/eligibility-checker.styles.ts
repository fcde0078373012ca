import { css } from 'lit';

export const checkerStyles = css`
  form { display: grid; gap: var(--_space); }
  fieldset { border: 1px solid var(--_border); border-radius: var(--_radius); padding: calc(var(--_space) * 0.75); margin: 0; min-width: 0; }
  legend { font-weight: 600; padding: 0 0.25em; }
  .question { display: grid; gap: 0.4em; }
  .question + .question { margin-top: var(--_space); padding-top: var(--_space); border-top: 1px dashed var(--_border); }
  .choices { display: flex; flex-wrap: wrap; gap: 0.25em 1.25em; }
  .choices label { display: inline-flex; align-items: center; gap: 0.35em; cursor: pointer; }
  .help { color: var(--_muted); font-size: 0.875em; }
  .field-error { color: var(--_danger); font-size: 0.875em; }
  input[type='text'], input[type='date'], select {
    font: inherit; color: var(--_text); background: var(--_surface); border: 1px solid var(--_border);
    border-radius: var(--_radius); padding: 0.3em 0.5em; max-width: 100%;
  }
  input[aria-invalid='true'], select[aria-invalid='true'] { border-color: var(--_danger); }
  input:focus-visible, select:focus-visible { outline: 3px solid var(--_primary); outline-offset: 1px; }
  .with-unit { display: inline-flex; align-items: center; gap: 0.5em; }
  .region { display: flex; flex-wrap: wrap; gap: 0.5em 1em; }
  .region label { display: grid; gap: 0.2em; font-size: 0.875em; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; }
  button.secondary { background: transparent; color: var(--_primary); }
  .group-title { font-size: 1em; }
  .status-group { display: grid; gap: calc(var(--_space) * 0.75); }
  .programs { list-style: none; display: grid; gap: calc(var(--_space) * 0.75); }
  .program { border: 1px solid var(--_border); border-left-width: 4px; border-radius: var(--_radius); padding: calc(var(--_space) * 0.75); background: var(--_surface); }
  .program[data-status='eligible'] { border-left-color: var(--_success); }
  .program[data-status='undetermined'] { border-left-color: var(--_warning); }
  .program[data-status='ineligible'] { border-left-color: var(--_border); }
  .program header { display: flex; gap: 0.5em; align-items: baseline; flex-wrap: wrap; }
  .status { font-weight: 600; }
  .status.eligible { color: var(--_success); }
  .status.undetermined { color: var(--_warning); }
  .status.ineligible { color: var(--_muted); }
  details summary { cursor: pointer; color: var(--_primary); }
  .trace, .trace ul { list-style: none; padding-left: 1.1em; }
  .trace li { margin: 0.25em 0; }
  .mark { display: inline-block; width: 1.4em; font-weight: 700; }
  .mark.pass { color: var(--_success); }
  .mark.fail { color: var(--_danger); }
  .mark.unknown { color: var(--_warning); }
  .sources { list-style: none; font-size: 0.875em; color: var(--_muted); }
  .sources q { quotes: '“' '”'; }
  .answers { display: grid; grid-template-columns: minmax(8em, 1fr) 2fr auto; gap: 0.25em 1em; align-items: baseline; }
  .answers dt { color: var(--_muted); }
  .answers dd { margin: 0; }
  .answers button { padding: 0 0.6em; }
  @media print {
    :host { border: none; padding: 0; }
    form, .actions, button, .no-print { display: none !important; }
    details > *:not(summary) { display: block; }
    .program { break-inside: avoid; }
  }
`;
