// Moved to src/elements/core/css-props.ts; this path stays for code written before the core.
export * from '../core/css-props.js';
