// The base of every Chanrong widget, and nothing more than its three concerns: which client it talks to, which
// locale it speaks, and the events it fires. Everything else (requests, formatting, persistence, paging, forms)
// is a reactive controller or a form helper the widget composes; see docs/architecture.md.
import { LitElement, type PropertyValues } from 'lit';
import type { AcceleratorClient, Locale } from '../../contract/index.js';
import { clientForEndpoint, defaultClient, findProvider, PROVIDER_CHANGE, type ClientProvider } from './client.js';
import { problemOf } from './errors.js';
import { chanrongEvent, type ChanrongEventDetails } from './events/index.js';
import { nearestLang, normalizeLocale, onLangChange } from './locale.js';

export type { ChanrongEventDetails };

/**
 * The base of every Chanrong widget: `client` / `endpoint` / the nearest `<chanrong-services>` / the bundled data,
 * `locale` / the nearest `lang`, and typed, bubbling, composed events.
 *
 * Presentation attributes every widget honours (CSS only): `theme="dark"` (the dark preset) and `size="large"`
 * (适老化: larger type and targets, higher contrast).
 * @cssprop [--chanrong-color-primary=#0b5cad] - Buttons, links, focus rings, highlights.
 * @cssprop [--chanrong-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--chanrong-color-text=#1f2329] - Body text.
 * @cssprop [--chanrong-color-muted=#525a66] - Secondary text.
 * @cssprop [--chanrong-color-surface=#ffffff] - The widget's background.
 * @cssprop [--chanrong-color-surface-alt=#f4f6f9] - Panels and figures.
 * @cssprop [--chanrong-color-border=#8a94a3] - Borders of controls (3:1 against the surface).
 * @cssprop [--chanrong-color-rule=#d0d5dd] - Rules, frames and table lines.
 * @cssprop [--chanrong-color-danger=#b42318] - Errors and unmet criteria.
 * @cssprop [--chanrong-color-success=#067647] - Eligible programs and met criteria.
 * @cssprop [--chanrong-color-warning=#8a5a00] - Undetermined programs, warnings, stale results.
 * @cssprop [--chanrong-font-family=system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif] - The widget's font.
 * @cssprop [--chanrong-font-size=1rem] - The base font size (follows the page's root font size).
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
  #provider: ClientProvider | undefined;

  /** The locale in effect. */
  get resolvedLocale(): Locale {
    return normalizeLocale(this.locale) ?? normalizeLocale(this.inheritedLang) ?? 'zh-CN';
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
    this.#provider?.register?.(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribeLang?.();
    this.#provider?.removeEventListener(PROVIDER_CHANGE, this.#providerListener);
    this.#provider?.unregister?.(this);
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

  /** Tells the host the client failed (`chanrong-error` with the problem it carries). */
  protected emitError(error: unknown): void {
    const problem = problemOf(error);
    this.emit('chanrong-error', problem ? { error, problem } : { error });
  }
}
