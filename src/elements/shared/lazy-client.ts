// Moved to src/elements/core/lazy-client.ts; this path stays for code written before the core.
export * from '../core/lazy-client.js';
