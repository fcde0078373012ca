// The worker module when the server runs from its TypeScript sources (tests, `tsx`): worker threads do not
// inherit tsx's loader on Node 20, so this loads ./worker.ts through tsx's API. The build uses server-worker.js.
import { tsImport } from 'tsx/esm/api';

const worker = await tsImport('./worker.ts', import.meta.url);
export default worker.default;
