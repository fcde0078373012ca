// What every Chanrong widget shares: locale resolution, client resolution, typed events, `chanrong-ready` once.
import { LitElement, type PropertyValues } from 'lit';
import type { AcceleratorClient, Locale } from '../../contract/index.js';
import { ChanrongError } from '../../sdk/errors.js';
import { clientForEndpoint, defaultClient, findProvider, PROVIDER_CHANGE } from './client.js';
import { nearestLang, normalizeLocale, onLangChange } from './locale.js';
import { messages, type Messages } from '../messages/index.js';

/** Every Chanrong event bubbles and crosses shadow roots. (Built here, not inline, so the manifest analyzer
 * lists each widget's documented `@fires` events rather than a generic one.) */
function chanrongEvent<K extends keyof ChanrongEventDetails>(type: K, detail: ChanrongEventDetails[K], cancelable: boolean): CustomEvent {
  return new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable });
}

/**
 * The base of every Chanrong widget.
 * @cssprop [--chanrong-color-primary=#0b5cad] - Buttons, links, focus rings, highlights.
 * @cssprop [--chanrong-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--chanrong-color-text=#1f2329] - Body text.
 * @cssprop [--chanrong-color-muted=#5c6470] - Secondary text.
 * @cssprop [--chanrong-color-surface=#ffffff] - The widget's background.
 * @cssprop [--chanrong-color-surface-alt=#f4f6f9] - Panels and figures.
 * @cssprop [--chanrong-color-border=#d0d5dd] - Borders and rules.
 * @cssprop [--chanrong-color-danger=#b42318] - Errors and unmet criteria.
 * @cssprop [--chanrong-color-success=#067647] - Eligible programs and met criteria.
 * @cssprop [--chanrong-color-warning=#9a6700] - Undetermined programs and warnings.
 * @cssprop [--chanrong-font-family=system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif] - The widget's font.
 * @cssprop [--chanrong-font-size=16px] - The base font size.
 * @cssprop [--chanrong-radius=6px] - Corner radius.
 * @cssprop [--chanrong-spacing=1rem] - Base spacing.
 */
export abstract class ChanrongElement extends LitElement {
  static override properties = {
    endpoint: { type: String, reflect: true },
    locale: { type: String, reflect: true },
    client: { attribute: false },
    inheritedLang: { state: true, attribute: false },
  };

  /** Base URL of a server that speaks the contract; without it (and without `client`) the bundled data is used. */
  declare endpoint: string | undefined;
  /** `zh-CN`, `zh-TW` or `en`; defaults to the nearest `lang` attribute and follows its changes. */
  declare locale: string | undefined;
  /** An AcceleratorClient to use instead of `endpoint` or the bundled data. */
  declare client: AcceleratorClient | undefined;
  declare protected inheritedLang: string | null;

  #unsubscribeLang?: () => void;
  #ready = false;
  #providerListener = () => this.clientChanged();
  #provider: Element | undefined;

  /** The locale in effect. */
  get resolvedLocale(): Locale {
    return normalizeLocale(this.locale) ?? normalizeLocale(this.inheritedLang) ?? 'zh-CN';
  }

  /** The message table of the locale in effect. */
  protected get t(): Messages {
    return messages[this.resolvedLocale];
  }

  /** The client in effect. */
  get resolvedClient(): AcceleratorClient {
    if (this.client) return this.client;
    if (this.endpoint) return clientForEndpoint(this.endpoint, this.resolvedLocale);
    return findProvider(this)?.resolvedClient ?? defaultClient();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.inheritedLang = nearestLang(this);
    this.#unsubscribeLang = onLangChange(() => { this.inheritedLang = nearestLang(this); });
    this.#provider = findProvider(this);
    this.#provider?.addEventListener(PROVIDER_CHANGE, this.#providerListener);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribeLang?.();
    this.#provider?.removeEventListener(PROVIDER_CHANGE, this.#providerListener);
    this.#provider = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Loading starts inside the first update (no extra render cycle); a new data source reloads.
    if (!this.hasUpdated || changed.has('client') || changed.has('endpoint')) this.clientChanged();
  }

  /** Called when the client in effect may have changed; widgets reload their data. */
  protected abstract clientChanged(): void;

  /** Fires `chanrong-ready` once, after the first complete render. */
  protected async markReady(): Promise<void> {
    if (this.#ready) return;
    this.#ready = true;
    await this.updateComplete;
    this.emit('chanrong-ready', {});
  }

  /** Dispatches a bubbling, composed event; returns false when a cancelable one was cancelled by the host. */
  protected emit<K extends keyof ChanrongEventDetails>(type: K, detail: ChanrongEventDetails[K], cancelable = false): boolean {
    return this.dispatchEvent(chanrongEvent(type, detail, cancelable));
  }

  /** Reports an error: `chanrong-error` for the host, a localized sentence for the user. */
  protected reportError(error: unknown): string {
    this.emit('chanrong-error', { error });
    return this.describeError(error);
  }

  protected describeError(error: unknown): string {
    const t = this.t;
    if (error instanceof ChanrongError) {
      if (error.status === 501) return t.errors.notImplemented;
      if (error.status === 0) return t.errors.network;
      if (error.status === 404) return t.errors.notFound;
      if (error.status === 400) return `${t.errors.invalid} ${error.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`;
      if (error.name === 'ChanrongResponseError') return t.errors.badAnswer;
      return `${t.errors.server} (${error.status})`;
    }
    if (error instanceof DOMException && error.name === 'AbortError') return t.errors.cancelled;
    return t.errors.unexpected;
  }
}

/** Detail of every event a Chanrong widget fires. */
export interface ChanrongEventDetails {
  'chanrong-ready': Record<string, never>;
  'chanrong-error': { error: unknown };
  'chanrong-change': { profile?: unknown; request?: unknown };
  'chanrong-result': { report: unknown };
  'chanrong-select-program': { program: unknown };
  'chanrong-quote': { quote: unknown };
  'chanrong-render': { durationMs: number; points: number };
  'chanrong-select': { incubator: unknown };
}
