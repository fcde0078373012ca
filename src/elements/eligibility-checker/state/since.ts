// "What changed since your last visit": the statuses of an earlier report (an EligibilityReport the host kept from
// `chanrong-result`, a decision record's `report`, or the one saved with `persist`) against today's. Pure; only when
// the catalog version differs does it report anything, since the same catalog gives the same answers.
import type { EligibilityStatus } from '../../../contract/index.js';

/** What the checker keeps of a report to compare with later: its catalog version and each program's status. */
export interface Baseline {
  catalogVersion: string;
  results: readonly { programId: string; status: EligibilityStatus }[];
}

/** One program whose result differs: `before` absent when it is new, `after` absent when it is no longer listed. */
export interface ResultChange {
  programId: string;
  before?: EligibilityStatus;
  after?: EligibilityStatus;
}

/** The smallest form of a report worth saving (no traces). */
export function baselineOf(report: Baseline): Baseline {
  return { catalogVersion: report.catalogVersion, results: report.results.map((r) => ({ programId: r.programId, status: r.status })) };
}

/** A saved value that has the shape of a baseline, or undefined. */
export function asBaseline(value: unknown): Baseline | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as { catalogVersion?: unknown; results?: unknown };
  if (typeof v.catalogVersion !== 'string' || !Array.isArray(v.results)) return undefined;
  const statuses = new Set(['eligible', 'ineligible', 'undetermined']);
  const results = v.results.filter((r): r is { programId: string; status: EligibilityStatus } =>
    !!r && typeof r === 'object' && typeof (r as { programId?: unknown }).programId === 'string' && statuses.has((r as { status?: string }).status ?? ''));
  return baselineOf({ catalogVersion: v.catalogVersion, results });
}

/**
 * The programs whose result changed between an earlier report and today's, in today's order then the dropped ones;
 * empty when both come from the same catalog version. `scope` limits the comparison to the programs checked now.
 */
export function changesSince(before: Baseline, now: Baseline, scope?: readonly string[]): ResultChange[] {
  if (before.catalogVersion === now.catalogVersion) return [];
  const inScope = (id: string) => !scope || scope.includes(id);
  const old = new Map(before.results.filter((r) => inScope(r.programId)).map((r) => [r.programId, r.status]));
  const changes: ResultChange[] = [];
  for (const r of now.results) {
    const was = old.get(r.programId);
    if (was !== r.status) changes.push(was === undefined ? { programId: r.programId, after: r.status } : { programId: r.programId, before: was, after: r.status });
    old.delete(r.programId);
  }
  for (const [programId, was] of old) changes.push({ programId, before: was });
  return changes;
}
