// The design tokens every widget shares, as documented CSS custom properties with defaults; a :host reset so the
// page's inherited font, line height or alignment cannot break a widget's layout; the dark preset (`theme="dark"`),
// the 适老化 mode (`size="large"`: larger type and targets, higher contrast, per the MIIT elderly-friendly rules),
// forced colors, and the widget as a size container, so it lays out for its column, not the viewport.
import { css } from 'lit';

export const baseStyles = css`
  :host {
    --_primary: var(--chanrong-color-primary, #0b5cad);
    --_on-primary: var(--chanrong-color-on-primary, #ffffff);
    --_text: var(--chanrong-color-text, #1f2329);
    --_muted: var(--chanrong-color-muted, #525a66);
    --_surface: var(--chanrong-color-surface, #ffffff);
    --_surface-alt: var(--chanrong-color-surface-alt, #f4f6f9);
    --_border: var(--chanrong-color-border, #8a94a3);
    --_rule: var(--chanrong-color-rule, #d0d5dd);
    --_danger: var(--chanrong-color-danger, #b42318);
    --_success: var(--chanrong-color-success, #067647);
    --_warning: var(--chanrong-color-warning, #8a5a00);
    --_chart-principal: var(--chanrong-chart-principal, #0b5cad);
    --_chart-interest: var(--chanrong-chart-interest, #c25e00);
    --_chart-balance: var(--chanrong-chart-balance, #3d4450);
    --_radius: var(--chanrong-radius, 6px);
    --_space: var(--chanrong-spacing, 1rem);
    --_target: 2.25rem;
    display: block;
    box-sizing: border-box;
    container: chanrong / inline-size;
    min-width: 0;
    overflow-wrap: anywhere;
    font-family: var(--chanrong-font-family, system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    font-size: var(--chanrong-font-size, 1rem);
    font-weight: 400;
    font-style: normal;
    line-height: 1.5;
    letter-spacing: normal;
    text-align: start;
    text-transform: none;
    white-space: normal;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_rule);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  :host([hidden]) { display: none; }
  :host([theme='dark']) {
    color-scheme: dark;
    --_primary: var(--chanrong-color-primary, #7cbcff);
    --_on-primary: var(--chanrong-color-on-primary, #0b1a2b);
    --_text: var(--chanrong-color-text, #e6e9ef);
    --_muted: var(--chanrong-color-muted, #b4bcc8);
    --_surface: var(--chanrong-color-surface, #15191f);
    --_surface-alt: var(--chanrong-color-surface-alt, #222933);
    --_border: var(--chanrong-color-border, #8792a2);
    --_rule: var(--chanrong-color-rule, #3a424d);
    --_danger: var(--chanrong-color-danger, #ff9b91);
    --_success: var(--chanrong-color-success, #7ddc9f);
    --_warning: var(--chanrong-color-warning, #f5c451);
    --_chart-principal: var(--chanrong-chart-principal, #7cbcff);
    --_chart-interest: var(--chanrong-chart-interest, #f5a342);
    --_chart-balance: var(--chanrong-chart-balance, #d5dbe3);
  }
  /* 适老化: type at least 18 px (here 1.25 × the base), 48 px targets, text and rules at full contrast. */
  :host([size='large']) {
    font-size: calc(var(--chanrong-font-size, 1rem) * 1.25);
    line-height: 1.6;
    --_muted: var(--_text);
    --_border: var(--chanrong-color-border, #4a5260);
    --_target: 3rem;
  }
  :host([size='large'][theme='dark']) { --_border: var(--chanrong-color-border, #c3cad4); }
  *, *::before, *::after { box-sizing: inherit; }
  h2, h3, h4, p, ul, ol, dl, dd { margin: 0; padding: 0; }
  h2 { font-size: 1.25em; line-height: 1.3; font-weight: 600; }
  h3 { font-size: 1.05em; line-height: 1.35; font-weight: 600; }
  .muted { color: var(--_muted); font-size: 0.875em; }
  .stack > * + * { margin-top: calc(var(--_space) * 0.75); }
  .badge {
    display: inline-block; padding: 0 0.5em; border-radius: 999px; font-size: 0.8em; line-height: 1.6;
    background: var(--_surface-alt); color: var(--_text); border: 1px solid var(--_rule);
  }
  .error { color: var(--_danger); }
  button {
    font: inherit; cursor: pointer; color: var(--_on-primary); background: var(--_primary);
    border: 1px solid var(--_primary); border-radius: var(--_radius); padding: 0.35em 0.9em;
    min-height: var(--_target); max-width: 100%;
  }
  button.secondary { background: transparent; color: var(--_primary); }
  button:disabled { opacity: 0.6; cursor: not-allowed; }
  button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible, [tabindex]:focus-visible {
    outline: 3px solid var(--_primary); outline-offset: 2px;
  }
  a { color: var(--_primary); }
  .visually-hidden {
    position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
  .notice { background: var(--_surface-alt); border-left: 3px solid var(--_primary); padding: 0.4em 0.75em; }
  .alert { border: 1px solid var(--_danger); border-left-width: 4px; border-radius: var(--_radius); padding: 0.5em 0.75em; display: grid; gap: 0.5em; }
  .alert p { color: var(--_danger); }
  .stale-note { color: var(--_warning); border-left: 3px solid var(--_warning); padding-left: 0.75em; font-weight: 600; }
  .stale-content { outline: 2px dashed var(--_warning); outline-offset: 4px; border-radius: 2px; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; }
  /* Narrow columns and touch screens: every target at least 44 px (WCAG 2.5.5, the MIIT rules). */
  /* (A container query styles what is inside the container, not the host itself.) */
  @container chanrong (max-width: 40rem) {
    [part~='base'] { --_target: max(44px, 2.75rem); }
  }
  @media (pointer: coarse) {
    :host { --_target: max(44px, 2.75rem); }
  }
  @media (forced-colors: active) {
    :host { border-color: CanvasText; }
    button { border: 1px solid ButtonText; forced-color-adjust: auto; }
    button.secondary { color: LinkText; }
    .badge, .alert, .notice, .stale-note { border-color: CanvasText; }
    button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline-color: Highlight; }
  }
  @media print {
    :host { border: none; padding: 0; }
    .no-print { display: none !important; }
  }
`;
