// Editor support generated from custom-elements.json (run by `npm run build` after the analyzer):
// - dist/vscode.html-custom-data.json: VS Code's HTML custom data (settings: "html.customData"),
// - dist/web-types.json: JetBrains web-types (package.json#web-types points at it).
// Tags, attributes with their allowed values, events with their detail types, and a link to the README section.
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
const docs = `https://www.npmjs.com/package/${pkg.name}`;

/** `'a' | 'b' | undefined` → ['a', 'b']; anything else → []. */
export function unionValues(text = '') {
  const parts = text.split('|').map((s) => s.trim()).filter((s) => s !== 'undefined');
  return parts.every((p) => /^'[^']*'$/.test(p)) ? parts.map((p) => p.slice(1, -1)) : [];
}

const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

const vscode = {
  version: 1.1,
  tags: elements.map((d) => ({
    name: d.tagName,
    description: [d.description || d.summary || '', ...(d.events ?? []).map((e) => `@fires ${e.name} ${e.type?.text ?? ''} — ${e.description ?? ''}`)].join('\n\n').trim(),
    attributes: (d.attributes ?? []).map((a) => {
      const values = unionValues(a.type?.text);
      return {
        name: a.name,
        description: `${a.description ?? ''}${a.type?.text ? `\n\n\`${a.type.text}\`` : ''}`.trim(),
        ...(values.length ? { values: values.map((name) => ({ name })) } : a.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
      };
    }),
    references: [{ name: 'README', url: docs }],
  })),
};

const webTypes = {
  $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  contributions: {
    html: {
      elements: elements.map((d) => ({
        name: d.tagName,
        description: d.description || d.summary || '',
        'doc-url': docs,
        attributes: (d.attributes ?? []).map((a) => {
          const values = unionValues(a.type?.text);
          return {
            name: a.name,
            description: a.description ?? '',
            value: { type: a.type?.text ?? 'string', kind: a.type?.text === 'boolean' ? 'no-value' : 'plain', required: false },
            ...(values.length ? { values: values.map((name) => ({ name })) } : {}),
          };
        }),
        events: (d.events ?? []).map((e) => ({ name: e.name, description: `${e.description ?? ''}${e.type?.text ? ` \`${e.type.text}\`` : ''}` })),
        js: {
          properties: (d.members ?? []).filter((m) => m.kind === 'field' && !m.static).map((m) => ({ name: m.name, type: m.type?.text ?? 'unknown', description: m.description ?? '' })),
          events: (d.events ?? []).map((e) => ({ name: e.name, description: e.description ?? '', type: e.type?.text })),
        },
      })),
    },
  },
};

writeFileSync(new URL('dist/vscode.html-custom-data.json', root), `${JSON.stringify(vscode, null, 2)}\n`);
writeFileSync(new URL('dist/web-types.json', root), `${JSON.stringify(webTypes, null, 2)}\n`);
console.log(`dist/vscode.html-custom-data.json, dist/web-types.json: ${elements.length} tags`);
