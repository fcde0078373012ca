import { readFileSync } from 'node:fs';

/** The package's version; the CLI runs from dist/ or src/, both one folder below package.json. */
export function packageVersion(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      return (JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name: string; version: string }).version;
    } catch { /* try the next location */ }
  }
  return '0.0.0';
}
