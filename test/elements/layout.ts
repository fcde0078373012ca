// Layout probes for the screen tests, read through a widget's shadow root: what sticks out of the widget, and what
// text is cut by its own box.

/** Scroll areas by design: a wide table or list scrolls inside them. */
const SCROLLERS = '.table-wrap, .list-scroll, .stats-wrap';

/** Everything a widget draws, through its shadow root, that sticks out of it on the right (scroll areas excepted). */
export function overflow(el: HTMLElement): string[] {
  const right = el.getBoundingClientRect().right + 1;
  const out: string[] = [];
  for (const node of el.shadowRoot!.querySelectorAll('*')) {
    if (node.closest(SCROLLERS)) continue;
    const r = node.getBoundingClientRect();
    if (r.width > 0 && r.right > right) out.push(`${node.localName}.${(node as HTMLElement).className} ${Math.round(r.right - right)}px`);
  }
  return out;
}

/** Labels, legends, units, help, errors, buttons, options and headings whose text is wider than their box (cut
 * off or hidden behind an ellipsis), and text that runs past the field it belongs to. */
export function clipped(el: HTMLElement): string[] {
  const out: string[] = [];
  const texts = 'label, legend, .unit, .help, .field-error, button, summary, h2, h3, h4, dt, dd, .badge, p, li';
  for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>(texts)) {
    if (node.closest(SCROLLERS) || node.offsetParent === null || node.closest('.visually-hidden')) continue;
    const style = getComputedStyle(node);
    const cuts = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
    if (cuts && node.scrollWidth > node.clientWidth + 1) out.push(`${node.localName}.${node.className} "${node.textContent!.trim().slice(0, 20)}" cut by ${node.scrollWidth - node.clientWidth}px`);
    const field = node.parentElement?.closest('.field');
    if (field && node.getBoundingClientRect().right > field.getBoundingClientRect().right + 1) {
      out.push(`${node.localName}.${node.className} "${node.textContent!.trim().slice(0, 20)}" runs ${Math.round(node.getBoundingClientRect().right - field.getBoundingClientRect().right)}px past its field`);
    }
  }
  return out;
}
