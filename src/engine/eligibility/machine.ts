// The catalog compiled for screening (CONTRACT.md, "Semantics"). Each profile's answers are read by key into a
// vector and checked as they are coded: yes/no, option, named-string, option-set and region answers get a small
// integer (the option's position, a bit per option, the adcode as a number). Every program is compiled twice into
// closures over those vectors: status only (Kleene values as small integers, short-circuit, no allocation) and
// traces (every node decided, nodes built directly; a leaf's node shared between profiles whenever it can only
// take a few forms). A program (or subtree) whose leaves all read such small answers is decided by their states
// alone — a key below the product of their state counts — so its status is kept in a table by key, and its trace
// (and, in evaluate.ts, its whole result) is built once per key and shared. All of it is closures over typed arrays,
// which run under a strict CSP; in a server runtime the loader, statuses, trace walks and status-only screening are
// also generated as straight-line code per catalog (generated-*.ts; docs/architecture.md says when and why).
import type { Criterion, FactDef, Leaf, Profile, TraceNode } from '../../contract/index.js';
import { FAIL, PASS, UNKNOWN, childrenOf, leafTest, leavesOf, type Kleene } from './status.js';
import { isCalendarDate } from './profile.js';
import { generateLoader, SWITCHED_OPTIONS, type LoadPlan } from './generated-loader.js';
import { generateDecisions, generateKeys, generateScreen, generateStatuses, SCREEN_LEAVES, type LeafPlan } from './generated-status.js';
import { COMPARISONS, GENERATED_LEAVES, mayGenerateCode, type Comparison } from './generated-code.js';
import { generateTraces } from './generated-trace.js';

/** How a fact's answers are read and coded (one per fact type; option sets of more than 31 options apart). */
const Kind = { Boolean: 1, Number: 2, Integer: 3, String: 4, Enum: 5, Set: 6, Region: 7, Date: 8, WideSet: 9 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

type Node = (asOf: string) => Kleene;
type Build = (asOf: string) => TraceNode;

/** Option sets of up to 31 options are coded as a bit mask (an int32). */
const MASK_OPTIONS = 31;
/** How many distinct answers of one option-set leaf keep a shared trace node (bounds memory). */
const LEAF_LIMIT = 4096;
/** Option sets of up to 12 options can key a subtree (2^12 + 2 states). */
const SET_KEY_OPTIONS = 12;
/** Largest key space of a program whose status is kept in a table (one byte per key), and the tables' total. */
const STATUS_KEYS = 4096;
const STATUS_BUDGET = 1 << 23;
/** Largest key space of a subtree whose traces are shared (a slot per key), and how many slots a catalog keeps. */
const TRACE_KEYS = 4096;
const TRACE_BUDGET = 1 << 20;

export interface Machine {
  /** Facts in declaration order, and each one's kind. */
  factIds: readonly string[];
  /**
   * Reads a profile's answers, checking every one. True when every answer fits and every key the profile lists
   * is a declared fact; false means "look closer" (`loadEach` then reads the declared facts one by one).
   */
  load(profile: Profile): boolean;
  /**
   * Reads every declared fact by its key (own or inherited, enumerable or not) and codes it; returns the
   * positions of the answers that do not fit (empty when all fit).
   */
  loadEach(profile: Profile): number[];
  /** Status of program `i` on the loaded answers (short-circuit, allocates nothing). */
  status(i: number, asOf: string): Kleene;
  /** Trace of program `i` on the loaded answers (every node decided). */
  trace(i: number, asOf: string): TraceNode;
  /** A copy of the loaded answers (lists copied too), for `traceFrom`. */
  snapshot(): unknown;
  /** Trace of program `i` on answers `snapshot` took (they become the loaded answers). */
  traceFrom(i: number, asOf: string, answers: unknown): TraceNode;
  /** The status of the trace `trace` has just returned. */
  traceStatus(): Kleene;
  /**
   * Program `i`'s key on the loaded answers (0 ≤ key < `keySize(i)`) when it is decided by a few small answers
   * alone, so everything about it can be kept per key; -1 otherwise.
   */
  key(i: number): number;
  /**
   * Every program's `key(i)` on the loaded answers at once, in one array the machine reuses (read it before the
   * next load): where code is generated, one pass of straight-line code.
   */
  keys(): Int32Array;
  keySize(i: number): number;
  /**
   * Programs keyed by the same facts in the same order (so the same key on every profile) share a group: program
   * `i`'s group, numbered from 0, or -1 when it is not keyed.
   */
  keyGroup(i: number): number;
  /**
   * Where code is generated: reads, checks and decides every program at once into `out[i]` (Kleene values), false
   * where `load` would not accept the profile (then `out` is not to be read). One function for a catalog of modest
   * size; past SCREEN_LEAVES, the generated loader and then `decideAll`.
   * For status-only reports alone: it leaves the loaded answers unusable until the next `load`.
   */
  screen: ((profile: Profile, asOf: string, out: Uint8Array) => boolean) | undefined;
  /**
   * Where code is generated for a catalog past SCREEN_LEAVES: every program's status on the loaded answers into
   * `out[i]` (Kleene values), in one pass (generated-status.ts, `generateDecisions`); it leaves the answers loaded.
   */
  decideAll: ((asOf: string, out: Uint8Array) => void) | undefined;
  /** Which parts run as generated code (generated-*.ts): none in a page, all of them in a server runtime (up to the sizes generated-code.ts and generated-status.ts set). */
  generated: readonly ('load' | 'status' | 'trace' | 'screen' | 'keys')[];
}

const SLOTS = 64;
/** A string's slot in an option table: from its length and first character. */
function slotOf(v: string): number {
  return (v.length + v.charCodeAt(0) * 7) & (SLOTS - 1);
}

/** The answers of `keys` read from `profile` into `into`: one load site per position (up to 32), so each site
 * sees one key (and, in a portfolio, one profile shape) and V8 makes it as fast as a load by a constant name. */
function readAnswers(profile: Profile, keys: readonly string[], into: unknown[], n: number): void {
  /* eslint-disable no-fallthrough */
  switch (n) {
    default: for (let i = 32; i < n; i++) into[i] = profile[keys[i]!];
    // falls through
    case 32: into[31] = profile[keys[31]!];
    case 31: into[30] = profile[keys[30]!];
    case 30: into[29] = profile[keys[29]!];
    case 29: into[28] = profile[keys[28]!];
    case 28: into[27] = profile[keys[27]!];
    case 27: into[26] = profile[keys[26]!];
    case 26: into[25] = profile[keys[25]!];
    case 25: into[24] = profile[keys[24]!];
    case 24: into[23] = profile[keys[23]!];
    case 23: into[22] = profile[keys[22]!];
    case 22: into[21] = profile[keys[21]!];
    case 21: into[20] = profile[keys[20]!];
    case 20: into[19] = profile[keys[19]!];
    case 19: into[18] = profile[keys[18]!];
    case 18: into[17] = profile[keys[17]!];
    case 17: into[16] = profile[keys[16]!];
    case 16: into[15] = profile[keys[15]!];
    case 15: into[14] = profile[keys[14]!];
    case 14: into[13] = profile[keys[13]!];
    case 13: into[12] = profile[keys[12]!];
    case 12: into[11] = profile[keys[11]!];
    case 11: into[10] = profile[keys[10]!];
    case 10: into[9] = profile[keys[9]!];
    case 9: into[8] = profile[keys[8]!];
    case 8: into[7] = profile[keys[7]!];
    case 7: into[6] = profile[keys[6]!];
    case 6: into[5] = profile[keys[5]!];
    case 5: into[4] = profile[keys[4]!];
    case 4: into[3] = profile[keys[3]!];
    case 3: into[2] = profile[keys[2]!];
    case 2: into[1] = profile[keys[1]!];
    case 1: into[0] = profile[keys[0]!];
    case 0:
  }
  /* eslint-enable no-fallthrough */
}

/** The position of `v` in `list`, or -1 (a scan: option lists are short, and a scan beats hashing there). */
function position(list: readonly string[], v: unknown): number {
  for (let i = 0; i < list.length; i++) if (list[i] === v) return i;
  return -1;
}

/** A 6-digit adcode as a number, or -1 when `v` is not six ASCII digits. */
export function adcodeNumber(v: string): number {
  if (v.length !== 6) return -1;
  let n = 0;
  for (let i = 0; i < 6; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The codes a region target matches, as an inclusive range: a province its first 2 digits, a prefecture its 4. */
export function regionRange(target: string): [number, number] {
  const t = adcodeNumber(target);
  if (target.endsWith('0000')) return [t, t + 9999];
  if (target.endsWith('00')) return [t, t + 99];
  return [t, t];
}

function kindOf(def: FactDef): Kind {
  switch (def.type) {
    case 'boolean': return Kind.Boolean;
    case 'number': return Kind.Number;
    case 'integer': return Kind.Integer;
    case 'string': return Kind.String;
    case 'enum': return Kind.Enum;
    case 'enum-set': return def.options!.length <= MASK_OPTIONS ? Kind.Set : Kind.WideSet;
    case 'region': return Kind.Region;
    case 'date': return Kind.Date;
  }
}

/**
 * Compiles a catalog's criteria over its facts. `generateCode` (by default: in a server runtime) adds the generated
 * parts listed in `generated`; false keeps closures only, which a page under a strict CSP needs.
 */
export function compileMachine(criteria: Criterion[], facts: Record<string, FactDef>, generateCode = mayGenerateCode()): Machine {
  const factIds = Object.keys(facts);
  const nFacts = factIds.length;
  const index = new Map(factIds.map((f, i) => [f, i]));
  const defs = factIds.map((f) => facts[f]!);
  const kinds = Uint8Array.from(defs, kindOf);
  // Number bounds, finite by construction: a bound of ±Infinity (or none) still refuses ±Infinity and NaN.
  const mins = Float64Array.from(defs, (d) => Math.max(d.min ?? -Number.MAX_VALUE, -Number.MAX_VALUE));
  const maxs = Float64Array.from(defs, (d) => Math.min(d.max ?? Number.MAX_VALUE, Number.MAX_VALUE));
  const options = defs.map((d) => (d.options ?? []).map((o) => o.value));
  // Strings a catalog compares a string fact with: code = position, any other string = the list's length.
  const words = defs.map(() => new Map<string, number>());
  for (const c of criteria) {
    for (const leaf of leavesOf(c)) {
      const fi = index.get(leaf.fact)!;
      if (kinds[fi] !== Kind.String) continue;
      for (const w of Array.isArray(leaf.value) ? leaf.value : [leaf.value]) if (!words[fi]!.has(w as string)) words[fi]!.set(w as string, words[fi]!.size);
    }
  }
  // Enum lists longer than this are looked up in a map rather than scanned.
  const optionIndex = options.map((list) => (list.length > SWITCHED_OPTIONS ? new Map(list.map((v, i) => [v, i])) : undefined));
  // A slot per (length, first character) hash holds the one option there (-2: several, or a long list; -1: none),
  // so an answer is compared with one option, not each. All facts' slots and options in one array each.
  const slots = new Int8Array(nFacts * SLOTS).fill(-1);
  const optionAt = new Int32Array(nFacts);
  const allOptions: string[] = [];
  options.forEach((list, fi) => {
    optionAt[fi] = allOptions.length;
    allOptions.push(...list);
    list.forEach((v, i) => { const h = fi * SLOTS + slotOf(v); slots[h] = slots[h] === -1 && !optionIndex[fi] ? i : -2; });
  });
  /** The position of answer `v` in fact `fi`'s option list, or -1. */
  const optionOf = (fi: number, v: unknown): number => {
    if (typeof v !== 'string') return -1;
    const k = slots[fi * SLOTS + slotOf(v)]!;
    if (k >= 0) return allOptions[optionAt[fi]! + k] === v ? k : -1;
    if (k === -1) return -1;
    const map = optionIndex[fi];
    return map ? (map.get(v) ?? -1) : position(options[fi]!, v);
  };

  const values: unknown[] = new Array(nFacts).fill(undefined);
  const codes = new Int32Array(nFacts);
  // Per option-set fact: has the answer just read listed its options in the catalog's order? Only such answers
  // share trace nodes, so a shared node's list is always the catalog-ordered one, equal to the answer.
  const inOrder = new Uint8Array(nFacts);
  // Per fact, the state of its answer, for the facts that can key a subtree (see `keyOf`): 0 unanswered, 1 don't
  // know, 2 + the answer's code; -1 for an answer that cannot share (a string no leaf names, an option list out of
  // the catalog's order).
  const states = new Int32Array(nFacts);

  // Coding answer `v` (not null) of fact `fi`: false when it does not fit the fact. One small function per kind,
  // so the loader's switch gets them inlined.
  const encodeBoolean = (fi: number, v: unknown): boolean => {
    if (v !== true && v !== false) return false;
    codes[fi] = v ? 1 : 0;
    states[fi] = v ? 3 : 2;
    return true;
  };
  const encodeNumber = (fi: number, v: unknown): boolean => typeof v === 'number' && v >= mins[fi]! && v <= maxs[fi]!;
  const encodeString = (fi: number, v: unknown): boolean => {
    if (typeof v !== 'string') return false;
    const k = words[fi]!.get(v);
    codes[fi] = k ?? words[fi]!.size;
    states[fi] = k === undefined ? -1 : k + 2;
    return true;
  };
  const encodeEnum = (fi: number, v: unknown): boolean => {
    const k = optionOf(fi, v);
    codes[fi] = k;
    states[fi] = k + 2;
    return k >= 0;
  };
  const encodeSet = (fi: number, v: unknown): boolean => {
    // Each answer's position marks a bit, so a repeated option is caught without a second loop.
    if (!Array.isArray(v)) return false;
    let seen = 0, previous = -1, ordered = 1;
    for (let i = 0; i < v.length; i++) {
      const k = optionOf(fi, v[i]);
      if (k < 0 || (seen & (1 << k)) !== 0) return false;
      seen |= 1 << k;
      if (k < previous) ordered = 0;
      previous = k;
    }
    codes[fi] = seen;
    inOrder[fi] = ordered;
    states[fi] = ordered ? seen + 2 : -1;
    return true;
  };
  const encodeRegion = (fi: number, v: unknown): boolean => {
    const n = typeof v === 'string' ? adcodeNumber(v) : -1;
    codes[fi] = n;
    return n >= 0;
  };
  const encodeOther = (fi: number, v: unknown): boolean => {
    if (kinds[fi] === Kind.Integer) return encodeNumber(fi, v) && Number.isInteger(v);
    if (kinds[fi] === Kind.Date) return typeof v === 'string' && isCalendarDate(v);
    // An option set of more than 31 options: checked like the others, without a mask.
    if (!Array.isArray(v)) return false;
    for (let i = 0; i < v.length; i++) {
      if (optionOf(fi, v[i]) < 0) return false;
      for (let j = 0; j < i; j++) if (v[j] === v[i]) return false;
    }
    return true;
  };
  const encode = (fi: number, v: unknown): boolean => {
    switch (kinds[fi]) {
      case Kind.Boolean: return encodeBoolean(fi, v);
      case Kind.Number: return encodeNumber(fi, v);
      case Kind.Enum: return encodeEnum(fi, v);
      case Kind.Set: return encodeSet(fi, v);
      case Kind.Region: return encodeRegion(fi, v);
      case Kind.String: return encodeString(fi, v);
      default: return encodeOther(fi, v);
    }
  };

  // ---- keys: subtrees decided by a few small answers ----------------------------------------------------------
  // A subtree whose leaves all read yes/no, option, named-string or small option-set facts is decided, trace
  // included, by the states of those facts alone: together a number below the product of their state counts.
  // Such a subtree is decided once per distinct key (status tables, shared frozen traces), not once per profile.
  const stateCounts = Int32Array.from(defs, (d, fi) => {
    switch (kinds[fi]) {
      case Kind.Boolean: return 4;
      case Kind.Enum: return options[fi]!.length + 2;
      case Kind.String: return words[fi]!.size + 2;
      case Kind.Set: return options[fi]!.length <= SET_KEY_OPTIONS ? (1 << options[fi]!.length) + 2 : 0;
      default: return 0;
    }
  });
  interface Key { facts: Int32Array; counts: Int32Array; size: number }
  /** The facts that decide `node` and the size of its key space; undefined when it is not decided by small answers. */
  const keyOf = (node: Criterion, limit: number): Key | undefined => {
    const facts = [...new Set(leavesOf(node).map((l) => index.get(l.fact)!))];
    let size = 1;
    for (const f of facts) {
      size *= stateCounts[f]!;
      if (size === 0 || size > limit) return undefined;
    }
    return { facts: Int32Array.from(facts), counts: Int32Array.from(facts, (f) => stateCounts[f]!), size };
  };
  /** The key of the loaded answers, or -1 when one of them cannot share. */
  const keyFrom = (facts: Int32Array, counts: Int32Array): number => {
    let key = 0;
    for (let j = 0; j < facts.length; j++) {
      const s = states[facts[j]!]!;
      if (s < 0) return -1;
      key = key * counts[j]! + s;
    }
    return key;
  };

  // ---- status: closures returning Kleene values -----------------------------------------------------------
  /** What a leaf tests, on the coded answer: the one description both its closure and generated code follow. */
  const leafPlan = (leaf: Leaf): LeafPlan => {
    const fi = index.get(leaf.fact)!;
    const { op, value } = leaf;
    const list = Array.isArray(value) ? (value as (string | number)[]) : [];
    switch (kinds[fi]) {
      case Kind.Boolean: case Kind.Enum: case Kind.String:
        // Every code decided once, by the operator's own test on the value the code stands for.
        return { kind: 'table', fi, table: Uint8Array.from(codeValues(fi), (v) => (leafTest(leaf)(v, '') ? PASS : FAIL)) };
      case Kind.Set: {
        let mask = 0;
        for (const v of list) mask |= 1 << options[fi]!.indexOf(v as string);
        return { kind: 'mask', fi, test: op === 'includesAny' ? 'any' : op === 'includesAll' ? 'all' : 'none', mask };
      }
      case Kind.Region:
        return { kind: 'ranges', fi, ranges: list.map((t) => regionRange(t as string)) };
      case Kind.Number: case Kind.Integer: case Kind.Date:
        if (COMPARISONS.has(op as Comparison)) return { kind: 'compare', fi, op: op as Comparison, value };
      // falls through: the years-since tests of dates and option sets of more than 31 options
      default:
        return { kind: 'test', fi, test: leafTest(leaf) };
    }
  };
  const statusLeaf = (leaf: Leaf): Node => {
    const plan = leafPlan(leaf);
    const { fi } = plan;
    switch (plan.kind) {
      case 'table': {
        const { table } = plan;
        return () => (values[fi] == null ? UNKNOWN : table[codes[fi]!] as Kleene);
      }
      case 'mask': {
        const { mask } = plan;
        if (plan.test === 'any') return () => (values[fi] == null ? UNKNOWN : (codes[fi]! & mask) !== 0 ? PASS : FAIL);
        if (plan.test === 'all') return () => (values[fi] == null ? UNKNOWN : (codes[fi]! & mask) === mask ? PASS : FAIL);
        return () => (values[fi] == null ? UNKNOWN : (codes[fi]! & mask) === 0 ? PASS : FAIL);
      }
      case 'ranges': {
        const bounds = Int32Array.from(plan.ranges.flat());
        if (bounds.length === 2) {
          const lo = bounds[0]!, hi = bounds[1]!;
          return () => { if (values[fi] == null) return UNKNOWN; const c = codes[fi]!; return c >= lo && c <= hi ? PASS : FAIL; };
        }
        return () => {
          if (values[fi] == null) return UNKNOWN;
          const c = codes[fi]!;
          for (let i = 0; i < bounds.length; i += 2) if (c >= bounds[i]! && c <= bounds[i + 1]!) return PASS;
          return FAIL;
        };
      }
      case 'compare': return compareLeaf(plan.op, plan.value as Leaf['value'], values, fi);
      case 'test': {
        const { test } = plan;
        return (asOf) => { const a = values[fi]; return a == null ? UNKNOWN : test(a, asOf) ? PASS : FAIL; };
      }
    }
  };

  /** The value each code of a boolean, enum or string fact stands for (for a string fact, one that no leaf names). */
  function codeValues(fi: number): unknown[] {
    if (kinds[fi] === Kind.Boolean) return [false, true];
    if (kinds[fi] === Kind.Enum) return options[fi]!;
    const named = [...words[fi]!.keys()];
    let other = '\u0000';
    while (words[fi]!.has(other)) other += '\u0000';
    return [...named, other];
  }

  const combinator = (isAll: boolean, children: Node[]): Node => {
    const decisive: Kleene = isAll ? FAIL : PASS;
    const otherwise: Kleene = isAll ? PASS : FAIL;
    const n = children.length;
    if (n === 0) return () => otherwise;
    if (n === 1) return children[0]!;
    if (n === 2) {
      const [a, b] = children as [Node, Node];
      return (asOf) => {
        const x = a(asOf);
        if (x === decisive) return decisive;
        const y = b(asOf);
        if (y === decisive) return decisive;
        return x === UNKNOWN || y === UNKNOWN ? UNKNOWN : otherwise;
      };
    }
    return (asOf) => {
      let result: Kleene = otherwise;
      for (let i = 0; i < n; i++) {
        const s = children[i]!(asOf);
        if (s === decisive) return decisive;
        if (s === UNKNOWN) result = UNKNOWN;
      }
      return result;
    };
  };

  const statusOf = (node: Criterion): Node => {
    if ('all' in node) return combinator(true, node.all.map(statusOf));
    if ('any' in node) return combinator(false, node.any.map(statusOf));
    if ('not' in node) {
      const child = statusOf(node.not);
      return (asOf) => { const s = child(asOf); return s === UNKNOWN ? UNKNOWN : s === PASS ? FAIL : PASS; };
    }
    return statusLeaf(node);
  };

  // ---- traces: closures building trace nodes, every node decided ------------------------------------------
  // Each builder leaves the status of the node it returns in `last` (a Kleene value), so a combinator never reads
  // `status` back from nodes of many shapes. Nodes have one fixed shape per kind (meta keys may hold undefined,
  // which JSON leaves out); the shared ones are frozen.
  let last: Kleene = UNKNOWN;
  // Slots the shared traces (keyed subtrees, option-set leaves) may take in all, bounding memory.
  let budget = TRACE_BUDGET;
  const canonical = defs.map(() => new Map<number, readonly string[]>());
  const listOf = (fi: number, mask: number): readonly string[] => {
    let list = canonical[fi]!.get(mask);
    if (!list) {
      list = Object.freeze(options[fi]!.filter((_, k) => (mask & (1 << k)) !== 0));
      if (canonical[fi]!.size < LEAF_LIMIT) canonical[fi]!.set(mask, list);
    }
    return list;
  };

  const traceLeaf = (leaf: Leaf): Build => {
    const { id, label, source, fact, op, value: expected } = leaf;
    const fi = index.get(fact)!;
    const unanswered: TraceNode = Object.freeze({ status: 'unknown', id, label, source, fact, op, expected });
    const dontKnow: TraceNode = Object.freeze({ status: 'unknown', id, label, source, fact, op, expected, actual: null });
    const decide = statusLeaf(leaf);
    const node = (status: Kleene, actual: unknown): TraceNode => ({ status: status === PASS ? 'pass' : 'fail', id, label, source, fact, op, expected, actual: actual as TraceNode['actual'] });
    switch (kinds[fi]) {
      case Kind.Boolean: case Kind.Enum: case Kind.String: {
        // One frozen node per code (for a string fact, a string no leaf names gets a node of its own).
        const meaning = codeValues(fi);
        const table = Uint8Array.from(meaning, (v) => (leafTest(leaf)(v, '') ? PASS : FAIL));
        const shared = meaning.map((v, k) => (kinds[fi] === Kind.String && k === meaning.length - 1 ? undefined : Object.freeze(node(table[k] as Kleene, v))));
        return () => {
          const a = values[fi];
          if (a == null) { last = UNKNOWN; return a === undefined ? unanswered : dontKnow; }
          const k = codes[fi]!;
          const s = table[k] as Kleene;
          last = s;
          return shared[k] ?? node(s, a);
        };
      }
      case Kind.Set: {
        // Keyed by the answer's bit mask; an answer listed out of the catalog's order gets a node of its own,
        // with its own frozen copy of the list (a caller changing its profile later cannot change a report).
        const cache = new Map<number, TraceNode>();
        return (asOf) => {
          const a = values[fi] as string[] | null | undefined;
          if (a == null) { last = UNKNOWN; return a === undefined ? unanswered : dontKnow; }
          const s = decide(asOf);
          last = s;
          if (inOrder[fi] === 0) return node(s, Object.freeze(a.slice()));
          const mask = codes[fi]!;
          let hit = cache.get(mask);
          if (hit === undefined) {
            hit = Object.freeze(node(s, listOf(fi, mask)));
            if (cache.size < LEAF_LIMIT && budget > 0) { cache.set(mask, hit); budget--; }
          }
          return hit;
        };
      }
      case Kind.WideSet:
        return (asOf) => {
          const a = values[fi] as string[] | null | undefined;
          if (a == null) { last = UNKNOWN; return a === undefined ? unanswered : dontKnow; }
          const s = decide(asOf);
          last = s;
          return node(s, Object.freeze(a.slice()));
        };
      default:
        return (asOf) => {
          const a = values[fi];
          if (a == null) { last = UNKNOWN; return a === undefined ? unanswered : dontKnow; }
          const s = decide(asOf);
          last = s;
          return node(s, a);
        };
    }
  };

  const NAMES = ['fail', 'pass', 'unknown'] as const;
  const traceOf = (c: Criterion): Build => {
    if (!('all' in c) && !('any' in c) && !('not' in c)) return traceLeaf(c);
    const build = combinatorTrace(c);
    const key = keyOf(c, TRACE_KEYS);
    if (!key) return build;
    // Built once per key, frozen, and shared by every profile with the same key.
    const { facts, counts, size } = key;
    let cache: (TraceNode | undefined)[] | undefined;
    let statuses: Int8Array | undefined;
    return (asOf) => {
      const k = keyFrom(facts, counts);
      if (k < 0) return build(asOf);
      const hit = cache?.[k];
      if (hit !== undefined) { last = statuses![k] as Kleene; return hit; }
      const trace = build(asOf);
      // The slots are taken when the table is made: a table made keeps filling after the budget is spent.
      if (!cache) {
        if (budget < size) return trace;
        cache = new Array(size); statuses = new Int8Array(size); budget -= size;
      }
      Object.freeze(trace.children);
      cache[k] = Object.freeze(trace);
      statuses![k] = last;
      return trace;
    };
  };
  const combinatorTrace = (c: Criterion): Build => {
    const { id, label, source } = c;
    const isNot = 'not' in c;
    const isAll = 'all' in c;
    const children = (isNot ? [c.not] : isAll ? (c as { all: Criterion[] }).all : (c as { any: Criterion[] }).any).map(traceOf);
    const n = children.length;
    const decisive: Kleene = isAll ? FAIL : PASS;
    const otherwise: Kleene = isAll ? PASS : FAIL;
    if (n === 0) {
      const empty: TraceNode = Object.freeze({ status: NAMES[otherwise], id, label, source, children: Object.freeze([]) as unknown as TraceNode[] });
      return () => { last = otherwise; return empty; };
    }
    if (isNot) {
      const [a] = children as [Build];
      return (asOf) => {
        const t = a(asOf);
        const s: Kleene = last === UNKNOWN ? UNKNOWN : last === PASS ? FAIL : PASS;
        last = s;
        return { status: NAMES[s], id, label, source, children: [t] };
      };
    }
    if (n === 1) {
      // all/any of one child: the child's status.
      const [a] = children as [Build];
      return (asOf) => {
        const t = a(asOf);
        return { status: NAMES[last], id, label, source, children: [t] };
      };
    }
    if (n === 2) {
      const [a, b] = children as [Build, Build];
      return (asOf) => {
        const x = a(asOf);
        const sx = last;
        const y = b(asOf);
        const sy = last;
        const s: Kleene = sx === decisive || sy === decisive ? decisive : sx === UNKNOWN || sy === UNKNOWN ? UNKNOWN : otherwise;
        last = s;
        return { status: NAMES[s], id, label, source, children: [x, y] };
      };
    }
    return (asOf) => {
      const kids = new Array<TraceNode>(n);
      let s: Kleene = otherwise;
      for (let i = 0; i < n; i++) {
        kids[i] = children[i]!(asOf);
        if (last === decisive) s = decisive;
        else if (last === UNKNOWN && s !== decisive) s = UNKNOWN;
      }
      last = s;
      return { status: NAMES[s], id, label, source, children: kids };
    };
  };

  const statuses = criteria.map(statusOf);
  // A program's own trace is shared through its result (evaluate.ts), so only the nodes below it keep traces.
  const traces = criteria.map((c) => (!('all' in c) && !('any' in c) && !('not' in c) ? traceLeaf(c) : combinatorTrace(c)));
  // Programs decided by a few small answers, laid out flat for the per-profile loop: at `keyAt[i]` the number of
  // facts, then each fact and its state count (-1: not keyed); the status of key k at `tables[tableAt[i] + k]`
  // (-1 until first decided).
  const rootKeys = criteria.map((c) => keyOf(c, STATUS_KEYS));
  const keyAt = new Int32Array(criteria.length).fill(-1);
  const tableAt = new Int32Array(criteria.length);
  const keyData: number[] = [];
  let tableSize = 0;
  rootKeys.forEach((key, i) => {
    if (!key) return;
    // Past the tables' budget a program is decided like one that is not keyed.
    if (tableSize + key.size > STATUS_BUDGET) { rootKeys[i] = undefined; return; }
    keyAt[i] = keyData.length;
    keyData.push(key.facts.length);
    key.facts.forEach((f, j) => keyData.push(f, key.counts[j]!));
    tableAt[i] = tableSize;
    tableSize += key.size;
  });
  const keySizes = Int32Array.from(rootKeys, (k) => k?.size ?? 0);
  const groupOf = new Map<string, number>();
  const keyGroups = Int32Array.from(rootKeys, (k) => {
    if (!k) return -1;
    const facts = k.facts.join();
    let g = groupOf.get(facts);
    if (g === undefined) groupOf.set(facts, (g = groupOf.size));
    return g;
  });
  const keyCodes = Int32Array.from(keyData);
  const tables = new Int8Array(tableSize).fill(-1);
  /** Program `i`'s key on the loaded answers, or -1. */
  const rootKey = (i: number): number => {
    let at = keyAt[i]!;
    if (at < 0) return -1;
    const end = at + 1 + 2 * keyCodes[at]!;
    let key = 0;
    for (at++; at < end; at += 2) {
      const s = states[keyCodes[at]!]!;
      if (s < 0) return -1;
      key = key * keyCodes[at + 1]! + s;
    }
    return key;
  };

  /** Per fact: 1 when the profile just read gives it an answer (null included), else 0. Every loader writes it. */
  const given = new Uint8Array(nFacts);
  /**
   * Whether every key the profile enumerates (own or inherited) is a declared fact the loader just found answered.
   * Not a count of keys against answers read: an answer the walk does not see (not enumerable) would then hide an
   * undeclared key, and the profile would be accepted with it. Keys listed in the facts' order (a profile built
   * from the catalog) are matched one comparison each; any other is looked up. The closure loader ends with it;
   * the generated ones take the same steps written into their own code (generated-loader.ts, `KEYS_CHECKED`).
   */
  const keysAnswered = (profile: object): boolean => {
    let next = 0;
    for (const key in profile) {
      while (next < nFacts && given[next] === 0) next++;
      const fi = factIds[next] === key ? next : index.get(key);
      if (fi === undefined || given[fi] === 0) return false;
      next = fi + 1;
    }
    return true;
  };

  /** The closure loader (machine.ts's own; `generated` replaces it where code may be generated). */
  const loadByClosures = (profile: Profile): boolean => {
    // Every declared fact read by its key (the unrolled reader: one load site per position, each of which V8
    // learns the key and the profile's shape for), then checked and coded; then each key the profile enumerates
    // looked up, so a key that is not a declared fact (or a declared one given as undefined) is noticed.
    readAnswers(profile, factIds, values, nFacts);
    let fits = true;
    for (let fi = 0; fi < nFacts; fi++) {
      const v = values[fi];
      given[fi] = v === undefined ? 0 : 1;
      if (v === undefined) { states[fi] = 0; continue; }
      if (v === null) { states[fi] = 1; continue; }
      // `encode`'s switch, written out here so its small coders are inlined into this loop.
      let ok: boolean;
      switch (kinds[fi]) {
        case Kind.Boolean: ok = encodeBoolean(fi, v); break;
        case Kind.Number: ok = encodeNumber(fi, v); break;
        case Kind.Enum: ok = encodeEnum(fi, v); break;
        case Kind.Set: ok = encodeSet(fi, v); break;
        case Kind.Region: ok = encodeRegion(fi, v); break;
        default: ok = encode(fi, v);
      }
      if (!ok) fits = false;
    }
    return fits && keysAnswered(profile);
  };

  const switched = (fi: number) => (options[fi]!.length <= SWITCHED_OPTIONS ? options[fi] : undefined);
  const plans = Array.from(kinds, (kind, fi): LoadPlan => {
    switch (kind) {
      case Kind.Boolean: return { kind: 'boolean' };
      case Kind.Number: case Kind.Integer: return { kind: 'number', min: mins[fi]!, max: maxs[fi]!, integer: kind === Kind.Integer };
      case Kind.Enum: return { kind: 'enum', options: switched(fi) };
      case Kind.Set: return { kind: 'set', options: switched(fi) };
      case Kind.Region: return { kind: 'region' };
      default: return { kind: 'coder' };
    }
  });
  // Where code may be generated (generated-*.ts): the loader; up to GENERATED_LEAVES, each program's status and
  // trace; status-only screening, up to SCREEN_LEAVES in one function, past it the loader then every program
  // decided in one pass (a loop per shape of program, the rest written out in functions of a few hundred leaves).
  const leafCount = criteria.reduce((n, c) => n + leavesOf(c).length, 0);
  const perProgram = generateCode && leafCount <= GENERATED_LEAVES;
  const generatedStatus = perProgram ? generateStatuses(criteria, (leaf) => leafPlan(leaf as Leaf), values, codes) : undefined;
  const decideStatus = generatedStatus ?? statuses;
  const generated = generateCode ? generateLoader({ factIds, plans, values, given, codes, states, inOrder, encode, optionOf, adcodeNumber, index }) : undefined;
  const fused = generateCode && leafCount <= SCREEN_LEAVES
    ? generateScreen({ factIds, plans, criteria, plan: (leaf) => leafPlan(leaf as Leaf), given, codes, states, inOrder, encode, optionOf, adcodeNumber, index })
    : undefined;
  // Past SCREEN_LEAVES: every program decided on the loaded answers in one generated pass, for the screen (after
  // the loader) and for full reports of many programs (evaluate.ts).
  const decideAll = generated && !fused ? generateDecisions(criteria, (leaf) => leafPlan(leaf as Leaf), values, codes) : undefined;
  const screen = fused ?? (generated && screenInChunks(generated, decideAll));
  const generatedTraces = perProgram ? generateTraces({
    criteria,
    builder: (c, root) => {
      const children = childrenOf(c);
      if (!children) return traceLeaf(c as Leaf);
      if (children.length === 0) return combinatorTrace(c);
      return !root && keyOf(c, TRACE_KEYS) ? traceOf(c) : undefined;
    },
    lastOf: () => last,
    setLast: (s) => { last = s; },
  }) : undefined;
  const buildTrace = generatedTraces ?? traces;
  const allKeys = new Int32Array(criteria.length);
  const generatedKeys = generateCode ? generateKeys(rootKeys, states, allKeys) : undefined;

  return {
    factIds,
    load: generated ?? loadByClosures,
    loadEach(profile) {
      const bad: number[] = [];
      for (let i = 0; i < nFacts; i++) {
        const v = profile[factIds[i]!];
        values[i] = v;
        states[i] = v === undefined ? 0 : 1;
        if (v !== undefined && v !== null && !encode(i, v)) bad.push(i);
      }
      return bad;
    },
    status(i, asOf) {
      // A keyed program's status is read from its table (at a thousand programs, faster than deciding it again).
      const k = rootKey(i);
      if (k < 0) return decideStatus[i]!(asOf);
      const at = tableAt[i]! + k;
      let r = tables[at]!;
      if (r < 0) tables[at] = r = statuses[i]!(asOf);
      return r as Kleene;
    },
    trace: (i, asOf) => buildTrace[i]!(asOf),
    // One plain array per report: values (lists copied), then codes, states and order flags. Not typed arrays: a
    // typed array of more than 64 bytes keeps its bytes outside the JavaScript heap, allocated and freed one by one,
    // which at 100 programs cost a tenth of a full report.
    snapshot: () => {
      const copy = new Array<unknown>(4 * nFacts);
      for (let fi = 0; fi < nFacts; fi++) {
        const v = values[fi];
        copy[fi] = Array.isArray(v) ? v.slice() : v;
        copy[nFacts + fi] = codes[fi];
        copy[2 * nFacts + fi] = states[fi];
        copy[3 * nFacts + fi] = inOrder[fi];
      }
      return copy;
    },
    traceFrom(i, asOf, answers) {
      const a = answers as unknown[];
      for (let fi = 0; fi < nFacts; fi++) {
        values[fi] = a[fi];
        codes[fi] = a[nFacts + fi] as number;
        states[fi] = a[2 * nFacts + fi] as number;
        inOrder[fi] = a[3 * nFacts + fi] as number;
      }
      return buildTrace[i]!(asOf);
    },
    traceStatus: () => last,
    keySize: (i) => keySizes[i]!,
    keyGroup: (i) => keyGroups[i]!,
    key: rootKey,
    keys: generatedKeys ? () => { generatedKeys(); return allKeys; } : () => { for (let i = 0; i < allKeys.length; i++) allKeys[i] = rootKey(i); return allKeys; },
    screen,
    decideAll,
    generated: Object.freeze(([['load', generated], ['status', generatedStatus], ['trace', generatedTraces], ['screen', screen], ['keys', generatedKeys]] as const).filter(([, made]) => made).map(([part]) => part)),
  };
}

/** A large catalog's screen: the generated loader, then every program decided (`generateDecisions`). */
function screenInChunks(load: (profile: Profile) => boolean, decide: ((asOf: string, out: Uint8Array) => void) | undefined): Machine['screen'] {
  if (!decide) return undefined;
  return (profile, asOf, out) => {
    if (!load(profile)) return false;
    decide(asOf, out);
    return true;
  };
}

/** eq, ne, lt, lte, gt, gte and between on a number or date answer (dates compare as their YYYY-MM-DD strings). */
function compareLeaf(op: Comparison, value: Leaf['value'], values: unknown[], fi: number): Node {
  switch (op) {
    case 'eq': return () => { const a = values[fi]; return a == null ? UNKNOWN : a === value ? PASS : FAIL; };
    case 'ne': return () => { const a = values[fi]; return a == null ? UNKNOWN : a !== value ? PASS : FAIL; };
    case 'lt': return () => { const a = values[fi]; return a == null ? UNKNOWN : (a as number) < (value as number) ? PASS : FAIL; };
    case 'lte': return () => { const a = values[fi]; return a == null ? UNKNOWN : (a as number) <= (value as number) ? PASS : FAIL; };
    case 'gt': return () => { const a = values[fi]; return a == null ? UNKNOWN : (a as number) > (value as number) ? PASS : FAIL; };
    case 'gte': return () => { const a = values[fi]; return a == null ? UNKNOWN : (a as number) >= (value as number) ? PASS : FAIL; };
    case 'between': {
      const [min, max] = value as [number, number];
      return () => { const a = values[fi] as number; return a == null ? UNKNOWN : a >= min && a <= max ? PASS : FAIL; };
    }
  }
}

