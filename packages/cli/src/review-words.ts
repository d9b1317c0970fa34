/**
 * The words and small formats of the review (terminal summary, HTML and Excel reports), in Vietnamese
 * (default) and English: outlooks, dossier states, why a commune is undecided, how sure a target is, the
 * direction of a change relative to its target, dates and times.
 */
import type {
  Comparator,
  Confidence,
  DossierStatus,
  IndicatorChange,
  LocalizedText,
  TierOutlook,
  UndecidedCause,
} from '@nongthonmoi/core';
import { CONFIDENCE_NAMES } from '@nongthonmoi/core';
import { formatTarget, formatValue, type Lang, t } from './i18n.js';

export const OUTLOOK_NAMES: Readonly<Record<TierOutlook, LocalizedText>> = {
  'off-track': { vi: 'Không kịp hạn', en: 'Off track' },
  stalled: { vi: 'Đứng yên', en: 'Stalled' },
  'at-risk': { vi: 'Có nguy cơ trễ hạn', en: 'At risk' },
  'needs-action': { vi: 'Cần hành động', en: 'Needs action' },
  'insufficient-data': { vi: 'Chưa đủ số liệu để dự báo', en: 'Not enough history' },
  'missing-data': { vi: 'Thiếu số liệu', en: 'Data missing' },
  'unknown-target': { vi: 'Chưa có mức chỉ tiêu chính thức', en: 'No official target' },
  'on-track': { vi: 'Kịp hạn', en: 'On track' },
  met: { vi: 'Đã đạt', en: 'Met' },
};

/** Short names, for chips in tables. */
export const OUTLOOK_SHORT: Readonly<Record<TierOutlook, LocalizedText>> = {
  'off-track': { vi: 'Không kịp', en: 'Off track' },
  stalled: { vi: 'Đứng yên', en: 'Stalled' },
  'at-risk': { vi: 'Nguy cơ trễ', en: 'At risk' },
  'needs-action': { vi: 'Cần hành động', en: 'Needs action' },
  'insufficient-data': { vi: 'Chưa rõ tốc độ', en: 'No pace yet' },
  'missing-data': { vi: 'Thiếu số liệu', en: 'Data missing' },
  'unknown-target': { vi: 'Chưa có mức', en: 'No target' },
  'on-track': { vi: 'Kịp hạn', en: 'On track' },
  met: { vi: 'Đã đạt', en: 'Met' },
};

/** What each outlook means, for legends. */
export const OUTLOOK_HELP: Readonly<Record<TierOutlook, LocalizedText>> = {
  'off-track': {
    vi: 'theo tốc độ hiện nay chỉ đạt mục tiêu sau hạn quá biên độ cho phép, hoặc đang đi xa mục tiêu',
    en: 'at the current pace the target is reached well after the deadline, or the value moves away from it',
  },
  stalled: {
    vi: 'số liệu không thay đổi qua các lần rà soát',
    en: 'the value has not changed across the reviews',
  },
  'at-risk': {
    vi: 'theo tốc độ hiện nay đạt mục tiêu sau hạn, nhưng trong biên độ cho phép',
    en: 'at the current pace the target is reached after the deadline, within the margin',
  },
  'needs-action': {
    vi: 'chỉ tiêu có/không hoặc tổng hợp: chỉ đạt khi có người làm, không dự báo theo tốc độ',
    en: 'a yes/no or composite indicator: it closes only when someone acts; no pace can be read',
  },
  'insufficient-data': {
    vi: 'mới có số liệu ở một lần rà soát: chưa tính được tốc độ',
    en: 'a value in one review only: no pace yet',
  },
  'missing-data': { vi: 'xã chưa nhập số liệu của chỉ tiêu này', en: "the commune's data is missing" },
  'unknown-target': {
    vi: 'chưa có mức chỉ tiêu chính thức: số liệu của xã không khắc phục được',
    en: "the official target is not known: the commune's data cannot fix it",
  },
  'on-track': {
    vi: 'theo tốc độ hiện nay đạt mục tiêu đúng hoặc trước hạn',
    en: 'at the current pace the target is reached by the deadline',
  },
  met: { vi: 'không còn chỉ tiêu nào chưa đạt', en: 'nothing left to close' },
};

/** CSS class of an outlook: `no` (will not close in time), `warn`, `na` (cannot be judged), `ok`. */
export function outlookClass(outlook: TierOutlook): 'no' | 'warn' | 'na' | 'ok' {
  switch (outlook) {
    case 'off-track':
    case 'stalled':
      return 'no';
    case 'at-risk':
    case 'needs-action':
    case 'insufficient-data':
      return 'warn';
    case 'missing-data':
    case 'unknown-target':
      return 'na';
    default:
      return 'ok';
  }
}

export function outlookName(outlook: TierOutlook, lang: Lang): string {
  return t(OUTLOOK_NAMES[outlook], lang);
}

/** A dossier's state; `none` when no row names the criterion. */
export type DossierState = DossierStatus | 'none';

export const DOSSIER_NAMES: Readonly<Record<DossierState, LocalizedText>> = {
  missing: { vi: 'Chưa có', en: 'Missing' },
  'in-progress': { vi: 'Đang hoàn thiện', en: 'In progress' },
  complete: { vi: 'Đã đủ', en: 'Complete' },
  none: { vi: 'Chưa kê khai', en: 'Not listed' },
};

export function dossierName(state: DossierStatus | null, lang: Lang): string {
  return t(DOSSIER_NAMES[state ?? 'none'], lang);
}

/** Why a commune, tier or criterion cannot be decided, as the chair should read it. */
export const CAUSE_NAMES: Readonly<Record<UndecidedCause, LocalizedText>> = {
  'unknown-target': { vi: 'chưa có mức chỉ tiêu chính thức', en: 'no official target yet' },
  'missing-data': { vi: 'thiếu số liệu', en: 'data missing' },
  both: {
    vi: 'thiếu số liệu và chưa có mức chỉ tiêu chính thức',
    en: 'data missing and no official target yet',
  },
};

export function causeName(cause: UndecidedCause, lang: Lang): string {
  return t(CAUSE_NAMES[cause], lang);
}

/** The cause from counts of indicators whose data is missing and whose target is unknown (null when neither). */
export function causeOf(missingData: number, unknownTargets: number): UndecidedCause | null {
  if (missingData > 0 && unknownTargets > 0) return 'both';
  if (missingData > 0) return 'missing-data';
  if (unknownTargets > 0) return 'unknown-target';
  return null;
}

/**
 * The mark placed after a target that is not official, so that an assumption is never read as law:
 * `*` a secondary source, `**` an assumed value; nothing for an official one.
 */
export function confidenceMark(confidence: Confidence): string {
  return confidence === 'secondary' ? '*' : confidence === 'assumed' ? '**' : '';
}

export function confidenceName(confidence: Confidence, lang: Lang): string {
  return t(CONFIDENCE_NAMES[confidence], lang);
}

/** The legend of {@link confidenceMark}. */
export function confidenceLegend(lang: Lang): string {
  return lang === 'en'
    ? 'Targets: no mark = official (read in the legal text); * = from a secondary source (a provincial document or press item quoting it), not checked against the original; ** = assumed (inferred, e.g. a lower bound), not a rule. Results resting on * or ** are indicative.'
    : 'Mức chỉ tiêu: không đánh dấu = chính thức (đọc từ văn bản quy phạm); * = theo nguồn thứ cấp (văn bản của tỉnh, báo chí dẫn lại), chưa đối chiếu văn bản gốc; ** = giả định (suy ra, ví dụ mức tối thiểu), không phải quy định. Kết quả dựa trên mức * hoặc ** chỉ để tham khảo.';
}

/**
 * Direction of a change as people read it, always relative to the target: better (tiến bộ), worse (đi
 * xuống) or the same (không đổi). Core's `changed` (a value that moved while the status stayed, e.g. 81,5 →
 * 83,2 while met) is placed by the comparator: up is better for ≥ and >, down for ≤ and <. Only a change that
 * no target orders is named by what happened (new data, data gone, no longer applicable).
 */
export type ChangeWord = 'improved' | 'worsened' | 'unchanged' | 'new-data' | 'data-lost' | 'other';

export function changeWord(change: IndicatorChange, comparator: Comparator | null): ChangeWord {
  if (change.direction !== 'changed') return change.direction;
  const before = change.before.actual;
  const after = change.after.actual;
  if (typeof before === 'number' && typeof after === 'number') {
    if (before === after) return 'unchanged';
    if (comparator === '>=' || comparator === '>') return after > before ? 'improved' : 'worsened';
    if (comparator === '<=' || comparator === '<') return after < before ? 'improved' : 'worsened';
  }
  if ((before === null || before === undefined) && after !== null && after !== undefined) return 'new-data';
  if (before !== null && before !== undefined && (after === null || after === undefined)) return 'data-lost';
  return 'other';
}

export const CHANGE_NAMES: Readonly<Record<ChangeWord, LocalizedText>> = {
  improved: { vi: 'Tiến bộ', en: 'Better' },
  worsened: { vi: 'Đi xuống', en: 'Worse' },
  unchanged: { vi: 'Không đổi', en: 'Unchanged' },
  'new-data': { vi: 'Mới có số liệu', en: 'New data' },
  'data-lost': { vi: 'Mất số liệu', en: 'Data gone' },
  other: { vi: 'Không so sánh được', en: 'Not comparable' },
};

export function changeName(word: ChangeWord, lang: Lang): string {
  return t(CHANGE_NAMES[word], lang);
}

export function changeClass(word: ChangeWord): 'ok' | 'no' | '' {
  return word === 'improved' ? 'ok' : word === 'worsened' ? 'no' : '';
}

/** A commune's progress word (core's `changed` there means data moved without a criterion changing). */
export function communeChangeWord(direction: 'improved' | 'worsened' | 'unchanged' | 'changed'): ChangeWord {
  return direction === 'changed' ? 'unchanged' : direction;
}

/** 2023-11-15 → 15/11/2023 (vi) or 15 Nov 2023 (en). */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  if (lang === 'en') {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    return `${Number(match[3])} ${months[Number(match[2]) - 1]} ${match[1]}`;
  }
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** The time zone reports are dated in unless the caller names another. */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * A moment in a time zone with its offset, as a reader checks it: "16/11/2023 09:30 (GMT+7, Asia/Ho_Chi_Minh)".
 */
export function formatDateTime(iso: string, lang: Lang, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'shortOffset',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day =
    lang === 'en'
      ? `${part('year')}-${part('month')}-${part('day')}`
      : `${part('day')}/${part('month')}/${part('year')}`;
  const offset = part('timeZoneName') === 'GMT' ? 'GMT+0' : part('timeZoneName');
  return `${day} ${part('hour')}:${part('minute')} (${offset}, ${timeZone})`;
}

/** Days left to the deadline, in words: "còn 46 ngày", "đến hạn hôm nay", "đã quá hạn 3 ngày". */
export function daysLeftWords(daysLeft: number, lang: Lang): string {
  if (lang === 'en') {
    if (daysLeft > 0) return `${daysLeft} day${daysLeft === 1 ? '' : 's'} left`;
    if (daysLeft === 0) return 'due today';
    return `${-daysLeft} day${daysLeft === -1 ? '' : 's'} past the deadline`;
  }
  if (daysLeft > 0) return `còn ${daysLeft} ngày`;
  if (daysLeft === 0) return 'đến hạn hôm nay';
  return `đã quá hạn ${-daysLeft} ngày`;
}

/** The label of a criterion in a given tier: "NC 14" when several tiers are shown, else "14". */
export function criterionLabel(
  level: string,
  id: string,
  short: (level: string) => string,
  multi: boolean,
): string {
  return multi ? `${short(level)} ${id}` : id;
}

/**
 * Shortens text to at most `max` characters at a word boundary, ending with an ellipsis; never cuts a word in
 * the middle unless a single word is longer than `max`.
 */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const room = chars.slice(0, Math.max(1, max - 1)).join('');
  // The next character decides whether the room ends inside a word.
  const next = chars[Math.max(1, max - 1)] ?? ' ';
  const space = /\s/.test(next) ? room.length : room.search(/\s+\S*$/);
  const cut = space > 0 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:.(–-]+$/u, '')}…`;
}

/** Wraps text into lines of at most `width` characters at word boundaries (a longer word stands alone). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === '') line = word;
    else if ([...line].length + 1 + [...word].length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** What a gap row needs to be shown (core's gap item, or an indicator result). */
export interface ShownIndicator {
  actual: number | boolean | string | string[] | null;
  target: number | boolean | null;
  comparator: Comparator | null;
  unit: LocalizedText | null;
  requirement: LocalizedText | null;
  confidence: Confidence;
  status: string;
  reason: LocalizedText | null;
}

/**
 * The commune's value as the report shows it. A composite indicator (several parts, no single value) shows
 * which part failed with which value, from core's reason ("Tỷ lệ huy động trẻ 5 tuổi: 80 % / cần ≥ 98 %;
 * phổ cập mầm non: Không").
 */
export function actualText(indicator: ShownIndicator, lang: Lang): string {
  if ((indicator.actual === null || indicator.actual === undefined) && indicator.reason) {
    return indicator.status === 'not-met' ? t(indicator.reason, lang) : '';
  }
  return formatValue(indicator.actual, indicator.unit, lang);
}

/** The target in words, marked when it is not official (see {@link confidenceMark}). */
export function targetText(indicator: ShownIndicator, lang: Lang): string {
  const text = formatTarget(
    indicator.target,
    indicator.comparator,
    indicator.unit,
    indicator.requirement,
    lang,
  );
  const mark =
    indicator.target === null && !indicator.requirement ? '' : confidenceMark(indicator.confidence);
  return `${text}${mark}`;
}

/**
 * An indicator's id as readers see it: "14.1", "5.a", "2.x"; an id that only the rule files use (such as
 * "13-khac", the other indicators of criterion 13 taken together) is left out, the name says it all.
 */
export function shownIndicatorId(id: string): string {
  return /^\d+(\.[0-9a-z]+)*$/i.test(id) ? id : '';
}
