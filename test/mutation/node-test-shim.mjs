// Mutation testing only (stryker.config.mjs): lets mocha, which gives Stryker per-test coverage, run the engine's
// Node tests that are written against `node:test` (describe/it/before/after and a small `t`). Loaded with
// `--import`, it answers `node:test` with mocha's globals, for CommonJS `require` (tsx compiles the .ts test files
// mocha requires) and for ESM `import` alike. Nothing else uses it.
import Module, { register } from 'node:module';

const shim = {};
{
  const g = globalThis;
  const ctx = () => ({ diagnostic() {}, skip() {}, todo() {}, plan() {}, name: '' });
  const wrap = (fn) => (fn ? function () { return fn.call(this, ctx()); } : undefined);
  const args = (a, b, c) => (typeof b === 'function' ? [a, b] : [a, c]);
  shim.describe = (a, b, c) => { const [name, fn] = args(a, b, c); return g.describe(name, fn); };
  shim.it = (a, b, c) => { const [name, fn] = args(a, b, c); return g.it(name, wrap(fn)); };
  shim.it.skip = (name) => g.it.skip(name);
  shim.it.todo = (name) => g.it.skip(name);
  shim.it.only = shim.it;
  shim.describe.skip = (name, fn) => g.describe.skip(name, fn);
  shim.describe.only = shim.describe;
  shim.test = shim.it;
  shim.suite = shim.describe;
  for (const hook of ['before', 'after', 'beforeEach', 'afterEach']) shim[hook] = (fn) => g[hook](wrap(fn));
  shim.default = shim.it;
}
globalThis.__chanrongNodeTestShim = shim;

const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'node:test') return shim;
  return load.call(this, request, ...rest);
};

register('data:text/javascript,' + encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === 'node:test') return { url: 'chanrong-shim:node-test', shortCircuit: true };
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (url !== 'chanrong-shim:node-test') return next(url, context);
  const names = ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'];
  const source = 'const s = globalThis.__chanrongNodeTestShim;\\n'
    + names.map((n) => 'export const ' + n + ' = s.' + n + ';').join('\\n') + '\\nexport default s.it;';
  return { format: 'module', source, shortCircuit: true };
}
`));
