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
