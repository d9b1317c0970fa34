import { EditionNotFoundError } from '../errors.js';
import type { Region } from '../schema/common.js';
import { inPeriod } from '../util/dates.js';
import { PROVINCES, type ProvinceRecord } from './provinces-data.js';

export type { ProvinceRecord };

/** All provinces known to the toolkit: the 63 of 2021–2025 and the 34 from 1 July 2025. */
export function listProvinces(asOf?: string): ProvinceRecord[] {
  return PROVINCES.filter(
    (province) => !asOf || inPeriod(asOf, { from: province.from ?? '0000-01-01', to: province.to }),
  );
}

export function isKnownProvince(id: string): boolean {
  return PROVINCES.some((province) => province.id === id);
}

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

const found = new Map<string, ProvinceRecord | undefined>();

/**
 * The region whose targets a province's communes use on `asOf`. A province formed in 2025 from provinces
 * of different regions has no single region: the caller must say which (an ambiguity is an error, not a guess).
 */
export function regionOfProvince(id: string, asOf: string): { region: Region } | { error: string } {
  const province = findProvince(id, asOf);
  if (!province) {
    const other = PROVINCES.filter((p) => p.id === id);
    if (other.length === 0) return { error: `unknown province '${id}'` };
    const periods = other.map((p) => `${p.from ?? '…'} – ${p.to ?? 'now'}`).join(', ');
    return { error: `province '${id}' did not exist on ${asOf} (it existed ${periods})` };
  }
  if (province.regions.length !== 1) {
    return {
      error: `province '${id}' spans regions ${province.regions.join(', ')} since the 2025 merger: give the commune's region`,
    };
  }
  return { region: province.regions[0] as Region };
}

export function assertKnownProvince(id: string): void {
  if (!isKnownProvince(id)) throw new EditionNotFoundError(`unknown province '${id}'`);
}
