// custom-elements.json from the widget sources. The analyzer writes package.json#customElements by default; that
// field is set by hand (custom-elements.json at the package root) so that no test or build writes a tracked file.
//
// The `chanrong` plugin finishes what the analyzer cannot see on its own:
// - every event gets its type, `CustomEvent<{ quote: FinancingQuote | BondQuote }>`, read from the detail types of
//   the events table (`interface ChanrongEventDetails`, with one detail type per event in src/elements/**);
// - attributes get the union types of the contract (locale, repayment, level) and the presentation attributes every
//   widget honours through CSS only (`theme`, and `size` where the styles use it) are declared;
// - module paths point at shipped files: the declarations at dist/types/**.d.ts, and the tag definitions at the
//   define entries dist/define/<tag>.js;
// - private and protected members stay out (they are not API).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** Attribute name → the union the contract allows (test/node/manifest.test.ts checks these against src/contract). */
export const ATTRIBUTE_TYPES = {
  locale: "'zh-CN' | 'zh-TW' | 'en'",
  repayment: "'equal-installment' | 'equal-principal' | 'interest-only'",
  level: "'national' | 'regional' | 'local' | 'cluster'",
  theme: "'light' | 'dark'",
  size: "'normal' | 'large'",
};

const WIDGET_TAGS = ['chanrong-eligibility-checker', 'chanrong-financing-calculator', 'chanrong-incubator-map'];

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

/** Event name → the text of its detail type, from the sources' `interface ChanrongEventDetails`. */
export function eventDetailTypes(root = 'src/elements') {
  const declared = new Map(); // type name → text of its shape
  let table;
  for (const file of sourceFiles(root)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (ts.isInterfaceDeclaration(statement)) {
        const body = statement.members.map((m) => m.getText(source).replace(/\/\*\*[\s\S]*?\*\/\s*/g, '').replace(/[;,]\s*$/, '')).join('; ');
        declared.set(statement.name.text, `{ ${body} }`);
        if (statement.name.text === 'ChanrongEventDetails') {
          table = statement.members.filter(ts.isPropertySignature).map((m) => [m.name.getText(source).replace(/['"]/g, ''), m.type.getText(source)]);
        }
      } else if (ts.isTypeAliasDeclaration(statement)) {
        declared.set(statement.name.text, statement.type.getText(source).replace(/\/\*\*[\s\S]*?\*\/\s*/g, '').replace(/\s+/g, ' '));
      }
    }
  }
  const expand = (text) => text.replace(/ChanrongEventDetails\['([^']+)'\]/g, (_, k) => k).replace(/^[A-Z]\w*Detail$/, (name) => declared.get(name) ?? name);
  return new Map((table ?? []).map(([name, type]) => [name, expand(type).replace(/\s+/g, ' ')]));
}

export function chanrongPlugin() {
  return {
    name: 'chanrong',
    packageLinkPhase({ customElementsManifest }) {
      const details = eventDetailTypes();
      const usesSize = sourceFiles('src/elements').some((f) => /\[size=['"]?large/.test(readFileSync(f, 'utf8')));
      for (const mod of customElementsManifest.modules) {
        const source = mod.path;
        // src/elements/x/y.ts → the shipped declaration file dist/types/elements/x/y.d.ts
        mod.path = source.replace(/^src\//, 'dist/types/').replace(/\.ts$/, '.d.ts');
        for (const exp of mod.exports ?? []) {
          if (exp.declaration?.module) exp.declaration.module = exp.declaration.module.replace(/^src\//, 'dist/types/').replace(/\.ts$/, '.d.ts');
        }
        for (const d of mod.declarations ?? []) {
          if (d.superclass?.module) d.superclass.module = d.superclass.module.replace(/^src\//, 'dist/types/').replace(/\.ts$/, '.d.ts');
          d.members = (d.members ?? []).filter((m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#') && !m.name.startsWith('_'));
          for (const m of d.members) {
            if (m.inheritedFrom?.module) m.inheritedFrom.module = m.inheritedFrom.module.replace(/^src\//, 'dist/types/').replace(/\.ts$/, '.d.ts');
          }
          if (!d.tagName) continue;
          for (const a of d.attributes ?? []) {
            if (a.inheritedFrom?.module) a.inheritedFrom.module = a.inheritedFrom.module.replace(/^src\//, 'dist/types/').replace(/\.ts$/, '.d.ts');
            if (ATTRIBUTE_TYPES[a.name]) a.type = { text: `${ATTRIBUTE_TYPES[a.name]} | undefined` };
          }
          for (const e of d.events ?? []) {
            const detail = details.get(e.name);
            if (detail) e.type = { text: `CustomEvent<${detail}>` };
            if (e.inheritedFrom?.module) e.inheritedFrom.module = e.inheritedFrom.module.replace(/^src\//, 'dist/types/').replace(/\.ts$/, '.d.ts');
          }
          if (WIDGET_TAGS.includes(d.tagName)) {
            d.attributes ??= [];
            const extra = [['theme', "`dark` switches to the dark preset (CSS only; any --chanrong-* property you set still wins)."]];
            if (usesSize) extra.push(['size', '`large`: the elderly-friendly (适老化) mode, larger type and targets (CSS only).']);
            for (const [name, description] of extra) {
              if (!d.attributes.some((a) => a.name === name)) d.attributes.push({ name, type: { text: `${ATTRIBUTE_TYPES[name]} | undefined` }, description });
            }
          }
        }
      }
      // The tags are defined by the define entries, not by the class modules: say so where a tool looks.
      for (const mod of [...customElementsManifest.modules]) {
        for (const d of mod.declarations ?? []) {
          if (!d.tagName) continue;
          customElementsManifest.modules.push({
            kind: 'javascript-module',
            path: `dist/define/${d.tagName.replace(/^chanrong-/, '')}.js`,
            declarations: [],
            exports: [
              { kind: 'custom-element-definition', name: d.tagName, declaration: { name: d.name, module: mod.path } },
              { kind: 'js', name: d.name, declaration: { name: d.name, module: mod.path } },
            ],
          });
        }
      }
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/styles/**', 'src/elements/messages/**'],
  litelement: true,
  packagejson: false,
  plugins: [chanrongPlugin()],
};
