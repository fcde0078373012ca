// The checker's own styles (the form layer's come from core/styles/form.styles.ts).
import { css } from 'lit';

export const checkerStyles = css`
  form { display: grid; gap: var(--_space); }
  .question + .question { margin-top: calc(var(--_space) * 0.25); }
  div.question { padding-top: calc(var(--_space) * 0.5); border-top: 1px dashed var(--_rule); }
  div.question .with-unit { max-width: 24rem; }
  .region { display: flex; flex-wrap: wrap; gap: 0.5em 1em; align-items: end; }
  .region > label:not(.check) { display: grid; gap: 0.2em; font-size: 0.875em; min-width: min(100%, 12rem); }
  .group-title { font-size: 1em; }
  .status-group { display: grid; gap: calc(var(--_space) * 0.75); }
  .programs { list-style: none; display: grid; gap: calc(var(--_space) * 0.75); }
  .program { border: 1px solid var(--_rule); border-left-width: 4px; border-radius: var(--_radius); padding: calc(var(--_space) * 0.75); background: var(--_surface); min-width: 0; }
  .program[data-status='eligible'] { border-left-color: var(--_success); }
  .program[data-status='undetermined'] { border-left-color: var(--_warning); }
  .program[data-status='ineligible'] { border-left-color: var(--_border); }
  .program header { display: flex; gap: 0.5em; align-items: baseline; flex-wrap: wrap; }
  .status { font-weight: 600; }
  .status.eligible { color: var(--_success); }
  .status.undetermined { color: var(--_warning); }
  .status.ineligible { color: var(--_muted); }
  details summary { cursor: pointer; color: var(--_primary); min-height: var(--_target); display: flex; align-items: center; }
  .trace, .trace ul { list-style: none; padding-left: 1.1em; }
  .trace { padding-left: 0; }
  .trace li { margin: 0.25em 0; }
  .mark { display: inline-block; width: 1.4em; font-weight: 700; }
  .mark.pass { color: var(--_success); }
  .mark.fail { color: var(--_danger); }
  .mark.unknown { color: var(--_warning); }
  .sources { list-style: none; font-size: 0.875em; color: var(--_muted); }
  .sources q { quotes: '“' '”'; }
  .answers { display: grid; gap: 0.25em; }
  .answer { display: grid; grid-template-columns: minmax(8em, 1fr) 2fr auto; gap: 0.25em 1em; align-items: center; }
  .answer dt { color: var(--_muted); }
  .answer dd { margin: 0; }
  .answer button { padding: 0 0.6em; }
  @container chanrong (max-width: 30rem) {
    .answer { grid-template-columns: 1fr auto; }
    .answer dt { grid-column: 1 / -1; }
  }
  .paths h5 { margin: 0; font-size: 0.95em; }
  .path-list { display: grid; gap: 0.5em; padding-left: 1.2em; }
  .path ul { padding-left: 1.1em; }
  .what-if { border: 1px dashed var(--_warning); border-radius: var(--_radius); padding: calc(var(--_space) * 0.5); display: flex; flex-wrap: wrap; gap: 0.5em 1em; align-items: center; }
  .record-actions { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; }
  .record-summary { display: none; }
  .record-qr { display: block; width: 30mm; height: 30mm; margin: 0.5em 0; background: #fff; }
  .record-qr path { fill: #000; }
  .record-summary table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
  .record-summary th, .record-summary td { border: 1px solid var(--_rule); padding: 0.25em 0.4em; text-align: start; vertical-align: top; }
  .record-summary code, .record-summary .url { word-break: break-all; }
  .record-meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; }
  .record-meta dd { margin: 0; }
  @media (forced-colors: active) {
    .program { border-color: CanvasText; }
    .mark { forced-color-adjust: auto; }
  }
  @media print {
    form, .actions, button { display: none !important; }
    details > *:not(summary) { display: block; }
    .program { break-inside: avoid; }
    /* "Print summary": the one-page record summary alone. */
    :host([data-print='record']) [part='base'] > :not(.record-summary) { display: none !important; }
    :host([data-print='record']) .record-summary { display: block; }
  }
`;
