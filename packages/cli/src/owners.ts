/**
 * owners.csv: who is responsible for each criterion (or indicator). Columns `criterion, owner` (or
 * `Tiêu chí, Phụ trách`), optionally `level` (`Cấp`): criterion numbers differ between tiers (criterion 14
 * is education in NTM but health in NTM nâng cao), so a row without a level applies to every tier.
 */
import type { Lang } from './i18n.js';
import { quote } from './io/cells.js';
import { readBytes } from './io/read.js';
import { csvRecords, decodeText } from './io/read-csv.js';
import { fold, preview, shownFile } from './io/text.js';
import { InputError } from './io/types.js';
import { tr } from './messages.js';
import { escapeControls } from './safe-text.js';

export interface OwnerRule {
  /** Tier the row is limited to, or null for every tier. */
  level: string | null;
  /** A criterion id ("17") or an indicator id ("17.10"). */
  id: string;
  owner: string;
  row: number;
}

export interface Owners {
  file: string;
  rules: OwnerRule[];
}

const HEADERS = {
  criterion: ['criterion', 'tieu chi', 'chi tieu', 'tc', 'indicator', 'criterion id'],
  owner: ['owner', 'phu trach', 'don vi phu trach', 'nguoi phu trach', 'co quan phu trach', 'responsible'],
  level: ['level', 'cap', 'tier', 'cap do', 'muc'],
};

/** "TC 17", "Tiêu chí 17", "17" → "17"; "Chỉ tiêu 17.10" → "17.10". */
export function normalizeCriterionId(text: string): string {
  return text
    .trim()
    .replace(/^(tiêu chí|tieu chi|chỉ tiêu|chi tieu|tc|ct)\s*/i, '')
    .replace(/^(số|so)\s*/i, '')
    .trim();
}

/** "nâng cao", "NTM nâng cao", "nang-cao" → "nang-cao". */
export function normalizeLevel(text: string): string | null {
  const folded = fold(text);
  if (folded === '' || folded === '*' || folded === 'tat ca' || folded === 'all') return null;
  if (folded.includes('nang cao')) return 'nang-cao';
  if (folded.includes('kieu mau')) return 'kieu-mau';
  if (folded === 'ntm' || folded.includes('nong thon moi')) return 'ntm';
  return folded.replace(/ /g, '-');
}

export function parseOwners(text: string, file: string, lang: Lang = 'vi'): Owners {
  const shown = shownFile(file);
  const { records } = csvRecords(text, file, lang);
  const header = (records[0] ?? []).map((cell) => fold(cell));
  const find = (names: string[]) => header.findIndex((cell) => names.includes(cell));
  const criterionAt = find(HEADERS.criterion);
  const ownerAt = find(HEADERS.owner);
  const levelAt = find(HEADERS.level);
  if (criterionAt < 0 || ownerAt < 0) {
    throw new InputError(
      file,
      tr(lang, 'owners.columns', {
        file: shown,
        found: escapeControls(preview((records[0] ?? []).join(', '))) || tr(lang, 'owners.nothing'),
      }),
    );
  }
  const rules: OwnerRule[] = [];
  const problems: Array<{ column: string; reason: string }> = [];
  records.slice(1).forEach((record, i) => {
    const row = i + 2;
    if (record.every((cell) => cell.trim() === '')) return;
    const id = normalizeCriterionId(record[criterionAt] ?? '');
    const owner = (record[ownerAt] ?? '').trim();
    const where = tr(lang, 'owners.row', { row });
    if (id === '') problems.push({ column: where, reason: tr(lang, 'owners.criterionEmpty') });
    else if (!/^[A-Za-z0-9]+([.-][A-Za-z0-9]+)*$/.test(id)) {
      problems.push({
        column: where,
        reason: tr(lang, 'owners.badCriterion', { shown: quote(record[criterionAt] ?? '') }),
      });
    }
    if (owner === '') problems.push({ column: where, reason: tr(lang, 'owners.ownerEmpty') });
    if (id !== '' && owner !== '') {
      rules.push({ level: levelAt >= 0 ? normalizeLevel(record[levelAt] ?? '') : null, id, owner, row });
    }
  });
  if (problems.length > 0) throw new InputError(file, tr(lang, 'owners.problems', { file: shown }), problems);
  return { file, rules };
}

export async function readOwners(file: string, lang: Lang = 'vi'): Promise<Owners> {
  return parseOwners(decodeText(await readBytes(file, { lang }), file, lang), file, lang);
}

/**
 * The owner of an indicator: a rule naming the indicator wins over one naming its criterion, and a rule for
 * the tier wins over one for every tier.
 */
export function ownerOf(
  owners: Owners | null,
  level: string,
  criterion: string,
  indicator: string,
): string | null {
  if (!owners) return null;
  let best: { score: number; owner: string } | null = null;
  for (const rule of owners.rules) {
    if (rule.level !== null && rule.level !== level) continue;
    const score = (rule.id === indicator ? 2 : rule.id === criterion ? 1 : 0) * 2 + (rule.level ? 1 : 0);
    if (score < 2) continue;
    if (!best || score > best.score) best = { score, owner: rule.owner };
  }
  return best?.owner ?? null;
}
