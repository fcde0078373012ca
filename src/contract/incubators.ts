// The incubator and accelerator directory (CONTRACT.md, "Incubators").
import * as z from 'zod/mini';
import { Adcode, Id, LocalizedText, Source, WebUrl } from './common.js';

export const IncubatorKind = z.enum(['incubator', 'accelerator', 'maker-space', 'science-park']);
export type IncubatorKind = z.infer<typeof IncubatorKind>;
import { LEVELS } from './localize.js';

export { LEVELS } from './localize.js';
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

const Lon = z.number().check(z.gte(-180), z.lte(180));
const Lat = z.number().check(z.gte(-90), z.lte(90));
const IndustryCode = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/));

/**
 * v2 (issue 10): an official recognition, as published: MOST national incubator, MIIT standard or excellent grade
 * (since 2025), provincial, municipal, 国家备案众创空间, 国家大学科技园. `year` is the year of the list it appears in.
 * The seed's four-level network stays in `level`; this field says who recognised the entry, and when.
 */
export const RECOGNITIONS = ['most-national', 'miit-standard', 'miit-excellent', 'provincial', 'municipal', 'national-maker-space', 'national-university-science-park'] as const;
export const RecognitionKind = z.enum(RECOGNITIONS);
export type RecognitionKind = z.infer<typeof RecognitionKind>;
export const Recognition = z.object({ kind: RecognitionKind, year: z.optional(z.number().check(z.int(), z.gte(1980), z.lte(2100))) });
export type Recognition = z.infer<typeof Recognition>;

export const Incubator = z.object({
  id: Id,
  name: LocalizedText,
  kind: IncubatorKind,
  level: Level,
  lon: Lon,
  lat: Lat,
  adcode: Adcode,
  industries: z.array(IndustryCode),
  operator: z.optional(LocalizedText),
  address: z.optional(LocalizedText),
  areaM2: z.optional(z.number().check(z.gt(0))),
  founded: z.optional(z.number().check(z.int(), z.gte(1900), z.lte(2100))),
  services: z.optional(z.array(LocalizedText)),
  url: z.optional(WebUrl),
  recognition: z.optional(z.array(Recognition)),
  /** Where the entry's facts (name, kind, recognition) come from. */
  sources: z.optional(z.array(Source)),
});
export type Incubator = z.infer<typeof Incubator>;

export const BBox = z.tuple([Lon, Lat, Lon, Lat]).check(
  z.refine(([a, b, c, d]) => a <= c && b <= d, { message: 'bbox must be minLon,minLat,maxLon,maxLat', params: { rule: 'bbox-order' } }),
);
export type BBox = z.infer<typeof BBox>;

export const IncubatorQuery = z.object({
  bbox: z.optional(BBox),
  zoom: z.optional(z.number().check(z.gte(0), z.lte(22))),
  level: z.optional(Level),
  kind: z.optional(IncubatorKind),
  industry: z.optional(IndustryCode),
  q: z.optional(z.string().check(z.maxLength(100))),
  limit: z.optional(z.number().check(z.int(), z.gte(0), z.lte(5000))),
});
export type IncubatorQuery = z.infer<typeof IncubatorQuery>;

export const Cluster = z.object({ lon: Lon, lat: Lat, count: z.number().check(z.int(), z.gte(1)) });
export type Cluster = z.infer<typeof Cluster>;

export const IncubatorQueryResult = z.object({
  total: z.number().check(z.int(), z.gte(0)),
  clusters: z.array(Cluster),
  items: z.array(Incubator),
});
export type IncubatorQueryResult = z.infer<typeof IncubatorQueryResult>;

export const RegionStatsQuery = z.object({ level: z.optional(Level), industry: z.optional(IndustryCode) });
export type RegionStatsQuery = z.infer<typeof RegionStatsQuery>;

export const RegionStat = z.object({
  adcode: Adcode,
  name: LocalizedText,
  count: z.number().check(z.int(), z.gte(0)),
  byLevel: z.object({
    national: z.number().check(z.int(), z.gte(0)),
    regional: z.number().check(z.int(), z.gte(0)),
    local: z.number().check(z.int(), z.gte(0)),
    cluster: z.number().check(z.int(), z.gte(0)),
  }),
});
export type RegionStat = z.infer<typeof RegionStat>;
export const RegionStats = z.array(RegionStat);
