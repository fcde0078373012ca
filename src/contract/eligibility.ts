// Eligibility requests and reports (CONTRACT.md, "Catalog and eligibility").
import * as z from 'zod/mini';
import { Id, IsoDate, LocalizedText, Source } from './common.js';
import { CriterionValue, FactId, FactValue, Operator, Profile } from './catalog.js';

/** v2: `status` leaves out traces, `missingFacts` and `nextQuestions` (screening); `full` is the default. */
export const EligibilityDetail = z.enum(['full', 'status']);
export type EligibilityDetail = z.infer<typeof EligibilityDetail>;

export const EligibilityRequest = z.object({
  profile: Profile,
  asOf: z.optional(IsoDate),
  programIds: z.optional(z.array(Id).check(z.maxLength(500))),
  /** v2: how many paths to eligibility to list per program not yet eligible (0..5, default 0). */
  paths: z.optional(z.int().check(z.minimum(0), z.maximum(5))),
  detail: z.optional(EligibilityDetail),
});
export type EligibilityRequest = z.infer<typeof EligibilityRequest>;

export const EligibilityBatchOptions = z.object({
  asOf: z.optional(IsoDate),
  programIds: z.optional(z.array(Id).check(z.maxLength(500))),
  detail: z.optional(EligibilityDetail),
});
export type EligibilityBatchOptions = z.infer<typeof EligibilityBatchOptions>;

export const TraceStatus = z.enum(['pass', 'fail', 'unknown']);
export type TraceStatus = z.infer<typeof TraceStatus>;

export interface TraceNode {
  status: TraceStatus;
  id?: string;
  label?: LocalizedText;
  source?: Source;
  fact?: string;
  op?: z.infer<typeof Operator>;
  expected?: CriterionValue;
  actual?: FactValue;
  children?: TraceNode[];
}
export const TraceNode: z.ZodMiniType<TraceNode> = z.object({
  status: TraceStatus,
  id: z.optional(z.string()),
  label: z.optional(LocalizedText),
  source: z.optional(Source),
  fact: z.optional(FactId),
  op: z.optional(Operator),
  expected: z.optional(CriterionValue),
  actual: z.optional(FactValue),
  get children() { return z.optional(z.array(TraceNode)); },
}) as z.ZodMiniType<TraceNode>;

export const EligibilityStatus = z.enum(['eligible', 'ineligible', 'undetermined']);
export type EligibilityStatus = z.infer<typeof EligibilityStatus>;

/** One change of a path: `from` absent when the fact was unanswered, `null` when it was "don't know". */
export const PathChange = z.object({
  fact: FactId,
  from: z.optional(FactValue),
  to: z.union([z.boolean(), z.number(), z.string(), z.array(z.string())]),
});
export type PathChange = z.infer<typeof PathChange>;
export const EligibilityPath = z.object({ changes: z.array(PathChange).check(z.minLength(1)) });
export type EligibilityPath = z.infer<typeof EligibilityPath>;

export const ProgramResult = z.object({
  programId: Id,
  status: EligibilityStatus,
  missingFacts: z.array(FactId),
  trace: TraceNode,
  /** v2: with `paths > 0`, on every result not eligible. */
  paths: z.optional(z.array(EligibilityPath)),
});
export type ProgramResult = z.infer<typeof ProgramResult>;

export const EligibilityReport = z.object({
  asOf: IsoDate,
  catalogVersion: z.string(),
  results: z.array(ProgramResult),
  nextQuestions: z.array(FactId),
});
export type EligibilityReport = z.infer<typeof EligibilityReport>;
