// chanrong/server: the reference server (Node only).
export { createApp, type AppOptions } from './app.js';
export { startServer, type ServeOptions, type RunningServer } from './node.js';
export { buildOpenApi } from './openapi.js';
