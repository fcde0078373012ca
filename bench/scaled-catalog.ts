// Catalogs of 100 and 1,000 programs for benchmarks: the bundled programs repeated with their thresholds,
// option lists and regions varied per copy (so no two copies share every rule), and a hand-written predicate per
// bundled program, taking the same variations as parameters: the straight-line floor nobody can beat by much.
import type { Catalog, Criterion, Profile, Program } from '../src/contract/index.js';
import { wholeYearsBetween, withinRegion } from '../src/engine/eligibility/operators.js';

/** Per-copy variation: a numeric shift and which share of each option list to keep. */
export interface Variation { k: number; shift: number; keep: number }

export function variationOf(k: number): Variation {
  return { k, shift: k % 7, keep: 1 - (k % 3) * 0.25 };
}

function vary(node: Criterion, v: Variation): Criterion {
  if ('all' in node) return { ...node, all: node.all.map((c) => vary(c, v)) };
  if ('any' in node) return { ...node, any: node.any.map((c) => vary(c, v)) };
  if ('not' in node) return { ...node, not: vary(node.not, v) };
  const leaf = { ...node };
  if (typeof leaf.value === 'number' && (leaf.op === 'gte' || leaf.op === 'gt' || leaf.op === 'lte' || leaf.op === 'lt')) {
    leaf.value = leaf.op.startsWith('g') ? leaf.value + v.shift : leaf.value + v.shift * 100;
  } else if (Array.isArray(leaf.value) && leaf.op !== 'between') {
    const list = leaf.value as string[];
    leaf.value = list.slice(0, Math.max(1, Math.ceil(list.length * v.keep)));
  } else if (leaf.op === 'yearsSinceLte') {
    leaf.value = (leaf.value as number) + (v.shift % 3);
  }
  return leaf;
}

export function scaledCatalog(base: Catalog, programs: number): Catalog {
  const out: Program[] = [];
  for (let k = 0; out.length < programs; k++) {
    for (const p of base.programs) {
      if (out.length >= programs) break;
      out.push(k === 0 ? p : { ...p, id: `${p.id}-v${k}`, criteria: vary(p.criteria, variationOf(k)) });
    }
  }
  return { ...base, version: `${base.version}×${programs}`, programs: out };
}

// ---- the floor: one hand-written predicate per bundled program (two-valued: every fact answered) ----------

type P = Record<string, any>;
const RESTRICTED = ['real-estate', 'high-energy'];
const CERTS = ['high-tech', 'tech-sme', 'srdi', 'little-giant'];
const INDUSTRIES = ['ai', 'quantum', 'semiconductor', 'biomed', 'green', 'new-energy', 'new-materials', 'high-end-equipment', 'digital', 'aerospace', 'nev'];
const CITIES = ['110000', '120000', '310000', '500000', '320100', '330100', '340100', '370100', '420100', '430100', '440100', '510100', '610100', '330200', '350200', '370200', '440300', '320500'];
const MARKET = ['paying-customers', 'pilot-order', 'external-investment', 'loi'];
const MARKET2 = ['paying-customers', 'pilot-order'];
const ENTERPRISE_SIZE3 = ['micro', 'small', 'medium'];
const ENTERPRISE_SIZE2 = ['micro', 'small'];
const cut = (list: string[], v: Variation) => list.slice(0, Math.max(1, Math.ceil(list.length * v.keep)));
const any = (have: string[], want: string[]) => { for (const x of have) if (want.includes(x)) return true; return false; };

/** Hand-written predicates, one per bundled program, parameterized by the copy's variation. */
export const FLOOR: Record<string, (p: P, v: Variation, asOf: string, L: Record<string, string[]>) => boolean> = {
  'tech-bond-enterprise': (p, _v, _a, L) => p.entityType === 'enterprise' && (any(p.certifications, L.certs!) || any(p.strategicIndustries, L.industries!)) && !any(p.restrictedActivities, L.restricted!) && p.dishonestDebtor === false,
  'tech-bond-equity-investor': (p) => p.entityType === 'equity-investment-institution' && p.amacRegistered === true && p.dishonestDebtor === false,
  'ip-pledge-loan': (p, v, _a, L) => p.entityType === 'enterprise' && p.hasPledgeableIp === true && p.ipAppraisedValue > 0 + v.shift && !any(p.restrictedActivities, L.restricted!) && p.dishonestDebtor === false,
  'tech-credit-loan': (p, _v, _a, L) => p.entityType === 'enterprise' && (any(p.certifications, L.certs!) || any(p.strategicIndustries, L.industries!)) && !any(p.restrictedActivities, L.restricted!) && p.dishonestDebtor === false,
  'tech-sme-first-loan-relending': (p, _v, _a, L) => p.entityType === 'enterprise' && any(p.certifications, L.certs!) && L.size3!.includes(p.enterpriseSize) && p.firstLoan === true && !any(p.restrictedActivities, L.restricted!) && p.dishonestDebtor === false,
  'tech-upgrade-relending': (p, _v, _a, L) => p.entityType === 'enterprise' && p.techUpgradeProject === true && !any(p.restrictedActivities, L.restricted!) && p.dishonestDebtor === false,
  'government-financing-guarantee': (p, v, _a, L) => p.entityType === 'enterprise' && L.size2!.includes(p.enterpriseSize) && p.requestedAmount <= 1000 + v.shift * 100 && !any(p.restrictedActivities, L.restricted!) && p.dishonestDebtor === false,
  'aic-equity-investment-pilot': (p, _v, _a, L) => p.entityType === 'enterprise' && (any(p.certifications, L.certs!) || any(p.strategicIndustries, L.industries!)) && L.cities!.some((t) => withinRegion(p.region, t)) && !any(p.restrictedActivities, L.restricted!) && p.dishonestDebtor === false,
  'tech-mna-loan': (p, _v, _a, L) => p.entityType === 'enterprise' && any(p.certifications, L.certs!) && p.mnaControl === true && L.cities!.some((t) => withinRegion(p.region, t)) && !any(p.restrictedActivities, L.restricted!) && p.dishonestDebtor === false,
  'first-unit-equipment-insurance': (p) => p.entityType === 'enterprise' && p.firstUnitEquipment === true && p.dishonestDebtor === false,
  'tech-insurance': (p, v, _a, L) => p.entityType === 'enterprise' && (any(p.certifications, L.certs!) || p.inventionPatents >= 1 + v.shift) && p.dishonestDebtor === false,
  'incubator-admission': (p, v, asOf, L) => p.entityType === 'enterprise' && wholeYearsBetween(p.foundedOn, asOf) <= 3 + (v.shift % 3) && p.techScore >= 60 + v.shift && any(p.marketValidation, L.market!) && !any(p.restrictedActivities, L.restricted!) && p.dishonestDebtor === false,
  'accelerator-admission': (p, v, _a, L) => p.entityType === 'enterprise' && p.trl >= 7 + v.shift && any(p.marketValidation, L.market2!) && (any(p.certifications, L.certs!) || any(p.strategicIndustries, L.industries!)) && !any(p.restrictedActivities, L.restricted!) && p.dishonestDebtor === false,
  'accelerator-operator-qualification': (p, v) => p.entityType === 'accelerator-operator' && p.capitalAdequacyRatio >= 12 + v.shift && p.riskReserveCoverage >= 10 + v.shift && p.dishonestDebtor === false,
};

export interface FloorProgram { id: string; test: (p: P) => boolean }

/** The floor for a scaled catalog: each copy's predicate with its variation bound. Programs in force only. */
export function floorPrograms(base: Catalog, scaled: Catalog, asOf: string, inForce: (p: Program) => boolean): FloorProgram[] {
  const baseIds = base.programs.map((p) => p.id);
  return scaled.programs.filter(inForce).map((p) => {
    const m = /^(.*)-v(\d+)$/.exec(p.id);
    const baseId = m && baseIds.includes(m[1]!) ? m[1]! : p.id;
    const v = m ? variationOf(Number(m[2])) : { k: 0, shift: 0, keep: 1 };
    const L = {
      restricted: cut(RESTRICTED, v), certs: cut(CERTS, v), industries: cut(INDUSTRIES, v), cities: cut(CITIES, v),
      market: cut(MARKET, v), market2: cut(MARKET2, v), size3: cut(ENTERPRISE_SIZE3, v), size2: cut(ENTERPRISE_SIZE2, v),
    };
    const f = FLOOR[baseId]!;
    return { id: p.id, test: (profile: Profile) => f(profile as P, v, asOf, L) };
  });
}
