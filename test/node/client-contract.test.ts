// The shared contract suite against the local client and against the HTTP client talking to a real server.
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../src/server/node.js';
import { createHttpClient } from '../../src/sdk/http-client.js';
import { createLocalClient } from '../../src/sdk/local-client.js';
import { clientContractSuite } from '../shared/client-contract.js';

const api = { describe, it, before, after };

clientContractSuite('local client (Node)', () => createLocalClient(), api);

let server: RunningServer | undefined;
describe('over HTTP', () => {
  before(async () => { server = await startServer({ port: 0, log: false, version: '0.0.0-test' }); });
  after(async () => { await server?.close(); });
  clientContractSuite('HTTP client against the reference server', () => createHttpClient({ baseUrl: server!.url, retry: 0 }), api);
});

describe('local client with a large directory', () => {
  it('answers at once and rejects later calls, naming the path, when idle-time checks find a bad entry', async () => {
    const { syntheticIncubators } = await import('../../src/sdk/synthetic.js');
    const { ChanrongValidationError } = await import('../../src/sdk/errors.js');
    const items = syntheticIncubators(30_000, 3);
    (items[25_001] as { lat: unknown }).lat = 'north';
    const client = createLocalClient({ incubators: items });
    const first = await client.incubators.query({ bbox: [113, 22, 115, 23.5], limit: 10 });
    if (first.items.some((i) => typeof i.lat !== 'number')) throw new Error('an unchecked entry was returned');
    // The checks run in timer turns: yield turns (no fixed sleep) until a call is refused, at most 10,000 of them.
    let refused: unknown;
    for (let turn = 0; turn < 10_000 && !refused; turn++) {
      await new Promise((r) => setTimeout(r, 0));
      refused = await client.incubators.query({ limit: 0 }).then(() => undefined, (error: unknown) => error);
    }
    if (!(refused instanceof ChanrongValidationError) || refused.errors[0]!.path !== 'incubators.25001.lat') throw refused ?? new Error('expected a validation error');
  });
});
