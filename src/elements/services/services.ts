// <chanrong-services>: provides one AcceleratorClient to every Chanrong widget inside it, and routes the checker's
// "测算融资" hand-off to the calculators inside it (widgets register with it; nothing queries the DOM).
import { html, LitElement, css, type PropertyValues } from 'lit';
import type { AcceleratorClient, FinancingRequest, Program } from '../../contract/index.js';
import { clientForEndpoint, defaultClient, PROVIDER_CHANGE, type ClientProvider } from '../core/client.js';
import { nearestLang, normalizeLocale } from '../core/locale.js';

/** Internal: tells the widgets inside that the client changed (not a public event). */
const providerChange = () => new Event(PROVIDER_CHANGE);

/** A widget that takes a financing hand-off (the calculator). */
interface FinancingTarget extends Element {
  applyFinancing(financing: Partial<FinancingRequest>, program?: Program): void;
}
const takesFinancing = (el: Element): el is FinancingTarget => typeof (el as Partial<FinancingTarget>).applyFinancing === 'function';

/**
 * Provides one client to the widgets inside it: set `endpoint` (a server that speaks the contract) or the
 * `client` property; with neither, the widgets use the bundled data. It also hands a checker's
 * `chanrong-select-program` to the calculators inside it, unless the host cancelled the event.
 * @tag chanrong-services
 * @slot - The widgets that share this client.
 */
export class ChanrongServices extends LitElement implements ClientProvider {
  static override properties = {
    endpoint: { type: String, reflect: true },
    locale: { type: String, reflect: true },
    client: { attribute: false },
  };
  static override styles = css`:host { display: contents; }`;

  /** Base URL of a server that speaks the contract. */
  declare endpoint: string | undefined;
  /** Locale of the messages the server sends back (`Accept-Language`). */
  declare locale: string | undefined;
  /** The client to provide; wins over `endpoint`. */
  declare client: AcceleratorClient | undefined;

  #widgets = new Set<Element>();

  constructor() {
    super();
    this.addEventListener('chanrong-select-program', (event) => {
      // Listeners further up (the host's, on document or window) run after this one in the same dispatch: route
      // after the dispatch, so a host that cancels the event is obeyed.
      queueMicrotask(() => {
        if (event.defaultPrevented) return;
        const targets = [...this.#widgets].filter(takesFinancing);
        for (const target of targets) target.applyFinancing(event.detail.financing, event.detail.program);
        targets[0]?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
      });
    });
  }

  get resolvedClient(): AcceleratorClient {
    if (this.client) return this.client;
    if (this.endpoint) return clientForEndpoint(this.endpoint, normalizeLocale(this.locale) ?? normalizeLocale(nearestLang(this)) ?? 'zh-CN');
    return defaultClient();
  }

  /** Called by each widget inside when it connects. */
  register(widget: Element): void {
    this.#widgets.add(widget);
  }

  unregister(widget: Element): void {
    this.#widgets.delete(widget);
  }

  #seenFirst = false;
  protected override updated(changed: PropertyValues): void {
    if (this.#seenFirst && (changed.has('client') || changed.has('endpoint'))) {
      this.dispatchEvent(providerChange());
    }
    this.#seenFirst = true;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
