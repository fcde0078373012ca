// The findings: programs grouped by status, each with what is still needed, its criteria explained node by node
// with the answer given and the policy source, and "测算融资" where the program has a financing preset.
import { html, nothing, type TemplateResult } from 'lit';
import { localize, type Criterion, type EligibilityPath, type EligibilityReport, type Program, type ProgramResult, type Source, type TraceNode } from '../../../contract/index.js';
import { GROUP_SIZE } from '../state/question-state.js';
import { formatValue } from './format-value.js';
import type { CheckerView } from './view.js';
import { renderPaths } from './paths.js';
import type { ResultChange } from '../state/since.js';

export interface ResultActions {
  onAnswer(facts: string[]): void;
  onFinance(program: Program): void;
  /** "Try this path": apply it as a what-if. */
  onTryPath(path: EligibilityPath): void;
}

export function summary(v: CheckerView, report: EligibilityReport): string {
  const count = (s: string) => report.results.filter((r) => r.status === s).length;
  return v.t.summary(count('eligible'), count('undetermined'), count('ineligible'));
}

/** "These results changed since your last check": one line per program, titles from today's catalog. */
export function renderChanges(v: CheckerView, since: string, changes: readonly ResultChange[]): TemplateResult | typeof nothing {
  if (!changes.length) return nothing;
  const t = v.t;
  const titles = new Map(v.catalog.programs.map((p) => [p.id, localize(p.title, v.locale)]));
  return html`<div class="notice" role="note" data-notice="changed-since"><p>${t.changedSince(since)}</p>
    <ul>${changes.map((ch) => html`<li data-changed=${ch.programId}>${t.changedLine(titles.get(ch.programId) ?? ch.programId,
      ch.before ? t[ch.before] : t.newProgram, ch.after ? t[ch.after] : t.noLongerListed)}</li>`)}</ul></div>`;
}

export function renderResults(v: CheckerView, report: EligibilityReport, stale: boolean, a: ResultActions): TemplateResult {
  const t = v.t;
  const programs = new Map(v.catalog.programs.map((p) => [p.id, p]));
  const groups = (['eligible', 'undetermined', 'ineligible'] as const)
    .map((status) => ({ status, results: report.results.filter((r) => r.status === status && programs.has(r.programId)) }))
    .filter((g) => g.results.length);
  return html`<section part="results" aria-labelledby="results-title" class="stack" data-stale=${stale ? 'true' : 'false'}>
    <h3 id="results-title" tabindex="-1">${t.results}</h3>
    ${stale ? html`<p class="stale-note">${v.c.stale}</p>` : nothing}
    <div class=${stale ? 'stack stale-content' : 'stack'}>
      <p>${summary(v, report)}</p>
      ${report.results.length === 0 ? html`<p>${t.empty}</p>` : nothing}
      ${groups.map((g) => html`<div class="status-group">
        <h4 class="group-title">${t[g.status]} (${g.results.length})</h4>
        <ul class="programs">${g.results.map((r) => renderProgram(v, programs.get(r.programId)!, r, a))}</ul>
      </div>`)}
    </div>
  </section>`;
}

function renderProgram(v: CheckerView, program: Program, result: ProgramResult, a: ResultActions): TemplateResult {
  const t = v.t;
  const c = v.c;
  const l = v.locale;
  const title = localize(program.title, l);
  const headingId = `p-${program.id}`;
  return html`<li class="program" part="program" data-program=${program.id} data-status=${result.status}>
    <article aria-labelledby=${headingId} class="stack">
      <header>
        <span class="badge">${t.kinds[program.kind]}</span>
        ${program.standing === 'proposal' || program.standing === 'pilot'
          ? html`<span class="badge standing" data-standing=${program.standing}>${program.standing === 'proposal' ? t.standingProposal : t.standingPilot}</span>` : nothing}
        <h4 id=${headingId}>${title}</h4>
        <span class="status ${result.status}">${t[result.status]}</span>
      </header>
      ${program.standing === 'proposal' ? html`<p class="notice" data-proposal-note>${t.proposalNote}</p>` : nothing}
      ${program.summary ? html`<p>${localize(program.summary, l)}</p>` : nothing}
      ${program.benefit ? html`<p><strong>${t.benefit}${c.colon}</strong>${localize(program.benefit, l)}</p>` : nothing}
      ${program.issuer ? html`<p class="muted">${c.issuer}${c.colon}${localize(program.issuer, l)}</p>` : nothing}
      ${result.missingFacts.length ? html`<p>
        <strong>${t.stillNeeded}${c.colon}</strong>${result.missingFacts.map((f) => localize(v.catalog.facts[f]?.label, l)).join(l === 'en' ? '; ' : '；')}
        <button type="button" class="secondary no-print" @click=${() => a.onAnswer(result.missingFacts.slice(0, GROUP_SIZE * 2))}
          aria-label=${`${t.answerThese}: ${title}`}>${t.answerThese}</button></p>` : nothing}
      ${renderPaths(v, v.t2, program, result, (path) => a.onTryPath(path))}
      <details>
        <summary>${t.criteria}</summary>
        <ul class="trace">${renderTrace(v, result.trace, program.criteria)}</ul>
        <ul class="sources">${program.sources.map((s) => html`<li>${sourceContent(v, s)}</li>`)}</ul>
      </details>
      ${program.financing && result.status !== 'ineligible' ? html`<div class="no-print finance"><button type="button"
        aria-label=${`${t.calculate}: ${title}`} @click=${() => a.onFinance(program)}>${t.calculate}</button></div>` : nothing}
    </article>
  </li>`;
}

/** The trace mirrors the program's criteria node for node; the criteria say which combinator each node is. */
function renderTrace(v: CheckerView, node: TraceNode, criterion: Criterion | undefined): TemplateResult {
  const t = v.t;
  const l = v.locale;
  const marks = { pass: '✓', fail: '✗', unknown: '?' } as const;
  const statusText = { pass: t.pass, fail: t.fail, unknown: t.unknown } as const;
  const mark = html`<span class="mark ${node.status}" aria-hidden="true">${marks[node.status]}</span><span class="visually-hidden">${statusText[node.status]}: </span>`;
  const source = node.source ? html`<div class="sources">${sourceContent(v, node.source)}</div>` : nothing;
  if (node.children) {
    const kids: (Criterion | undefined)[] = !criterion ? [] : 'all' in criterion ? criterion.all : 'any' in criterion ? criterion.any : 'not' in criterion ? [criterion.not] : [];
    const combinator = !criterion ? '' : 'any' in criterion ? t.anyOf : 'not' in criterion ? t.noneOf : t.allOf;
    const heading = node.label ? `${localize(node.label, l)} · ${combinator}` : combinator;
    return html`<li>${mark}${heading}${source}<ul>${node.children.map((child, i) => renderTrace(v, child, kids[i]))}</ul></li>`;
  }
  const def = node.fact ? v.catalog.facts[node.fact] : undefined;
  const text = node.label ? localize(node.label, l) : `${localize(def?.label, l)} ${t.ops[node.op ?? 'eq']} ${formatValue(v, def, node.expected)}`;
  return html`<li>${mark}${text}
    <span class="muted">(${t.actual}${v.c.colon}${formatValue(v, def, 'actual' in node ? node.actual : undefined)})</span>${source}</li>`;
}

function sourceContent(v: CheckerView, s: Source): TemplateResult {
  const l = v.locale;
  const c = v.c;
  // Only web links render as links: a javascript: or data: URL in host data stays text.
  const safe = s.url && /^https?:\/\//i.test(s.url);
  return html`${c.source}${c.colon}${safe ? html`<a href=${s.url!} rel="noopener noreferrer" target="_blank">${localize(s.title, l)}</a>` : localize(s.title, l)}${s.date ? ` (${s.date})` : ''}${s.clause ? ` · ${localize(s.clause, l)}` : ''}${s.quote ? html` <q>${localize(s.quote, l)}</q>` : nothing}`;
}
