import { css } from 'lit';

export const calculatorStyles = css`
  .rates { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: calc(var(--_space) * 0.5); }
  .rate { background: var(--_surface-alt); border-radius: var(--_radius); padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75); }
  .rate dt { font-size: 0.875em; color: var(--_muted); }
  .rate dd { font-size: 1.5em; font-weight: 600; font-variant-numeric: tabular-nums; }
  .presets { list-style: none; display: grid; gap: 0.5em; }
  .presets li { border-left: 3px solid var(--_primary); padding-left: 0.75em; }
`;
