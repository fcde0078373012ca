// `npm start`: the demo portal (demo/), the built bundles (dist/) and the reference API under /v1, on one origin.
import { serveStatic } from '@hono/node-server/serve-static';
import { readFileSync } from 'node:fs';
import { startServer } from '../dist/server.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';

const server = await startServer({
  port,
  host,
  version: pkg.version,
  extend(app) {
    app.get('/', (c) => c.redirect('/demo/'));
    // Browsers ask for /favicon.ico on their own (the pages name demo/favicon.svg, which most browsers use instead).
    app.get('/favicon.ico', (c) => c.redirect('/demo/favicon.svg'));
    app.use('/demo/*', serveStatic({ root: './' }));
    app.use('/dist/*', serveStatic({ root: './' }));
  },
}).catch((error) => {
  console.error(`Could not start the demo on ${host}:${port}: ${error.message}${error.code === 'EADDRINUSE' ? ' (set PORT to use another port)' : ''}`);
  process.exit(1);
});

console.log(`\nChanrong demo portal: ${server.url}/demo/`);
console.log(`Reference API:        ${server.url}/v1/health  (OpenAPI: ${server.url}/openapi.json)\n`);
const stop = () => server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
