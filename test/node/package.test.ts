// The package as published: licence files, package.json fields a consumer's tools read, and the export map
// matching what the build emits. (The packed tarball itself is exercised by npm run test:consumers.)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
// @ts-expect-error -- plain ESM script without types
import { notice, THIRD_PARTY } from '../../scripts/notice.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>; optionalDependencies?: Record<string, string>; devDependencies: Record<string, string>; files: string[]; customElements: string;
  exports: Record<string, string | { types?: string; default?: string }>; sideEffects: string[]; keywords: string[];
  unpkg: string; jsdelivr: string; 'web-types': string;
};
const licenseOf = (name: string) => (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { license: string }).license;

describe('package', () => {
  it('ships LICENSE (Apache-2.0) and a NOTICE naming every third-party package with its licence', () => {
    const license = readFileSync('LICENSE', 'utf8');
    assert.match(license, /Apache License\s+Version 2\.0, January 2004/);
    assert.match(license, /END OF TERMS AND CONDITIONS/);
    assert.ok(pkg.files.includes('LICENSE') && pkg.files.includes('NOTICE'));
    const text = readFileSync('NOTICE', 'utf8');
    const listed = (THIRD_PARTY as { names: string[] }[]).flatMap((g) => g.names);
    for (const name of listed) {
      assert.match(text, new RegExp(`^${name.replace(/[/.]/g, '\\$&')}@\\S+  ${licenseOf(name).replace(/[()]/g, '\\$&')}  `, 'm'), `NOTICE names ${name} (${licenseOf(name)}): run node scripts/notice.mjs --write`);
    }
    for (const dep of [...Object.keys(pkg.dependencies), ...Object.keys(pkg.optionalDependencies ?? {})]) assert.ok(listed.includes(dep), `dependency ${dep} is in scripts/notice.mjs and NOTICE`);
    // Every package bundled into the CDN files is named too (their sourcemaps list them; checked by the CDN test
    // after a build), and the generator's licence texts are what NOTICE carries.
    assert.equal(text.replace(/^(\S+)@\S+/gm, '$1'), (notice() as string).replace(/^(\S+)@\S+/gm, '$1'), 'NOTICE is out of date: run node scripts/notice.mjs --write');
  });

  it('points package.json#customElements at the manifest the build writes, and has the fields tools read', () => {
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.ok(pkg.files.includes('custom-elements.json'));
    assert.equal(pkg['web-types'], './dist/web-types.json');
    assert.equal(pkg.unpkg, './dist/cdn/chanrong.min.js');
    assert.equal(pkg.jsdelivr, './dist/cdn/chanrong.min.js');
    assert.equal(pkg.exports['./cdn/*'], './dist/cdn/*');
    assert.ok(pkg.keywords.includes('web-components'));
    assert.ok(!('@types/geojson' in pkg.devDependencies), 'the published .d.ts import geojson types: a dependency, not a devDependency');
  });

  it('has a define entry and a class entry per widget, and lists every define entry in sideEffects', () => {
    const widgets = readdirSync('src/define').filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
    assert.deepEqual(widgets.sort(), ['eligibility-checker', 'financing-calculator', 'incubator-map', 'services']);
    for (const w of widgets) {
      assert.deepEqual(pkg.exports[`./define/${w}`], { types: `./dist/types/define/${w}.d.ts`, default: `./dist/define/${w}.js` });
      assert.deepEqual(pkg.exports[`./elements/${w}`], { types: `./dist/types/entries/${w}.d.ts`, default: `./dist/elements/${w}.js` });
      assert.match(readFileSync(`src/define/${w}.ts`, 'utf8'), new RegExp(`^defineElement\\('chanrong-${w}'`, 'm'), `src/define/${w}.ts calls defineElement itself`);
    }
    assert.ok(pkg.sideEffects.includes('./dist/define.js') && pkg.sideEffects.includes('./dist/define/*.js'));
    assert.ok(!pkg.sideEffects.some((p) => p.includes('chunks')), 'shared chunks stay side-effect free');
    assert.ok(pkg.exports['.'], 'a "." export');
    // The Node entries the README and the contract name (chanrong/screening was documented and not exported).
    assert.deepEqual(pkg.exports['./server'], { types: './dist/types/server/index.d.ts', default: './dist/server.js' });
    assert.deepEqual(pkg.exports['./screening'], { types: './dist/types/screening/index.d.ts', default: './dist/screening.js' });
    assert.match(readFileSync('rollup.config.mjs', 'utf8'), /screening: 'src\/screening\/index\.ts'/);
  });
});

describe('README', () => {
  const readme = readFileSync('README.md', 'utf8');
  it('is a guide for this package: its sections are there and nothing points outside the repository', () => {
    for (const heading of ['### Vue 3', '### Angular', '### Svelte', '### Server-side rendering', '### React', '### Typed events']) assert.ok(readme.includes(heading), heading);
    assert.match(readme, /:not\(:defined\)/);
    assert.match(readme, /Access-Control-Allow-Origin/);
    assert.match(readme, /importmap/);
    assert.match(readme, /docs\/contract\.md/);
    for (const stale of ['Still to come', 'React 17', 'd3-shape', '../shared', 'shared/CONTRACT']) assert.ok(!readme.includes(stale), `stale: ${stale}`);
  });
});
