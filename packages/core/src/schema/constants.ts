/**
 * Names and lists shared by the schemas and the result layer, with no dependency: the review entry point
 * (`@nongthonmoi/core/review`) and the elements import these without loading zod.
 */

/** The seven socio-economic regions used by the 2021–2025 criteria tables. */
export const REGIONS = ['tdmnpb', 'dbsh', 'btb', 'dhntb', 'tn', 'dnb', 'dbscl'] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_NAMES: Readonly<Record<Region, { vi: string; en: string }>> = {
  tdmnpb: { vi: 'Trung du và miền núi phía Bắc', en: 'Northern midlands and mountains' },
  dbsh: { vi: 'Đồng bằng sông Hồng', en: 'Red River Delta' },
  btb: { vi: 'Bắc Trung Bộ', en: 'North Central' },
  dhntb: { vi: 'Duyên hải Nam Trung Bộ', en: 'South Central Coast' },
  tn: { vi: 'Tây Nguyên', en: 'Central Highlands' },
  dnb: { vi: 'Đông Nam Bộ', en: 'South East' },
  dbscl: { vi: 'Đồng bằng sông Cửu Long', en: 'Mekong Delta' },
};

/**
 * The commune groups of the 2026–2030 criteria (51/2025/QĐ-TTg), whose targets differ by group instead of
 * by region. Which group a commune is in is decided by the authorities, so it is an input, never computed.
 */
export const COMMUNE_GROUPS = ['nhom-1', 'nhom-2', 'nhom-3'] as const;
export type CommuneGroup = (typeof COMMUNE_GROUPS)[number];

export const COMMUNE_GROUP_NAMES: Readonly<Record<CommuneGroup, { vi: string; en: string }>> = {
  'nhom-1': { vi: 'Xã nhóm 1', en: 'Commune group 1' },
  'nhom-2': { vi: 'Xã nhóm 2', en: 'Commune group 2' },
  'nhom-3': { vi: 'Xã nhóm 3', en: 'Commune group 3' },
};

/**
 * How sure the toolkit is of a target value:
 * - `official`: read in the legal text or an official table;
 * - `secondary`: a provincial document or press item quoting the national value;
 * - `assumed`: inferred (a lower bound, a value borrowed from another period or province);
 * - `unknown`: no value; the indicator cannot be evaluated.
 */
export const CONFIDENCE_LEVELS = ['official', 'secondary', 'assumed', 'unknown'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export const CONFIDENCE_NAMES: Readonly<Record<Confidence, { vi: string; en: string }>> = {
  official: { vi: 'chính thức', en: 'official' },
  secondary: { vi: 'nguồn thứ cấp', en: 'secondary source' },
  assumed: { vi: 'giả định', en: 'assumed' },
  unknown: { vi: 'chưa có mức', en: 'unknown' },
};

/** Rank of a confidence level: higher is surer (official 3 … unknown 0). */
export function confidenceRank(confidence: Confidence): number {
  return 3 - CONFIDENCE_LEVELS.indexOf(confidence);
}
