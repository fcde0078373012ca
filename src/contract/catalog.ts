// The program catalog and enterprise profiles (CONTRACT.md, "Catalog and eligibility").
import * as z from 'zod/mini';
import { Id, IsoDate, LocalizedText, Source } from './common.js';
import { FinancingRequestShape } from './financing.js';

export const FactId = z.string().check(z.regex(/^[a-z][a-zA-Z0-9]{0,63}$/));

/**
 * The fact whose `enum-set` options are the directory's industry vocabulary (CONTRACT.md, "Incubators": industries
 * use the catalog's industry option values). It is the one home of industry codes and their labels: the map and the
 * list read the labels from `catalog.facts.industry.options` through the client. A catalog may declare it although no
 * criterion uses it (`chanrong catalog check` does not call it unused); the checker never asks it unless a program's
 * criteria name it, because questions come only from the missing facts of undetermined programs.
 */
export const DIRECTORY_INDUSTRY_FACT = 'industry';

export const FACT_TYPES = ['boolean', 'number', 'integer', 'string', 'enum', 'enum-set', 'date', 'region'] as const;
export const FactType = z.enum(FACT_TYPES);
export type FactType = z.infer<typeof FactType>;

export const FactOption = z.object({ value: z.string().check(z.minLength(1)), label: LocalizedText });
export type FactOption = z.infer<typeof FactOption>;

export const FactDef = z.object({
  type: FactType,
  label: LocalizedText,
  help: z.optional(LocalizedText),
  unit: z.optional(LocalizedText),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  options: z.optional(z.array(FactOption).check(z.minLength(1))),
  /** v2 (Paths to eligibility): `false` for a fact a path may answer but never change once answered (default true). */
  changeable: z.optional(z.boolean()),
});
export type FactDef = z.infer<typeof FactDef>;

export const OPERATORS = [
  'eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'between', 'in', 'notIn',
  'includesAny', 'includesAll', 'excludesAll', 'withinRegion', 'yearsSinceLte', 'yearsSinceGte',
] as const;
export const Operator = z.enum(OPERATORS);
export type Operator = z.infer<typeof Operator>;

const Scalar = z.union([z.number(), z.string(), z.boolean()]);
export const CriterionValue = z.union([Scalar, z.array(z.union([z.number(), z.string()]))]);
export type CriterionValue = z.infer<typeof CriterionValue>;

const nodeMeta = {
  id: z.optional(z.string().check(z.minLength(1))),
  label: z.optional(LocalizedText),
  source: z.optional(Source),
};

export const Leaf = z.object({ ...nodeMeta, fact: FactId, op: Operator, value: CriterionValue });
export type Leaf = z.infer<typeof Leaf>;

export type Criterion =
  | ({ all: Criterion[] } & NodeMeta)
  | ({ any: Criterion[] } & NodeMeta)
  | ({ not: Criterion } & NodeMeta)
  | Leaf;
type NodeMeta = { id?: string; label?: LocalizedText; source?: Source };

// Recursive schema: zod 4 resolves the getters lazily.
export const Criterion: z.ZodMiniType<Criterion> = z.union([
  z.strictObject({ ...nodeMeta, get all() { return z.array(Criterion); } }),
  z.strictObject({ ...nodeMeta, get any() { return z.array(Criterion); } }),
  z.strictObject({ ...nodeMeta, get not() { return Criterion; } }),
  z.strictObject({ ...nodeMeta, fact: FactId, op: Operator, value: CriterionValue }),
]) as z.ZodMiniType<Criterion>;

export const PROGRAM_KINDS = ['loan', 'bond', 'insurance', 'equity', 'guarantee', 'subsidy', 'incubation'] as const;
export const ProgramKind = z.enum(PROGRAM_KINDS);
export type ProgramKind = z.infer<typeof ProgramKind>;

/** v2 (Catalog authoring): a regulation in force, a pilot, or a proposal of the policy brief that is not yet law. */
export const PROGRAM_STANDINGS = ['regulation', 'pilot', 'proposal'] as const;
export const ProgramStanding = z.enum(PROGRAM_STANDINGS);
export type ProgramStanding = z.infer<typeof ProgramStanding>;

export const Program = z.object({
  id: Id,
  kind: ProgramKind,
  title: LocalizedText,
  summary: z.optional(LocalizedText),
  issuer: z.optional(LocalizedText),
  validFrom: z.optional(IsoDate),
  validUntil: z.optional(IsoDate),
  sources: z.array(Source).check(z.minLength(1)),
  criteria: Criterion,
  benefit: z.optional(LocalizedText),
  financing: z.optional(z.partial(FinancingRequestShape)),
  standing: z.optional(ProgramStanding),
});
export type Program = z.infer<typeof Program>;

export const Catalog = z.object({
  version: z.string().check(z.minLength(1)),
  facts: z.record(FactId, FactDef),
  programs: z.array(Program),
});
export type Catalog = z.infer<typeof Catalog>;

/** A fact's answer; `null` is "don't know", an absent key is unanswered. */
export const FactValue = z.nullable(z.union([z.boolean(), z.number(), z.string(), z.array(z.string())]));
export type FactValue = z.infer<typeof FactValue>;
export const Profile = z.record(FactId, FactValue);
export type Profile = z.infer<typeof Profile>;

export const ProgramsQuery = z.object({ asOf: z.optional(IsoDate) });
export type ProgramsQuery = z.infer<typeof ProgramsQuery>;

export const ProgramsResponse = z.object({
  catalogVersion: z.string(),
  facts: z.record(FactId, FactDef),
  programs: z.array(Program),
});
export type ProgramsResponse = z.infer<typeof ProgramsResponse>;
