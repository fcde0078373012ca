// <chanrong-services>: provides one AcceleratorClient to every Chanrong widget inside it.
import { html, LitElement, css, type PropertyValues } from 'lit';
import type { AcceleratorClient } from '../../contract/index.js';
import { clientForEndpoint, defaultClient, PROVIDER_CHANGE, type ClientProvider } from '../shared/client.js';
import { nearestLang, normalizeLocale } from '../shared/locale.js';

/** Internal: tells the widgets inside that the client changed (not a public event). */
const providerChange = () => new Event(PROVIDER_CHANGE);

/**
 * Provides one client to the widgets inside it: set `endpoint` (a server that speaks the contract) or the
 * `client` property; with neither, the widgets use the bundled data.
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

  get resolvedClient(): AcceleratorClient {
    if (this.client) return this.client;
    if (this.endpoint) return clientForEndpoint(this.endpoint, normalizeLocale(this.locale) ?? normalizeLocale(nearestLang(this)) ?? 'zh-CN');
    return defaultClient();
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
