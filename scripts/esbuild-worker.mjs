// The directory's Web Worker in esbuild builds (the benchmark, browser tests' pages): src/sdk/worker-directory.ts
// names the worker's TypeScript source (which the test runner serves as is); here that URL becomes the built
// file's, and the worker is added as an entry point so it lands next to the chunks (`directory-worker.js`).
// rollup.config.js does the same for the published builds, with the worker bundled into one self-contained file.
import { readFile } from 'node:fs/promises';

export const WORKER_ENTRY = { 'directory-worker': 'src/sdk/directory-worker.ts' };

export function directoryWorker() {
  return {
    name: 'chanrong-directory-worker',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]sdk[\\/]worker-directory\.ts$/ }, async (args) => ({
        contents: (await readFile(args.path, 'utf8')).replace(/(['"])\.\/directory-worker\.ts\1/, "'./directory-worker.js'"),
        loader: 'ts',
      }));
    },
  };
}
