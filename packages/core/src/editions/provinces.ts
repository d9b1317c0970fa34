import type { LocalizedText, Region } from '../schema/common.js';
import { inPeriod } from '../util/dates.js';
import { PROVINCES, type ProvinceRecord } from './provinces-data.js';

export type { ProvinceRecord };

/** All provinces known to the toolkit: the 63 of 2021–2025 and the 34 from 1 July 2025. */
export function listProvinces(asOf?: string): ProvinceRecord[] {
  return PROVINCES.filter(
    (province) => !asOf || inPeriod(asOf, { from: province.from ?? '0000-01-01', to: province.to }),
  );
}

const KNOWN = new Set(PROVINCES.map((province) => province.id));

export function isKnownProvince(id: string): boolean {
  return KNOWN.has(id);
}

const found = new Map<string, ProvinceRecord | undefined>();

/** The province record in force on `asOf`, or undefined when the id is unknown or not in force then. */
export function findProvince(id: string, asOf: string): ProvinceRecord | undefined {
  const key = `${id}|${asOf}`;
  if (found.has(key)) return found.get(key);
  const record = PROVINCES.find(
    (province) =>
      province.id === id && inPeriod(asOf, { from: province.from ?? '0000-01-01', to: province.to }),
  );
  if (found.size < 10_000) found.set(key, record);
  return record;
}

function viDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/**
 * Why a province id cannot be used on `asOf`, or null when it can. A province merged away on 1 July 2025
 * names the province it became part of (e.g. nam-dinh → ninh-binh).
 */
export function provinceProblem(id: string, asOf: string): LocalizedText | null {
  if (findProvince(id, asOf)) return null;
  const records = PROVINCES.filter((province) => province.id === id);
  if (records.length === 0) {
    return { vi: `không có tỉnh nào mã '${id}'`, en: `unknown province '${id}'` };
  }
  const name = records[0]?.name ?? id;
  const successor = PROVINCES.find(
    (province) =>
      province.mergedFrom?.includes(id) &&
      inPeriod(asOf, { from: province.from ?? '0000-01-01', to: province.to }),
  );
  const last = records
    .map((record) => record.to)
    .filter((to): to is string => !!to)
    .sort()
    .pop();
  if (successor && last && asOf > last) {
    const from = successor.from ?? asOf;
    return {
      vi: `tỉnh ${name} (${id}) không còn từ ngày ${viDate(from)}: đã hợp nhất vào tỉnh ${successor.name} (${successor.id}); hãy dùng mã ${successor.id}`,
      en: `the province ${name} (${id}) no longer exists from ${from}: it merged into ${successor.name} (${successor.id}); use ${successor.id}`,
    };
  }
  const periods = records
    .map((record) => `${record.from ? viDate(record.from) : '…'} – ${record.to ? viDate(record.to) : 'nay'}`)
    .join(', ');
  const periodsEn = records.map((record) => `${record.from ?? '…'} – ${record.to ?? 'now'}`).join(', ');
  return {
    vi: `tỉnh ${name} (${id}) chưa có vào ngày ${viDate(asOf)} (tồn tại ${periods})`,
    en: `province '${id}' did not exist on ${asOf} (it existed ${periodsEn})`,
  };
}

/**
 * The region whose targets a province's communes use on `asOf`. A province formed in 2025 from provinces
 * of different regions has no single region: the caller must say which (an ambiguity is an error, not a guess).
 */
export function regionOfProvince(
  id: string,
  asOf: string,
): { region: Region } | { error: string; message: LocalizedText } {
  const problem = provinceProblem(id, asOf);
  if (problem) return { error: problem.en, message: problem };
  const province = findProvince(id, asOf) as ProvinceRecord;
  if (province.regions.length !== 1) {
    return {
      error: `province '${id}' spans regions ${province.regions.join(', ')} since the 2025 merger: give the commune's region`,
      message: {
        vi: `tỉnh ${province.name} gồm nhiều vùng (${province.regions.join(', ')}) từ khi hợp nhất năm 2025: hãy ghi vùng của xã`,
        en: `province '${id}' spans regions ${province.regions.join(', ')} since the 2025 merger: give the commune's region`,
      },
    };
  }
  return { region: province.regions[0] as Region };
}
