// The shared contract suite against the local client inside Chromium: the SDK is isomorphic.
import { createLocalClient } from '../../src/sdk/local-client.js';
import { clientContractSuite } from '../shared/client-contract.js';

clientContractSuite('local client (Chromium)', () => createLocalClient(), { describe, it, before, after });
