// Moved to src/elements/core/styles/base.styles.ts; this path stays for code written before the core.
export * from '../core/styles/base.styles.js';
