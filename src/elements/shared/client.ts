// Moved to src/elements/core/client.ts; this path stays for code written before the core.
export * from '../core/client.js';
