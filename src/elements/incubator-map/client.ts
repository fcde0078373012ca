// The client the map talks to when the host gives it data (`incubators`) or nothing at all (the embedded default):
// the directory methods from the directory client alone, loaded on first use (small: no catalog, no eligibility or
// financing engines), everything else (the catalog's industry labels) from the page's usual client, later.
import type { AcceleratorClient } from '../../contract/api.js';
import type { Incubator } from '../../contract/index.js';
import type { DirectoryClient } from '../../sdk/directory-client.js';
import { defaultClient } from '../core/client.js';

const closers = new WeakMap<AcceleratorClient, () => void>();

/** Ends a directory's background work (idle validation, worker) when the map drops the client made for it. */
export function closeDirectory(client: AcceleratorClient | undefined): void {
  if (client) closers.get(client)?.();
}

export function withDirectory(load: () => Promise<DirectoryClient>, rest: AcceleratorClient): AcceleratorClient {
  let pending: Promise<DirectoryClient> | undefined;
  const directory = () => (pending ??= load().catch((error) => { pending = undefined; throw error; }));
  const client: AcceleratorClient = {
    ...rest,
    incubators: {
      query: async (query, call) => (await directory()).incubators.query(query, call),
      get: async (id, call) => (await directory()).incubators.get(id, call),
    },
    regions: { stats: async (query, call) => (await directory()).regions.stats(query, call) },
  };
  closers.set(client, () => void pending?.then((d) => d.close(), () => undefined));
  return client;
}

const loadDirectoryClient = (incubators?: Incubator[]) => async () =>
  (await import('../../sdk/directory-client.js')).createDirectoryClient(incubators ? { incubators } : {});

let embedded: AcceleratorClient | undefined;

/** The map's client: `usual` itself unless it is the embedded default, or the host set `incubators`. */
export function mapClient(usual: AcceleratorClient, incubators: Incubator[] | undefined): AcceleratorClient {
  if (incubators) return withDirectory(loadDirectoryClient(incubators), usual);
  if (usual !== defaultClient()) return usual;
  return (embedded ??= withDirectory(loadDirectoryClient(), usual));
}
