// Builds: ESM library entries (dependencies stay external so apps dedupe lit, zod and ky), the Node server
// and CLI, and self-contained minified CDN bundles (one with every widget, one per widget).
import { readFileSync } from 'node:fs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { build as esbuildBuild } from 'esbuild';
import MagicString from 'magic-string';
import { posix } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
const isExternal = (id) => id.startsWith('node:') || external.some((dep) => id === dep || id.startsWith(`${dep}/`));

// The directory's Web Worker (src/sdk/directory-worker.ts): bundled by esbuild into one self-contained file,
// emitted as an asset, and the URL in src/sdk/worker-directory.ts pointed at it, so it works from dist/, the CDN
// files and an app bundler's copy alike (a worker cannot share the page's chunks).
const directoryWorker = () => ({
  name: 'chanrong-directory-worker',
  async transform(code, id) {
    if (!/[\\/]src[\\/]sdk[\\/]worker-directory\.ts$/.test(id)) return null;
    const pattern = /new URL\((['"])\.\/directory-worker\.ts\1, import\.meta\.url\)/;
    if (!pattern.test(code)) this.error('worker-directory.ts no longer names ./directory-worker.ts');
    const built = await esbuildBuild({ entryPoints: [new URL('./src/sdk/directory-worker.ts', import.meta.url).pathname], bundle: true, format: 'esm', target: 'es2022', minify: true, write: false, logLevel: 'error' });
    const ref = this.emitFile({ type: 'asset', name: 'directory-worker.js', source: built.outputFiles[0].text });
    return { code: code.replace(pattern, `new URL(import.meta.ROLLUP_FILE_URL_${ref})`), map: null };
  },
});

const plugins = (browser) => [
  directoryWorker(),
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
  // screening: `chanrong/screening`, compileCatalogToSql for Node (the CLI's `screen` imports the same modules).
  // server-worker: the module each worker thread of the server's pool loads (src/server/pool.ts finds it by name).
  input: { server: 'src/server/index.ts', screening: 'src/screening/index.ts', cli: 'src/cli.ts', 'server-worker': 'src/server/worker.ts' },
  external: isExternal,
  plugins: plugins(false),
  onwarn,
  output: {
    dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/node-[name]-[hash].js', sourcemap: true,
    banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
  },
};

// The CDN files: one with every widget, one per widget (each with <chanrong-services>), built together so they
// share chunks (load two per-widget files on one page and the shared code runs once). Each entry file is a facade
// that only imports chunks, and no chunk ever imports an entry file: an entry served under another name
// (chanrong.0.2.0.min.js) or with a query (?v=2) is still one module graph, with no 404 and nothing run twice.
// The per-tag define modules (src/define/<tag>.ts) are emitted as chunks of their own, so shared code lands in
// dist/cdn/chunks/ and never in a file a page names (src/define.ts itself only imports them).
const cdnEntries = {
  chanrong: ['src/define.ts'],
  'eligibility-checker': ['src/define/services.ts', 'src/define/eligibility-checker.ts'],
  'financing-calculator': ['src/define/services.ts', 'src/define/financing-calculator.ts'],
  'incubator-map': ['src/define/services.ts', 'src/define/incubator-map.ts'],
};
const FACADE = '\0chanrong-cdn:';
// Built on their own, after the shared build (see cdnSelfContained below).
const SELF_CONTAINED = ['incubator-map'];
// The modules it imports lazily, which the shared build emits as chunks of their own (checked: the map build stops
// at any other lazy import).
const LAZY_SHARED = ['src/elements/incubator-map/gestures.ts', 'src/sdk/directory-client.ts', 'src/sdk/local-client.ts', 'src/sdk/http-client.ts', 'src/data/geo/topology.ts', 'src/data/geo/labels.ts'];
const cdnFacades = (emitDefines = true) => ({
  name: 'chanrong-cdn-facades',
  buildStart() {
    if (!emitDefines) return;
    // What the self-contained map file imports lazily from this build: chunks of their own, exports by name.
    for (const id of LAZY_SHARED) {
      this.emitFile({ type: 'chunk', id: new URL(id, import.meta.url).pathname, name: id.replace(/^.*\//, '').replace(/\.ts$/, ''), preserveSignature: 'strict' });
    }
    for (const id of new Set(Object.values(cdnEntries).flat().filter((m) => m.startsWith('src/define/')))) {
      this.emitFile({ type: 'chunk', id, name: id.replace(/^src\//, '').replace(/\.ts$/, '').replace('/', '-'), preserveSignature: 'strict' });
    }
  },
  resolveId: (id) => (id.startsWith(FACADE) ? id : null),
  load(id) {
    if (!id.startsWith(FACADE)) return null;
    const name = id.slice(FACADE.length);
    return cdnEntries[name].map((m) => `import ${JSON.stringify(new URL(m, import.meta.url).pathname)};`).join('\n');
  },
});
const banner = `/*! Chanrong ${pkg.version} | Apache-2.0 | bundles lit (BSD-3-Clause), zod (MIT), ky (MIT), d3 modules (ISC, d3-ease BSD-3-Clause), kdbush (ISC), topojson-client (ISC): see NOTICE */`;
// The contract modules only define schemas and pure helpers: a widget that imports `localize` from the contract's
// index must not pull every zod schema into its eager chunks (the local and HTTP clients load theirs lazily).
// For consumers' bundlers, package.json#sideEffects says the same of dist/chunks.
const pureModules = (id) => !/[\\/]src[\\/]contract[\\/]/.test(id);
// A lazily loaded chunk's own static imports are fetched together with it (as Vite's preload helper does), not
// discovered only once it has arrived: `import('./a.js')` becomes `Promise.all([import('./a.js'), import('./b.js')])`
// for every chunk b that a needs and the importer has not loaded already. On a phone's network (560 ms a round trip)
// that is a round trip less before the map's data, or a widget's client, can run. Chunks are side-effect free.
const parallelDynamicImports = () => ({
  name: 'chanrong-parallel-dynamic-imports',
  renderChunk(code, chunk, _options, meta) {
    if (!chunk.dynamicImports.length) return null;
    const closure = (file, seen = new Set()) => {
      for (const d of meta.chunks[file]?.imports ?? []) if (!seen.has(d)) { seen.add(d); closure(d, seen); }
      return seen;
    };
    const loaded = closure(chunk.fileName, new Set([chunk.fileName]));
    const dir = posix.dirname(chunk.fileName);
    const rel = (file) => { const r = posix.relative(dir, file); return r.startsWith('.') ? r : `./${r}`; };
    const s = new MagicString(code);
    let changed = false;
    for (const target of chunk.dynamicImports) {
      const extra = [...closure(target)].filter((d) => !loaded.has(d) && d !== target);
      if (!extra.length) continue;
      const spec = rel(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      for (const m of code.matchAll(new RegExp(`import\\((["'])${spec}\\1\\)`, 'g'))) {
        s.overwrite(m.index, m.index + m[0].length, `Promise.all([${m[0]},${extra.map((d) => `import(${JSON.stringify(rel(d))})`).join(',')}]).then((m)=>m[0])`);
        changed = true;
      }
    }
    return changed ? { code: s.toString(), map: s.generateMap({ hires: true }) } : null;
  },
});

// The shared build's chunks, by file name, for the map's self-contained file (built next) to import lazily.
let sharedChunks;
const captureChunks = () => ({
  name: 'chanrong-capture-chunks',
  generateBundle(_options, bundle) { sharedChunks = bundle; },
});

const cdn = {
  treeshake: { moduleSideEffects: pureModules },
  input: Object.fromEntries(Object.keys(cdnEntries).filter((name) => !SELF_CONTAINED.includes(name)).map((name) => [`${name}.min`, `${FACADE}${name}`])),
  preserveEntrySignatures: false,
  plugins: [cdnFacades(), ...plugins(true), terser({ format: { comments: /@license|@preserve|^!/ }, compress: { passes: 2 } }), parallelDynamicImports(), captureChunks()],
  onwarn,
  output: {
    dir: 'dist/cdn', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true,
    banner: (chunk) => (chunk.isEntry && chunk.facadeModuleId?.startsWith(FACADE) ? banner : ''),
  },
};

// incubator-map.min.js is self-contained for its first paint: everything the map needs to draw (lit, the element,
// d3, the light basemap) is in that one file, so a phone gets a drawn map one round trip after the page (on Fast 3G
// a round trip is 560 ms; the facade layout cost two more: the facade, then its chunks, then the lazy basemap).
// What it loads later (the directory client and its data, the full basemap and city labels, the catalog, the HTTP
// client) are the shared build's lazy chunks, fetched together with their own imports; those chunks never import
// this file, so a renamed or ?v= entry still runs once. Its code is a second copy of what chanrong.min.js and the
// other per-widget files carry: on a page with other widgets, use chanrong.min.js (or accept loading lit twice;
// the tags are registered once, by whichever file comes first).
const INLINE_LAZY = [/[\\/]src[\\/]data[\\/]geo[\\/]light\.ts$/];
const sharedLazyChunks = () => ({
  name: 'chanrong-shared-lazy-chunks',
  async resolveDynamicImport(specifier, importer) {
    if (typeof specifier !== 'string') this.error(`a computed import() in ${importer}`);
    const resolved = await this.resolve(specifier, importer, { skipSelf: true });
    if (!resolved || INLINE_LAZY.some((re) => re.test(resolved.id))) return null;
    const chunk = Object.values(sharedChunks ?? {}).find((c) => c.type === 'chunk' && c.facadeModuleId === resolved.id);
    if (!chunk) this.error(`${resolved.id} (imported lazily by ${importer}) is not in LAZY_SHARED (no chunk of its own in the shared CDN build)`);
    return { id: `./${chunk.fileName}`, external: 'absolute' };
  },
  renderChunk(code) {
    // Each shared chunk is fetched together with the chunks it imports (one round trip, not one per level).
    const closure = (file, seen = new Set()) => {
      for (const d of sharedChunks[file]?.imports ?? []) if (!seen.has(d)) { seen.add(d); closure(d, seen); }
      return seen;
    };
    const s = new MagicString(code);
    for (const m of code.matchAll(/import\((["'])\.\/(chunks\/[^"']+)\1\)/g)) {
      const extra = [...closure(m[2])];
      if (extra.length) s.overwrite(m.index, m.index + m[0].length, `Promise.all([${m[0]},${extra.map((d) => `import("./${d}")`).join(',')}]).then((m)=>m[0])`);
    }
    return { code: s.toString(), map: s.generateMap({ hires: true }) };
  },
  generateBundle(_options, bundle) {
    const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
    if (chunks.length !== 1) this.error(`the self-contained map file split into ${chunks.map((c) => c.fileName).join(', ')}`);
  },
});
const cdnSelfContained = {
  treeshake: { moduleSideEffects: pureModules },
  input: Object.fromEntries(SELF_CONTAINED.map((name) => [`${name}.min`, `${FACADE}${name}`])),
  preserveEntrySignatures: false,
  plugins: [cdnFacades(false), sharedLazyChunks(), ...plugins(true), terser({ format: { comments: /@license|@preserve|^!/ }, compress: { passes: 2 } })],
  onwarn,
  output: { dir: 'dist/cdn', format: 'es', entryFileNames: '[name].js', inlineDynamicImports: true, sourcemap: true, banner },
};

export default [library, node, cdn, cdnSelfContained];
