import type { Plugin } from 'esbuild';
export declare const WORKER_ENTRY: Record<string, string>;
export declare function directoryWorker(): Plugin;
