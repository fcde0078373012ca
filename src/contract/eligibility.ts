// Eligibility requests and reports (CONTRACT.md, "Catalog and eligibility").
import * as z from 'zod/mini';
import { Id, IsoDate, LocalizedText, Source } from './common.js';
import { CriterionValue, FactId, FactValue, Operator, Profile } from './catalog.js';

export const EligibilityRequest = z.object({
  profile: Profile,
  asOf: z.optional(IsoDate),
  programIds: z.optional(z.array(Id).check(z.maxLength(500))),
});
export type EligibilityRequest = z.infer<typeof EligibilityRequest>;

export const EligibilityBatchOptions = z.object({
  asOf: z.optional(IsoDate),
  programIds: z.optional(z.array(Id).check(z.maxLength(500))),
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

export const ProgramResult = z.object({
  programId: Id,
  status: EligibilityStatus,
  missingFacts: z.array(FactId),
  trace: TraceNode,
});
export type ProgramResult = z.infer<typeof ProgramResult>;

export const EligibilityReport = z.object({
  asOf: IsoDate,
  catalogVersion: z.string(),
  results: z.array(ProgramResult),
  nextQuestions: z.array(FactId),
});
export type EligibilityReport = z.infer<typeof EligibilityReport>;
