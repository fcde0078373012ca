// The design tokens every widget shares, as documented CSS custom properties with defaults, and a :host reset
// so the page's inherited font, line height or text alignment cannot break a widget's layout.
import { css } from 'lit';

export const baseStyles = css`
  :host {
    --_primary: var(--chanrong-color-primary, #0b5cad);
    --_on-primary: var(--chanrong-color-on-primary, #ffffff);
    --_text: var(--chanrong-color-text, #1f2329);
    --_muted: var(--chanrong-color-muted, #5c6470);
    --_surface: var(--chanrong-color-surface, #ffffff);
    --_surface-alt: var(--chanrong-color-surface-alt, #f4f6f9);
    --_border: var(--chanrong-color-border, #d0d5dd);
    --_danger: var(--chanrong-color-danger, #b42318);
    --_success: var(--chanrong-color-success, #067647);
    --_warning: var(--chanrong-color-warning, #9a6700);
    --_radius: var(--chanrong-radius, 6px);
    --_space: var(--chanrong-spacing, 1rem);
    display: block;
    box-sizing: border-box;
    font-family: var(--chanrong-font-family, system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    font-size: var(--chanrong-font-size, 16px);
    font-weight: 400;
    font-style: normal;
    line-height: 1.5;
    letter-spacing: normal;
    text-align: start;
    text-transform: none;
    white-space: normal;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  :host([hidden]) { display: none; }
  :host([theme='dark']) {
    --_primary: var(--chanrong-color-primary, #6cb4ff);
    --_on-primary: var(--chanrong-color-on-primary, #0b1a2b);
    --_text: var(--chanrong-color-text, #e6e9ef);
    --_muted: var(--chanrong-color-muted, #a9b1bd);
    --_surface: var(--chanrong-color-surface, #15191f);
    --_surface-alt: var(--chanrong-color-surface-alt, #1f252d);
    --_border: var(--chanrong-color-border, #3a424d);
    --_danger: var(--chanrong-color-danger, #ff8a80);
    --_success: var(--chanrong-color-success, #7ddc9f);
    --_warning: var(--chanrong-color-warning, #f5c451);
  }
  *, *::before, *::after { box-sizing: inherit; }
  h2, h3, h4, p, ul, ol, dl, dd { margin: 0; padding: 0; }
  h2 { font-size: 1.25em; line-height: 1.3; font-weight: 600; }
  h3 { font-size: 1.05em; line-height: 1.35; font-weight: 600; }
  .muted { color: var(--_muted); font-size: 0.875em; }
  .stack > * + * { margin-top: calc(var(--_space) * 0.75); }
  .badge {
    display: inline-block; padding: 0 0.5em; border-radius: 999px; font-size: 0.8em; line-height: 1.6;
    background: var(--_surface-alt); color: var(--_text); border: 1px solid var(--_border);
  }
  .error { color: var(--_danger); }
  button {
    font: inherit; cursor: pointer; color: var(--_on-primary); background: var(--_primary);
    border: 1px solid var(--_primary); border-radius: var(--_radius); padding: 0.35em 0.9em;
  }
  button:focus-visible, a:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--_primary); outline-offset: 2px; }
  a { color: var(--_primary); }
  .visually-hidden {
    position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
`;
