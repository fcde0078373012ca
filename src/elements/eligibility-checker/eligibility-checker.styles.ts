import { css } from 'lit';

export const checkerStyles = css`
  .programs { list-style: none; display: grid; gap: calc(var(--_space) * 0.75); }
  .program {
    border: 1px solid var(--_border); border-radius: var(--_radius); padding: calc(var(--_space) * 0.75);
    background: var(--_surface);
  }
  .program header { display: flex; gap: 0.5em; align-items: baseline; flex-wrap: wrap; }
  .sources { list-style: none; font-size: 0.875em; color: var(--_muted); }
  .sources q { quotes: '“' '”'; }
  @media print {
    :host { border: none; padding: 0; }
    .program { break-inside: avoid; }
    button { display: none; }
  }
`;
