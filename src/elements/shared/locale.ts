// Moved to src/elements/core/locale.ts; this path stays for code written before the core.
export * from '../core/locale.js';
