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
