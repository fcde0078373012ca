// Moved to src/elements/core/define-element.ts; this path stays for code written before the core.
export * from '../core/define-element.js';
