// Loading a catalog: every rule checked against the facts it names, then compiled once into evaluators.
// A catalog that would make a wrong answer possible (an operator that does not fit its fact's type, an
// undeclared fact, an unknown option, a duplicate id, an empty date window) is refused, naming the place.
import type { Catalog, Criterion, FactDef, IssueLike, Leaf } from '../../contract/index.js';
import { EngineError } from '../errors.js';
import { OPERATORS_BY_TYPE } from './operators.js';

const ADCODE = /^\d{6}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function issue(path: (string | number)[], message: string): IssueLike {
  return { code: 'custom', path, message };
}

/** What is wrong with one leaf's value, for its fact and operator; undefined when it fits. */
function leafValueProblem(def: FactDef, leaf: Leaf): string | undefined {
  const { op, value } = leaf;
  // Stryker disable next-line ArrayDeclaration: the option set is read only for enum types, which have options or an issue of their own
  const options = new Set((def.options ?? []).map((o) => o.value));
  const scalarFits = (v: unknown): boolean => {
    switch (def.type) {
      case 'number': return Number.isFinite(v);
      case 'integer': return Number.isInteger(v);
      // Stryker disable next-line ConditionalExpression: (the `true` for typeof) a schema-valid value that is not a string is a number or boolean, which DATE never matches
      case 'date': return typeof v === 'string' && DATE.test(v);
      case 'boolean': return typeof v === 'boolean';
      case 'string': return typeof v === 'string';
      case 'enum': case 'enum-set': return options.has(v as string);
      case 'region': return typeof v === 'string' && ADCODE.test(v);
    }
  };
  const list = Array.isArray(value) ? (value as unknown[]) : undefined;
  switch (op) {
    case 'between':
      if (!list || list.length !== 2 || !list.every(scalarFits)) return `"between" takes [min, max] of the fact's type (${def.type})`;
      if ((list[0] as number | string) > (list[1] as number | string)) return '"between" takes [min, max] with min <= max';
      return undefined;
    case 'yearsSinceLte': case 'yearsSinceGte':
      return Number.isInteger(value) && (value as number) >= 0 ? undefined : `"${op}" takes a whole number of years`;
    case 'in': case 'notIn': case 'includesAny': case 'includesAll': case 'excludesAll': case 'withinRegion':
      if (!list || list.length === 0) return `"${op}" takes a non-empty array`;
      return list.every(scalarFits) ? undefined : `every value of "${op}" must fit the fact's type (${def.type}${def.options ? `: one of ${[...options].join(', ')}` : ''})`;
    default:
      if (list) return `"${op}" takes a single value`;
      return scalarFits(value) ? undefined : `the value must fit the fact's type (${def.type}${def.options ? `: one of ${[...options].join(', ')}` : ''})`;
  }
}

/** Every problem of a (schema-valid) catalog; empty when it can be loaded. */
export function catalogIssues(catalog: Catalog): IssueLike[] {
  const issues: IssueLike[] = [];
  for (const [factId, def] of Object.entries(catalog.facts)) {
    // Profiles are plain objects read by key: a fact must not be named like an Object.prototype member.
    if (factId in Object.prototype) issues.push(issue(['facts', factId], `"${factId}" is reserved and cannot name a fact`));
    const needsOptions = def.type === 'enum' || def.type === 'enum-set';
    if (needsOptions && !def.options?.length) issues.push(issue(['facts', factId, 'options'], `a fact of type ${def.type} needs options`));
    if (!needsOptions && def.options) issues.push(issue(['facts', factId, 'options'], `a fact of type ${def.type} takes no options`));
    const seen = new Set<string>();
    def.options?.forEach((o, i) => {
      if (seen.has(o.value)) issues.push(issue(['facts', factId, 'options', i, 'value'], `duplicate option "${o.value}"`));
      seen.add(o.value);
    });
    // An open bound never conflicts.
    if ((def.min ?? -Infinity) > (def.max ?? Infinity)) issues.push(issue(['facts', factId, 'min'], 'min is greater than max'));
  }
  const programIds = new Set<string>();
  catalog.programs.forEach((program, p) => {
    if (programIds.has(program.id)) issues.push(issue(['programs', p, 'id'], `duplicate program id "${program.id}"`));
    programIds.add(program.id);
    // An open end never conflicts (ISO dates compare as strings; no date sorts after 9999-12-31).
    if ((program.validFrom ?? '') > (program.validUntil ?? '9999-12-31')) {
      issues.push(issue(['programs', p, 'validUntil'], `validUntil ${program.validUntil} is before validFrom ${program.validFrom}`));
    }
    const nodeIds = new Set<string>();
    const walk = (node: Criterion, path: (string | number)[]): void => {
      if (node.id !== undefined) {
        if (nodeIds.has(node.id)) issues.push(issue([...path, 'id'], `duplicate criterion id "${node.id}" in program "${program.id}"`));
        nodeIds.add(node.id);
      }
      if ('all' in node) node.all.forEach((c, i) => walk(c, [...path, 'all', i]));
      else if ('any' in node) node.any.forEach((c, i) => walk(c, [...path, 'any', i]));
      else if ('not' in node) walk(node.not, [...path, 'not']);
      else {
        const def = catalog.facts[node.fact];
        if (!def) {
          issues.push(issue([...path, 'fact'], `fact "${node.fact}" is not declared in the catalog's facts`));
          return;
        }
        if (!OPERATORS_BY_TYPE[def.type].includes(node.op)) {
          issues.push(issue([...path, 'op'], `operator "${node.op}" does not fit fact "${node.fact}" of type ${def.type} (allowed: ${OPERATORS_BY_TYPE[def.type].join(', ')})`));
          return;
        }
        const problem = leafValueProblem(def, node);
        if (problem) issues.push(issue([...path, 'value'], `${node.fact} ${node.op}: ${problem}`));
      }
    };
    walk(program.criteria, ['programs', p, 'criteria']);
  });
  return issues;
}

/** Throws an `invalid-data` EngineError naming every problem of the catalog. */
export function assertCatalog(catalog: Catalog): void {
  const issues = catalogIssues(catalog);
  if (issues.length) {
    const first = issues[0]!;
    throw new EngineError('invalid-data', `invalid catalog: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, first.path.join('.'), issues);
  }
}
