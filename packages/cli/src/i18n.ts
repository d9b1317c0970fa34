/** The words the CLI and its reports show, in Vietnamese (default) and English. */
import {
  COMPARATOR_SYMBOLS,
  type Comparator,
  type CriterionStatus,
  type IndicatorStatus,
  type LocalizedText,
  type TierStatus,
} from '@nongthonmoi/core';

export type Lang = 'vi' | 'en';

export const TIER_NAMES: Record<string, LocalizedText> = {
  ntm: { vi: 'Xã nông thôn mới', en: 'New-rural commune (NTM)' },
  'nang-cao': { vi: 'Xã nông thôn mới nâng cao', en: 'Advanced new-rural commune' },
  'kieu-mau': { vi: 'Xã nông thôn mới kiểu mẫu', en: 'Model new-rural commune' },
  'cong-nhan': { vi: 'Điều kiện công nhận', en: 'Recognition conditions' },
};

export const TIER_SHORT: Record<string, LocalizedText> = {
  ntm: { vi: 'NTM', en: 'NTM' },
  'nang-cao': { vi: 'NC', en: 'Adv.' },
  'kieu-mau': { vi: 'KM', en: 'Model' },
  'cong-nhan': { vi: 'CN', en: 'Recog.' },
};

const TIER_STATUS: Record<TierStatus, LocalizedText> = {
  met: { vi: 'Đạt', en: 'Met' },
  'not-met': { vi: 'Chưa đạt', en: 'Not met' },
  incomplete: { vi: 'Chưa đủ căn cứ', en: 'Incomplete' },
};

const INDICATOR_STATUS: Record<IndicatorStatus, LocalizedText> = {
  met: { vi: 'Đạt', en: 'Met' },
  'not-met': { vi: 'Chưa đạt', en: 'Not met' },
  missing: { vi: 'Thiếu số liệu', en: 'No data' },
  'not-applicable': { vi: 'Không áp dụng', en: 'Not applicable' },
  'not-evaluable': { vi: 'Chưa có mức chỉ tiêu chính thức', en: 'No official target' },
};

export const SYMBOL: Record<CriterionStatus, string> = { met: '✔', 'not-met': '✘', incomplete: '?' };

export function t(text: LocalizedText | null | undefined, lang: Lang): string {
  if (!text) return '';
  return lang === 'en' ? text.en || text.vi : text.vi || text.en;
}

export function tierName(level: string, lang: Lang): string {
  return TIER_NAMES[level] ? t(TIER_NAMES[level], lang) : level;
}

export function tierShort(level: string, lang: Lang): string {
  return TIER_SHORT[level] ? t(TIER_SHORT[level], lang) : level;
}

export function tierStatus(status: TierStatus | CriterionStatus, lang: Lang): string {
  return t(TIER_STATUS[status], lang);
}

export function indicatorStatus(status: IndicatorStatus, lang: Lang): string {
  return t(INDICATOR_STATUS[status], lang);
}

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

export function formatNumber(value: number, lang: Lang): string {
  return numberFormats[lang].format(value);
}

/** A value as analysts write it: 85,5 %, Có/Không, the list of enum ids. */
export function formatValue(
  value: number | boolean | string | string[] | null | undefined,
  unit: LocalizedText | null | undefined,
  lang: Lang,
): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean')
    return value ? (lang === 'en' ? 'Yes' : 'Có') : lang === 'en' ? 'No' : 'Không';
  if (Array.isArray(value)) return value.length === 0 ? (lang === 'en' ? 'none' : 'không') : value.join(', ');
  if (typeof value === 'number') {
    const text = formatNumber(value, lang);
    const u = t(unit, lang);
    return u ? `${text} ${u}` : text;
  }
  return value;
}

/** The target in words: "≥ 95 %", "Có", "chưa xác định". */
export function formatTarget(
  target: number | boolean | null,
  comparator: string | null,
  unit: LocalizedText | null,
  requirement: LocalizedText | null,
  lang: Lang,
): string {
  if (target === null) {
    if (requirement) return t(requirement, lang);
    return lang === 'en' ? 'unknown' : 'chưa xác định';
  }
  if (typeof target === 'boolean') {
    const yes = comparator === '!=' ? !target : target;
    return yes ? (lang === 'en' ? 'Yes' : 'Có') : lang === 'en' ? 'No' : 'Không';
  }
  const op = comparator ? `${COMPARATOR_SYMBOLS[comparator as Comparator] ?? comparator} ` : '';
  return `${op}${formatValue(target, unit, lang)}`;
}

/** A gap as "còn thiếu 2,5 %" / "vượt 1,5 %" (for ≤ targets), or '' when meaningless. */
export function formatGap(gap: number | null, unit: LocalizedText | null, lang: Lang): string {
  if (gap === null) return '';
  const unitText = t(unit, lang) === '%' ? (lang === 'en' ? 'pp' : 'điểm %') : t(unit, lang);
  const amount = `${formatNumber(Math.abs(gap), lang)}${unitText ? ` ${unitText}` : ''}`;
  if (gap < 0) return lang === 'en' ? `${amount} short` : `còn thiếu ${amount}`;
  if (gap > 0) return lang === 'en' ? `${amount} over` : `vượt ${amount}`;
  return lang === 'en' ? 'at the limit' : 'đúng bằng mức';
}

export const DIRECTION: Record<string, LocalizedText> = {
  improved: { vi: 'Tiến bộ', en: 'Improved' },
  worsened: { vi: 'Đi xuống', en: 'Worsened' },
  unchanged: { vi: 'Không đổi', en: 'Unchanged' },
  changed: { vi: 'Thay đổi', en: 'Changed' },
};
