// "What would make you eligible": the paths of a program not yet eligible (CONTRACT.md, "Paths to eligibility
// (v2)") in plain words, each with "try this path", which the element applies as a what-if that can be undone.
import { html, nothing, type TemplateResult } from 'lit';
import { localize, type Criterion, type EligibilityPath, type PathChange, type Program, type ProgramResult } from '../../../contract/index.js';
import type { CheckerV2Messages } from '../../messages/checker-v2.js';
import { formatValue } from './format-value.js';
import type { CheckerView } from './view.js';

function leavesOn(node: Criterion, fact: string, into: { op: string; value: unknown }[] = []): { op: string; value: unknown }[] {
  if ('all' in node) node.all.forEach((c) => leavesOn(c, fact, into));
  else if ('any' in node) node.any.forEach((c) => leavesOn(c, fact, into));
  else if ('not' in node) leavesOn(node.not, fact, into);
  else if (node.fact === fact) into.push({ op: node.op, value: node.value });
  return into;
}

/** One change in words: "R&D intensity at least 5 % (you have 3.2 %)", "certifications: obtain 高新技术企业". */
export function describeChange(v: CheckerView, m: CheckerV2Messages, program: Program, change: PathChange): string {
  const def = v.catalog.facts[change.fact];
  const label = localize(def?.label, v.locale) || change.fact;
  const value = (x: unknown) => formatValue(v, def, x);
  const was = !('from' in change) ? m.notAnswered : change.from === null ? m.dontKnow : m.youHave(value(change.from));
  if (def?.type === 'enum-set' && Array.isArray(change.to)) {
    const before = Array.isArray(change.from) ? change.from : [];
    const after = change.to;
    const added = after.filter((x) => !before.includes(x));
    const removed = before.filter((x) => !after.includes(x));
    const parts = [
      ...(added.length ? [m.obtain(label, value(added))] : []),
      ...(removed.length ? [m.drop(label, value(removed))] : []),
    ];
    return parts.length ? parts.join(v.locale === 'en' ? '; ' : '；') : m.setTo(label, value(change.to));
  }
  if (typeof change.to === 'number') {
    // The bound the rule names: "at least 500" rather than "= 500".
    const leaf = leavesOn(program.criteria, change.fact).find((l) => (l.op === 'gte' || l.op === 'lte') ? l.value === change.to : (l.op === 'gt' || l.op === 'lt'));
    if (leaf?.op === 'gte') return `${m.atLeast(label, value(change.to))}${was}`;
    if (leaf?.op === 'lte') return `${m.atMost(label, value(change.to))}${was}`;
    if (leaf?.op === 'gt') return `${m.moreThan(label, value(leaf.value))}${was}`;
    if (leaf?.op === 'lt') return `${m.lessThan(label, value(leaf.value))}${was}`;
  }
  return `${m.setTo(label, value(change.to))}${was}`;
}

export function renderPaths(v: CheckerView, m: CheckerV2Messages, program: Program, result: ProgramResult, onTry: (path: EligibilityPath) => void): TemplateResult | typeof nothing {
  if (result.status === 'eligible' || !result.paths) return nothing;
  const title = localize(program.title, v.locale);
  return html`<div class="paths" part="paths">
    <h5>${m.pathsTitle}</h5>
    ${result.paths.length === 0 ? html`<p class="muted">${m.pathsNone}</p>` : html`<ol class="path-list">
      ${result.paths.map((path, i) => html`<li class="path" data-path=${String(i)}>
        ${result.paths!.length > 1 ? html`<span class="muted">${m.pathOption(i + 1)}</span>` : nothing}
        <ul>${path.changes.map((change) => html`<li>${describeChange(v, m, program, change)}</li>`)}</ul>
        <button type="button" class="secondary no-print" aria-label=${`${m.tryPath}: ${title} ${m.pathOption(i + 1)}`}
          @click=${() => onTry(path)}>${m.tryPath}</button>
      </li>`)}
    </ol>`}
  </div>`;
}

/** The answers with a path applied (the what-if); `undefined` facts are never produced: `to` is always a value. */
export function applyPath<P extends Record<string, unknown>>(profile: P, path: EligibilityPath): P {
  const next: Record<string, unknown> = { ...profile };
  for (const change of path.changes) next[change.fact] = Array.isArray(change.to) ? [...change.to] : change.to;
  return next as P;
}
