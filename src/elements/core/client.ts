// Which AcceleratorClient a widget talks to: its `client` property, else its `endpoint` attribute, else the
// nearest <chanrong-services>, else one shared local client on the bundled data (the embedded default).
import type { AcceleratorClient } from '../../contract/api.js';
import type { Locale } from '../../contract/common.js';
import { lazyClient } from './lazy-client.js';

let sharedLocal: AcceleratorClient | undefined;
export function defaultClient(): AcceleratorClient {
  sharedLocal ??= lazyClient(async () => (await import('../../sdk/local-client.js')).createLocalClient());
  return sharedLocal;
}

const httpClients = new Map<string, AcceleratorClient>();
export function clientForEndpoint(endpoint: string, locale: Locale): AcceleratorClient {
  const key = `${endpoint}\u0000${locale}`;
  let client = httpClients.get(key);
  if (!client) {
    client = lazyClient(async () => (await import('../../sdk/http-client.js')).createHttpClient({ baseUrl: endpoint, locale }));
    httpClients.set(key, client);
  }
  return client;
}

/** An element that provides a client to the widgets inside it. */
export interface ClientProvider extends Element {
  readonly resolvedClient: AcceleratorClient;
  /** Widgets inside announce themselves, so the provider can route hand-offs without querying the DOM. */
  register?(widget: Element): void;
  unregister?(widget: Element): void;
}

export function findProvider(el: Element): ClientProvider | undefined {
  let node: Node | null = el.parentNode ?? null;
  while (node) {
    if (node instanceof Element && node.localName === 'chanrong-services' && 'resolvedClient' in node) return node as ClientProvider;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}

/** Fired by a provider when its client changes, so the widgets inside reload. */
export const PROVIDER_CHANGE = 'chanrong-provider-change';
