// A worker thread of the reference server's pool (./pool.ts, piscina): it holds its own copy of the data and the
// engine, and answers the heavy requests (directory search and views, region statistics, eligibility with paths)
// as JSON text, so the server's event loop only routes, validates and writes. Node only; never in a browser bundle.
import { threadId } from 'node:worker_threads';
import { workerData } from 'piscina';
import { EngineError } from '../engine/errors.js';
import { createService, type ServiceData } from '../engine/service.js';
import { QUEUED, RUNNING, type WorkerInit, type WorkerResult, type WorkerTask } from './offload.js';

async function init(): Promise<(message: WorkerTask) => WorkerResult> {
  const { data } = workerData as WorkerInit;
  const parsed = JSON.parse(Buffer.from(data).toString('utf8')) as ServiceData;
  const service = createService(parsed, () => new Date());
  // Indexes every first request would otherwise pay for: the whole directory's, and region statistics.
  await service.prepareDirectory({});
  await service.prepareDirectory({ stats: true });
  return ({ task, state }) => {
    // Claim the task; if the pool cancelled it first, do nothing.
    if (Atomics.compareExchange(state, 0, QUEUED, RUNNING) !== QUEUED) return { skipped: true };
    try {
      switch (task.op) {
        case 'ping': return { json: 'true', thread: threadId };
        case 'incubators': return { json: JSON.stringify(service.incubators(task.query)), thread: threadId };
        case 'regionStats': return { json: JSON.stringify(service.regionStats(task.query)), thread: threadId };
        case 'eligibility': return { json: JSON.stringify(service.eligibility(task.request)), thread: threadId };
      }
    } catch (error) {
      // Engine refusals are answers (a 400 or 404 naming the field): pass them back as data, not as a crash.
      if (error instanceof EngineError) {
        return { engineError: { kind: error.kind, message: error.message, path: error.path, issues: error.issues }, thread: threadId };
      }
      throw error;
    }
  };
}

export default init();
