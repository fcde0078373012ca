// Guarded registration: loading the same version twice is a no-op; another version already on the page
// wins, with a warning instead of the DOMException customElements.define would throw.
export const CHANRONG_VERSION = '0.1.0';

const VERSION_KEY = Symbol.for('chanrong.version');

export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag) as (CustomElementConstructor & { [VERSION_KEY]?: string }) | undefined;
  if (existing) {
    if (existing === ctor || existing[VERSION_KEY] === CHANRONG_VERSION) return;
    console.warn(`chanrong: <${tag}> is already defined by ${existing[VERSION_KEY] ? `Chanrong ${existing[VERSION_KEY]}` : 'another script'}; this copy (${CHANRONG_VERSION}) is not registered.`);
    return;
  }
  Object.defineProperty(ctor, VERSION_KEY, { value: CHANRONG_VERSION });
  customElements.define(tag, ctor);
}
