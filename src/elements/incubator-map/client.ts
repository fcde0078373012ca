// The client the map talks to when the host gives it data (`incubators`) or nothing at all (the embedded default):
// the directory methods from the directory client alone, loaded on first use (small: no catalog, no eligibility or
// financing engines), everything else (the catalog's industry labels) from the page's usual client, later.
import type { AcceleratorClient } from '../../contract/api.js';
import type { Incubator } from '../../contract/index.js';
import type { DirectoryClient } from '../../sdk/directory-client.js';
import { defaultClient } from '../core/client.js';

export function withDirectory(load: () => Promise<DirectoryClient>, rest: AcceleratorClient): AcceleratorClient {
  let pending: Promise<DirectoryClient> | undefined;
  const directory = () => (pending ??= load().catch((error) => { pending = undefined; throw error; }));
  return {
    ...rest,
    incubators: {
      query: async (query, call) => (await directory()).incubators.query(query, call),
      get: async (id, call) => (await directory()).incubators.get(id, call),
    },
    regions: { stats: async (query, call) => (await directory()).regions.stats(query, call) },
  };
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
