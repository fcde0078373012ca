// Helpers for widget tests: mount a widget, wait for `chanrong-ready`, read its shadow text.
import '../../src/define.js';

export async function mount<T extends HTMLElement>(markup: string, host: HTMLElement = document.body): Promise<T> {
  const wrapper = document.createElement('div');
  host.append(wrapper);
  const template = document.createElement('template');
  template.innerHTML = markup; // test fixture markup, written by the test itself
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no chanrong-ready from ${markup}`)), 5000);
    wrapper.addEventListener('chanrong-ready', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
  wrapper.append(template.content);
  await ready;
  return wrapper.firstElementChild as T;
}

export function text(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
}

export function cleanup(): void {
  document.body.replaceChildren();
  document.documentElement.lang = 'zh-CN';
}

export async function waitFor(check: () => boolean, what: string, ms = 3000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// Shadow-root queries and form drivers, as a user's clicks and keystrokes reach a widget.
export const $ = <T extends Element>(el: Element, selector: string) => el.shadowRoot!.querySelector(selector) as T;
export const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
/** The text of one figure of a calculator result (`data-figure="…"`). */
export const figure = (el: Element, key: string) => $(el, `[data-figure="${key}"] dd`)?.textContent?.trim();
/** Types into a form field's input as a user would (an `input` event). */
export function type(el: Element, field: string, value: string): void {
  const input = $<HTMLInputElement>(el, `[data-field="${field}"] input`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}
/** Picks an option of a form field's select (a `change` event). */
export function pick(el: Element, field: string, value: string): void {
  const select = $<HTMLSelectElement>(el, `[data-field="${field}"] select`);
  select.value = value;
  select.dispatchEvent(new Event('change'));
}
