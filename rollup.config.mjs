// Builds: ESM library entries (dependencies stay external so apps dedupe lit, zod and ky), the Node server
// and CLI, and self-contained minified CDN bundles (one with every widget, one per widget).
import { readFileSync } from 'node:fs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
const isExternal = (id) => id.startsWith('node:') || external.some((dep) => id === dep || id.startsWith(`${dep}/`));

const plugins = (browser) => [
  json({ compact: true, preferConst: true }),
  nodeResolve({ browser, exportConditions: browser ? ['browser', 'import', 'default'] : ['node', 'import', 'default'] }),
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
];

const onwarn = (warning, warn) => {
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.some((id) => id.includes('node_modules'))) return;
  warn(warning);
};

const WIDGETS = ['services', 'eligibility-checker', 'financing-calculator', 'incubator-map'];

// Every customElements.define call lives in an entry file (dist/define.js imports dist/define/<tag>.js, each of
// which calls defineElement itself); package.json#sideEffects lists exactly those files, so bundlers keep them.
// Shared code goes to dist/chunks/, which is side-effect free.
const library = {
  input: {
    sdk: 'src/sdk/index.ts',
    elements: 'src/elements/index.ts',
    define: 'src/define.ts',
    react: 'src/react/index.ts',
    ...Object.fromEntries(WIDGETS.map((w) => [`define/${w}`, `src/define/${w}.ts`])),
    ...Object.fromEntries(WIDGETS.map((w) => [`elements/${w}`, `src/entries/${w}.ts`])),
  },
  external: isExternal,
  plugins: plugins(true),
  onwarn,
  output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
};

const node = {
  input: { server: 'src/server/index.ts', cli: 'src/cli.ts' },
  external: isExternal,
  plugins: plugins(false),
  onwarn,
  output: {
    dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/node-[name]-[hash].js', sourcemap: true,
    banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
  },
};

const cdnEntries = {
  'chanrong.min.js': 'src/define.ts',
  'eligibility-checker.min.js': 'src/define/eligibility-checker.ts',
  'financing-calculator.min.js': 'src/define/financing-calculator.ts',
  'incubator-map.min.js': 'src/define/incubator-map.ts',
};
// One build per CDN file, so each is self-contained; only data loaded lazily (the basemap geometry, the region
// list) becomes a separate chunk under dist/cdn/chunks/, fetched relative to the entry, from the same place.
// Builds that share a chunk emit the same content under the same hashed name.
const cdn = Object.entries(cdnEntries).map(([file, input]) => ({
  input: { [file.replace(/\.js$/, '')]: input },
  // Lazy chunks may import shared code from the entry itself, instead of forcing it into a separate chunk.
  preserveEntrySignatures: 'allow-extension',
  plugins: [...plugins(true), terser({ format: { comments: false }, compress: { passes: 2 } })],
  onwarn,
  output: { dir: 'dist/cdn', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
}));

export default [library, node, ...cdn];