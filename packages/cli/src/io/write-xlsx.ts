/**
 * Excel writers: the review workbook (matrix, gaps, progress, owners, problems, about) and the data-entry
 * template of `ntm template`.
 */
import type { Evaluation, Measure, RulesetDetail } from '@nongthonmoi/core';
import {
  DIRECTION,
  formatTarget,
  formatValue,
  indicatorStatus,
  type Lang,
  t,
  tierName,
  tierShort,
  tierStatus,
} from '../i18n.js';
import { tr } from '../messages.js';
import { type GapRow, gapsByOwner, type ReviewData } from '../review.js';
import { escapeControls } from '../safe-text.js';
import { FIELD_LABELS } from './columns.js';
import { type Excel as ExcelJS, loadExcel } from './excel.js';
import { LIMITS } from './limits.js';

const FILL = {
  ok: 'FFE3F4E8',
  no: 'FFFBE4E2',
  na: 'FFFDF0D5',
  head: 'FFEEF1F5',
};

function fill(color: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: color } };
}

function statusFill(status: string): ExcelJS.Fill | undefined {
  if (status === 'met') return fill(FILL.ok);
  if (status === 'not-met') return fill(FILL.no);
  if (status === 'incomplete' || status === 'missing' || status === 'not-evaluable') return fill(FILL.na);
  return undefined;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = fill(FILL.head);
    cell.border = { bottom: { style: 'thin' } };
  });
}

function tiersOf(evaluation: Evaluation): Evaluation[] {
  return [...evaluation.prerequisites.flatMap(tiersOf), evaluation];
}

const SHEETS = {
  vi: {
    matrix: 'Tổng hợp',
    gaps: 'Chỉ tiêu chưa đạt',
    notJudged: 'Chưa đủ căn cứ',
    progress: 'Tiến độ',
    changes: 'Thay đổi chỉ tiêu',
    owners: 'Theo phụ trách',
    problems: 'Dòng lỗi',
    about: 'Thông tin',
  },
  en: {
    matrix: 'Matrix',
    gaps: 'Gaps',
    notJudged: 'Not judged',
    progress: 'Progress',
    changes: 'Indicator changes',
    owners: 'By owner',
    problems: 'Row errors',
    about: 'About',
  },
};

const HEAD = {
  vi: {
    id: 'Mã xã',
    name: 'Tên xã',
    result: 'Kết quả',
    criteriaMet: 'Tiêu chí đạt',
    criteriaTotal: 'Tổng số tiêu chí',
    tier: 'Cấp',
    criterion: 'Tiêu chí',
    criterionName: 'Tên tiêu chí',
    indicator: 'Chỉ tiêu',
    indicatorName: 'Nội dung chỉ tiêu',
    status: 'Tình trạng',
    actual: 'Hiện trạng',
    target: 'Mục tiêu',
    gap: 'Còn thiếu',
    unit: 'Đơn vị',
    verified: 'Mức đã kiểm chứng',
    owner: 'Phụ trách',
    reason: 'Lý do',
    before: 'Lần trước',
    now: 'Lần này',
    metBefore: 'TC đạt lần trước',
    metNow: 'TC đạt lần này',
    trend: 'Xu hướng',
    gained: 'Tiêu chí mới đạt',
    lost: 'Tiêu chí không còn đạt',
    file: 'Tệp',
    row: 'Dòng',
    column: 'Cột',
    value: 'Giá trị',
    yes: 'Có',
    no: 'Không',
    unassigned: 'Chưa phân công',
  },
  en: {
    id: 'Commune id',
    name: 'Commune',
    result: 'Result',
    criteriaMet: 'Criteria met',
    criteriaTotal: 'Criteria',
    tier: 'Tier',
    criterion: 'Criterion',
    criterionName: 'Criterion name',
    indicator: 'Indicator',
    indicatorName: 'Indicator text',
    status: 'Status',
    actual: 'Actual',
    target: 'Target',
    gap: 'Gap',
    unit: 'Unit',
    verified: 'Target verified',
    owner: 'Owner',
    reason: 'Reason',
    before: 'Before',
    now: 'Now',
    metBefore: 'Criteria met before',
    metNow: 'Criteria met now',
    trend: 'Trend',
    gained: 'Criteria newly met',
    lost: 'Criteria no longer met',
    file: 'File',
    row: 'Row',
    column: 'Column',
    value: 'Value',
    yes: 'Yes',
    no: 'No',
    unassigned: 'Unassigned',
  },
};

function gapRowValues(gap: GapRow, lang: Lang, withOwner: boolean): unknown[] {
  const H = HEAD[lang];
  return [
    gap.communeId,
    gap.communeName,
    tierShort(gap.level, lang),
    gap.criterion,
    t(gap.criterionName, lang),
    gap.indicator,
    t(gap.name, lang),
    indicatorStatus(gap.status, lang),
    typeof gap.actual === 'number' ? gap.actual : formatValue(gap.actual, null, lang),
    formatTarget(gap.target, gap.comparator, gap.unit, gap.requirement, lang),
    gap.gap === null ? null : Math.abs(gap.gap),
    t(gap.unit, lang),
    gap.verified ? H.yes : H.no,
    ...(withOwner ? [gap.owner ?? H.unassigned] : []),
  ];
}

function gapHeader(lang: Lang, withOwner: boolean): string[] {
  const H = HEAD[lang];
  return [
    H.id,
    H.name,
    H.tier,
    H.criterion,
    H.criterionName,
    H.indicator,
    H.indicatorName,
    H.status,
    H.actual,
    H.target,
    H.gap,
    H.unit,
    H.verified,
    ...(withOwner ? [H.owner] : []),
  ];
}

function gapSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  rows: GapRow[],
  lang: Lang,
  withOwner: boolean,
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(gapHeader(lang, withOwner));
  styleHeader(sheet.getRow(1));
  for (const gap of rows) {
    const row = sheet.addRow(gapRowValues(gap, lang, withOwner));
    const f = statusFill(gap.status);
    if (f) row.getCell(8).fill = f;
  }
  const widths = [10, 22, 6, 8, 28, 9, 50, 16, 14, 22, 10, 12, 10, 22];
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  sheet.getColumn(7).alignment = { wrapText: true, vertical: 'top' };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: withOwner ? 14 : 13 } };
}

/** The review workbook: one sheet for the matrix, one for the gaps, and progress when there is a previous review. */
export async function buildReviewWorkbook(review: ReviewData): Promise<ExcelJS.Workbook> {
  const lang = review.lang;
  const H = HEAD[lang];
  const S = SHEETS[lang];
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  workbook.creator = 'ntm (@nongthonmoi/cli)';
  workbook.created = new Date(review.generatedAt);

  // Matrix: communes × criteria (the assessed tier first, then its prerequisites).
  const columns: Array<{ level: string; id: string; name: string }> = [];
  const seen = new Set<string>();
  const prerequisiteLevels: string[] = [];
  for (const evaluation of review.evaluations) {
    const tiers = [evaluation, ...tiersOf(evaluation).slice(0, -1).reverse()];
    for (const tier of tiers) {
      if (tier !== evaluation && !prerequisiteLevels.includes(tier.level))
        prerequisiteLevels.push(tier.level);
      for (const criterion of tier.criteria) {
        const key = `${tier.level}:${criterion.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        columns.push({ level: tier.level, id: criterion.id, name: t(criterion.name, lang) });
      }
    }
  }
  const matrix = workbook.addWorksheet(S.matrix, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  const multi = new Set(columns.map((c) => c.level)).size > 1;
  matrix.addRow([
    H.id,
    H.name,
    H.result,
    H.criteriaMet,
    H.criteriaTotal,
    ...prerequisiteLevels.map((level) => `${tierShort(level, lang)}: ${H.result}`),
    ...columns.map((c) => `${multi ? `${tierShort(c.level, lang)} ` : ''}${c.id}. ${c.name}`),
  ]);
  styleHeader(matrix.getRow(1));
  matrix.getRow(1).height = 90;
  const first = 6 + prerequisiteLevels.length;
  for (const evaluation of review.evaluations) {
    const byKey = new Map<string, string>();
    const byLevel = new Map<string, Evaluation>();
    for (const tier of tiersOf(evaluation)) {
      byLevel.set(tier.level, tier);
      for (const criterion of tier.criteria) byKey.set(`${tier.level}:${criterion.id}`, criterion.status);
    }
    const row = matrix.addRow([
      evaluation.commune.id,
      evaluation.commune.name,
      tierStatus(evaluation.status, lang),
      evaluation.counts.criteriaMet,
      evaluation.counts.criteriaTotal,
      ...prerequisiteLevels.map((level) => {
        const tier = byLevel.get(level);
        return tier
          ? `${tierStatus(tier.status, lang)} (${tier.counts.criteriaMet}/${tier.counts.criteriaTotal})`
          : '';
      }),
      ...columns.map((c) => {
        const status = byKey.get(`${c.level}:${c.id}`);
        return status ? tierStatus(status as 'met', lang) : '';
      }),
    ]);
    const resultFill = statusFill(evaluation.status);
    if (resultFill) row.getCell(3).fill = resultFill;
    prerequisiteLevels.forEach((level, i) => {
      const tier = byLevel.get(level);
      const f = tier ? statusFill(tier.status) : undefined;
      if (f) row.getCell(6 + i).fill = f;
    });
    columns.forEach((c, i) => {
      const f = statusFill(byKey.get(`${c.level}:${c.id}`) ?? '');
      if (f) row.getCell(first + i).fill = f;
    });
  }
  matrix.getColumn(1).width = 10;
  matrix.getColumn(2).width = 24;
  matrix.getColumn(3).width = 15;
  matrix.getColumn(4).width = 8;
  matrix.getColumn(5).width = 8;
  for (let i = 6; i < first + columns.length; i++) matrix.getColumn(i).width = 11;

  gapSheet(workbook, S.gaps, review.gaps, lang, review.files.owners !== null);
  if (review.notJudged.length > 0) {
    const sheet = workbook.addWorksheet(S.notJudged, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow([H.id, H.name, H.tier, H.criterion, H.indicator, H.indicatorName, H.status, H.reason]);
    styleHeader(sheet.getRow(1));
    for (const gap of review.notJudged) {
      const row = sheet.addRow([
        gap.communeId,
        gap.communeName,
        tierShort(gap.level, lang),
        gap.criterion,
        gap.indicator,
        t(gap.name, lang),
        indicatorStatus(gap.status, lang),
        t(gap.reason, lang),
      ]);
      const f = statusFill(gap.status);
      if (f) row.getCell(7).fill = f;
    }
    [10, 22, 6, 8, 9, 50, 20, 50].forEach((width, i) => {
      sheet.getColumn(i + 1).width = width;
    });
  }

  if (review.progress) {
    const sheet = workbook.addWorksheet(S.progress, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow([H.id, H.name, H.before, H.now, H.metBefore, H.metNow, H.trend, H.gained, H.lost]);
    styleHeader(sheet.getRow(1));
    for (const c of review.progress.communes) {
      const gained = c.criteria.filter((x) => x.after === 'met' && x.before !== 'met');
      const lost = c.criteria.filter((x) => x.before === 'met' && x.after !== 'met');
      const row = sheet.addRow([
        c.id,
        c.name,
        tierStatus(c.before, lang),
        tierStatus(c.after, lang),
        c.criteriaMetBefore,
        c.criteriaMetAfter,
        t(DIRECTION[c.direction], lang),
        gained.map((x) => `${tierShort(x.level, lang)} ${x.id}`).join(', '),
        lost.map((x) => `${tierShort(x.level, lang)} ${x.id}`).join(', '),
      ]);
      const before = statusFill(c.before);
      const after = statusFill(c.after);
      if (before) row.getCell(3).fill = before;
      if (after) row.getCell(4).fill = after;
    }
    [10, 22, 15, 15, 10, 10, 12, 30, 30].forEach((width, i) => {
      sheet.getColumn(i + 1).width = width;
    });
    const changes = workbook.addWorksheet(S.changes, { views: [{ state: 'frozen', ySplit: 1 }] });
    changes.addRow([
      H.id,
      H.name,
      H.tier,
      H.indicator,
      H.indicatorName,
      `${H.before}: ${H.status}`,
      `${H.before}: ${H.actual}`,
      `${H.now}: ${H.status}`,
      `${H.now}: ${H.actual}`,
      H.trend,
    ]);
    styleHeader(changes.getRow(1));
    for (const c of review.progress.communes) {
      for (const change of c.indicators) {
        changes.addRow([
          c.id,
          c.name,
          tierShort(change.level, lang),
          change.indicator,
          t(change.name, lang),
          indicatorStatus(change.before.status, lang),
          typeof change.before.actual === 'number'
            ? change.before.actual
            : formatValue(change.before.actual, null, lang),
          indicatorStatus(change.after.status, lang),
          typeof change.after.actual === 'number'
            ? change.after.actual
            : formatValue(change.after.actual, null, lang),
          t(DIRECTION[change.direction], lang),
        ]);
      }
    }
    [10, 22, 6, 9, 50, 16, 12, 16, 12, 12].forEach((width, i) => {
      changes.getColumn(i + 1).width = width;
    });
  }

  if (review.files.owners !== null) {
    const sheet = workbook.addWorksheet(S.owners, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow([H.owner, ...gapHeader(lang, false)]);
    styleHeader(sheet.getRow(1));
    for (const { owner, gaps } of gapsByOwner(review)) {
      for (const gap of gaps) sheet.addRow([owner ?? H.unassigned, ...gapRowValues(gap, lang, false)]);
    }
    [22, 10, 22, 6, 8, 28, 9, 50, 16, 14, 22, 10, 12, 10].forEach((width, i) => {
      sheet.getColumn(i + 1).width = width;
    });
  }

  if (review.problems.length > 0) {
    const sheet = workbook.addWorksheet(S.problems);
    sheet.addRow([H.file, H.row, H.column, H.value, H.reason]);
    styleHeader(sheet.getRow(1));
    for (const p of review.problems) sheet.addRow([p.file, p.row, p.column, p.value, p.reason]);
    [24, 6, 28, 16, 80].forEach((width, i) => {
      sheet.getColumn(i + 1).width = width;
    });
  }

  const about = workbook.addWorksheet(S.about);
  const lines: Array<[string, string]> = [
    [lang === 'en' ? 'Tier' : 'Cấp đánh giá', tierName(review.level, lang)],
    [lang === 'en' ? 'Assessment date' : 'Ngày đánh giá', review.asOf],
    ...(review.previous
      ? ([[lang === 'en' ? 'Previous review' : 'Lần trước', review.previousAsOf ?? review.asOf]] as Array<
          [string, string]
        >)
      : []),
    ...(review.place
      ? ([[lang === 'en' ? 'Place' : 'Địa bàn', review.place]] as Array<[string, string]>)
      : []),
    ...review.rulesets.map((r): [string, string] => [
      lang === 'en' ? 'Rules' : 'Bộ tiêu chí',
      `${r.id} — ${t(r.name, lang)} (${r.basis[0]?.number ?? ''})${r.overlays.map((o) => ` + ${o.id}`).join('')}`,
    ]),
    [
      lang === 'en' ? 'Data' : 'Dữ liệu',
      [review.files.current, review.files.previous, review.files.owners].filter(Boolean).join(', '),
    ],
    [lang === 'en' ? 'Generated' : 'Lập lúc', review.generatedAt],
    [
      lang === 'en' ? 'Note' : 'Lưu ý',
      lang === 'en'
        ? `${review.notJudged.filter((g) => g.status === 'not-evaluable').length} indicator results could not be judged because their target is unknown or unverified in the encoded rules; ${review.unverifiedTargets} used a target not yet checked against its source. Indicative, not an official appraisal.`
        : `${review.notJudged.filter((g) => g.status === 'not-evaluable').length} lượt chỉ tiêu chưa đánh giá được vì mức mục tiêu chưa xác định hoặc chưa kiểm chứng trong bộ tiêu chí đã mã hóa; ${review.unverifiedTargets} lượt chỉ tiêu dùng mức chưa kiểm chứng với văn bản gốc. Kết quả để tham khảo, không thay thế thẩm định chính thức.`,
    ],
  ];
  for (const line of lines) about.addRow(line);
  about.getColumn(1).width = 22;
  about.getColumn(2).width = 110;
  about.getColumn(1).font = { bold: true };
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return workbook;
}

// ---------------------------------------------------------------------------------------------------------
// Template

export interface TemplateMeasure {
  key: string;
  measure: Measure;
  /** Tier whose edition defines it (the first in the chain, from the base tier up). */
  level: string;
  /** "≥ 95 % (14.1)" etc., for the note. */
  targets: string[];
}

export interface TemplateInput {
  lang: Lang;
  level: string;
  asOf: string;
  province: string | null;
  region: string | null;
  /** The editions of the chain, the base tier first. */
  details: RulesetDetail[];
  measures: TemplateMeasure[];
  /** Rows to leave ready (with validation) for communes. */
  rows: number;
  /** Communes to pre-fill (id, name, district). */
  communes?: Array<{
    id: string;
    name: string;
    district?: string | undefined;
    province?: string | undefined;
  }>;
}

const TIER_COLOURS: Record<string, string> = {
  ntm: 'FFDDEBF7',
  'nang-cao': 'FFE2EFDA',
  'kieu-mau': 'FFEDE4F5',
};

function typeWords(measure: Measure, lang: Lang): string {
  const vi: Record<string, string> = {
    percent: 'tỷ lệ %, từ 0 đến 100',
    number: 'số',
    money: 'số tiền (triệu đồng)',
    count: 'số nguyên',
    boolean: 'Có / Không',
    enum: measure.multiple ? 'danh sách, cách nhau bởi dấu ;' : 'một giá trị trong danh sách',
  };
  const en: Record<string, string> = {
    percent: 'percentage, 0 to 100',
    number: 'number',
    money: 'amount (million VND)',
    count: 'whole number',
    boolean: 'Yes / No (Có / Không)',
    enum: measure.multiple ? 'list, separated by ;' : 'one value from the list',
  };
  return (lang === 'en' ? en : vi)[measure.type] ?? measure.type;
}

function exampleValue(measure: Measure): string | number {
  switch (measure.type) {
    case 'boolean':
      return 'Có';
    case 'percent':
      return 90;
    case 'money':
      return 55.5;
    case 'count':
      return Math.max(1, measure.min ?? 0);
    case 'enum': {
      const values = measure.values ?? [];
      if (measure.multiple)
        return values
          .slice(0, 2)
          .map((v) => v.label.vi)
          .join('; ');
      return values[0]?.label.vi ?? '';
    }
    default:
      return measure.max !== undefined ? Math.min(measure.max, Math.max(measure.min ?? 0, 1)) : 2;
  }
}

function validationFor(measure: Measure, lang: Lang): ExcelJS.DataValidation | null {
  const vi = lang !== 'en';
  const range = (
    min: number | undefined,
    max: number | undefined,
    whole: boolean,
  ): ExcelJS.DataValidation => {
    const type = whole ? 'whole' : 'decimal';
    const base = { type, allowBlank: true, showErrorMessage: true, errorStyle: 'stop' } as const;
    const title = vi ? 'Giá trị không hợp lệ' : 'Invalid value';
    if (min !== undefined && max !== undefined) {
      return {
        ...base,
        operator: 'between',
        formulae: [min, max],
        errorTitle: title,
        error: vi ? `Nhập số từ ${min} đến ${max}` : `Enter a number from ${min} to ${max}`,
      };
    }
    if (min !== undefined) {
      return {
        ...base,
        operator: 'greaterThanOrEqual',
        formulae: [min],
        errorTitle: title,
        error: vi ? `Nhập số không nhỏ hơn ${min}` : `Enter a number of at least ${min}`,
      };
    }
    if (max !== undefined) {
      return {
        ...base,
        operator: 'lessThanOrEqual',
        formulae: [max],
        errorTitle: title,
        error: vi ? `Nhập số không lớn hơn ${max}` : `Enter a number of at most ${max}`,
      };
    }
    return {
      ...base,
      operator: 'between',
      formulae: [-1e15, 1e15],
      error: vi ? 'Nhập một số' : 'Enter a number',
    };
  };
  switch (measure.type) {
    case 'percent':
      return range(measure.min ?? 0, measure.max ?? 100, false);
    case 'count':
      return range(measure.min ?? 0, measure.max, true);
    case 'money':
      return range(measure.min ?? 0, measure.max, false);
    case 'number':
      return range(measure.min, measure.max, false);
    case 'boolean':
      return {
        type: 'list',
        allowBlank: true,
        formulae: ['"Có,Không"'],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: vi ? 'Giá trị không hợp lệ' : 'Invalid value',
        error: vi ? 'Chọn Có hoặc Không' : 'Choose Có (yes) or Không (no)',
      };
    case 'enum': {
      const labels = (measure.values ?? []).map((v) => v.label.vi);
      if (measure.multiple) {
        return {
          type: 'textLength',
          operator: 'lessThanOrEqual',
          allowBlank: true,
          formulae: [500],
          showInputMessage: true,
          promptTitle: vi ? 'Nhiều giá trị' : 'Several values',
          prompt: (vi
            ? `Ghi các giá trị cách nhau bởi dấu ; (ví dụ: ${labels.slice(0, 2).join('; ')})`
            : `Write the values separated by ; (e.g. ${labels.slice(0, 2).join('; ')})`
          ).slice(0, 250),
        };
      }
      const list = labels.join(',');
      if (labels.some((label) => label.includes(',')) || list.length > 250) return null;
      return {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list}"`],
        showErrorMessage: true,
        errorStyle: 'stop',
        error: vi ? 'Chọn một giá trị trong danh sách' : 'Choose a value from the list',
      };
    }
    default:
      return null;
  }
}

function columnLetter(n: number): string {
  let s = '';
  let x = n;
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

/**
 * The data-entry workbook. Sheet 1 (data): row 1 = Vietnamese labels (what people read), row 2 = measure
 * keys (hidden; what `ntm` reads first, so that the file survives a relabelled edition), row 3 = an example
 * whose id starts with "#" (skipped when read), then empty rows with data validation. Each header cell has
 * a note with the key, type, unit, valid range and target. Sheet 2: instructions and the list of measures.
 */
export async function buildTemplateWorkbook(input: TemplateInput): Promise<ExcelJS.Workbook> {
  const { lang } = input;
  const vi = lang !== 'en';
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  workbook.creator = 'ntm (@nongthonmoi/cli)';
  const sheet = workbook.addWorksheet(vi ? 'Dữ liệu' : 'Data', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }],
  });
  const locationField = input.province ? 'province' : 'region';
  const fields = ['id', 'name', locationField, 'district'] as const;
  const labels = [
    ...fields.map((field) => FIELD_LABELS[field][lang]),
    ...input.measures.map((m) => t(m.measure.label, lang)),
  ];
  const keys = [...fields, ...input.measures.map((m) => m.key)];
  sheet.addRow(labels);
  sheet.addRow(keys);
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.height = 75;
  const keyRow = sheet.getRow(2);
  keyRow.hidden = true;
  keyRow.font = { color: { argb: 'FF808080' }, size: 8 };
  const fieldNotes: Record<string, string> = vi
    ? {
        id: 'Mã xã (mã đơn vị hành chính của Tổng cục Thống kê). Mỗi xã một dòng, không trùng mã. Dòng có mã bắt đầu bằng # được bỏ qua.',
        name: 'Tên xã.',
        province: 'Mã tỉnh (ví dụ nam-dinh) hoặc tên tỉnh.',
        region: 'Vùng: tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl (hoặc tên vùng).',
        district: 'Tên huyện (không bắt buộc).',
      }
    : {
        id: 'Commune id (GSO administrative code). One row per commune, no repeated id. Rows whose id starts with # are skipped.',
        name: 'Commune name.',
        province: 'Province id (e.g. nam-dinh) or name.',
        region: 'Region: tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl (or its name).',
        district: 'District name (optional).',
      };
  fields.forEach((field, i) => {
    const cell = header.getCell(i + 1);
    cell.note = `${field}\n${fieldNotes[field]}`;
    cell.fill = fill(FILL.head);
  });
  input.measures.forEach((m, i) => {
    const cell = header.getCell(fields.length + i + 1);
    const parts = [
      m.key,
      `${vi ? 'Kiểu' : 'Type'}: ${typeWords(m.measure, lang)}`,
      m.measure.unit ? `${vi ? 'Đơn vị' : 'Unit'}: ${t(m.measure.unit, lang)}` : '',
      m.measure.min !== undefined || m.measure.max !== undefined
        ? `${vi ? 'Giới hạn' : 'Range'}: ${m.measure.min ?? '…'} – ${m.measure.max ?? '…'}`
        : '',
      m.measure.values
        ? `${vi ? 'Giá trị' : 'Values'}: ${m.measure.values.map((v) => v.label.vi).join('; ')}`
        : '',
      ...m.targets.map((target) => `${vi ? 'Mục tiêu' : 'Target'}: ${target}`),
      `${vi ? 'Cấp' : 'Tier'}: ${tierName(m.level, lang)}`,
    ].filter(Boolean);
    cell.note = parts.join('\n');
    cell.fill = fill(TIER_COLOURS[m.level] ?? FILL.head);
  });
  // Example row (skipped when read: its id starts with #).
  const example = sheet.addRow([
    '#vi-du',
    vi ? 'VÍ DỤ — dòng mẫu, không được tính' : 'EXAMPLE — sample row, not evaluated',
    input.province ?? input.region ?? 'dbsh',
    vi ? 'Huyện mẫu' : 'Sample district',
    ...input.measures.map((m) => exampleValue(m.measure)),
  ]);
  example.font = { italic: true, color: { argb: 'FF7F7F7F' } };
  const firstData = 4;
  const lastData = firstData + Math.max(input.rows, input.communes?.length ?? 0) - 1;
  (input.communes ?? []).forEach((commune, i) => {
    const row = sheet.getRow(firstData + i);
    row.getCell(1).value = commune.id;
    row.getCell(2).value = commune.name;
    row.getCell(3).value = input.province ?? commune.province ?? input.region ?? null;
    row.getCell(4).value = commune.district ?? null;
  });
  if (input.province) {
    for (let r = firstData; r <= lastData; r++) {
      const cell = sheet.getRow(r).getCell(3);
      if (cell.value === null) cell.value = input.province;
    }
  }
  sheet.getColumn(1).numFmt = '@';
  sheet.getColumn(1).width = 11;
  sheet.getColumn(2).width = 24;
  sheet.getColumn(3).width = 12;
  sheet.getColumn(4).width = 14;
  const validations = (
    sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  if (!input.province) {
    validations.add(`C3:C${lastData}`, {
      type: 'list',
      allowBlank: true,
      formulae: ['"tdmnpb,dbsh,btb,dhntb,tn,dnb,dbscl"'],
      showErrorMessage: true,
    });
  }
  input.measures.forEach((m, i) => {
    const column = fields.length + i + 1;
    sheet.getColumn(column).width = m.measure.type === 'enum' ? 22 : 13;
    const validation = validationFor(m.measure, lang);
    const letter = columnLetter(column);
    if (validation) validations.add(`${letter}3:${letter}${lastData}`, validation);
  });

  // Instructions sheet.
  const guide = workbook.addWorksheet(vi ? 'Hướng dẫn' : 'Instructions');
  const chain = input.details.map(
    (d) =>
      `${d.ruleset.id} — ${t(d.ruleset.name, lang)} (${d.ruleset.basis[0]?.number ?? ''})${d.ruleset.overlays.map((o) => ` + ${o.id}`).join('')}`,
  );
  const intro = vi
    ? [
        `Mẫu nhập số liệu: ${tierName(input.level, lang)}, ngày ${input.asOf}${input.province ? `, tỉnh ${input.province}` : ''}.`,
        ...chain.map((line) => `Bộ tiêu chí: ${line}`),
        'Cách nhập: mỗi xã một dòng trên trang "Dữ liệu", bắt đầu từ dòng 4. Không sửa dòng tiêu đề; dòng 2 (ẩn) chứa mã chỉ tiêu để công cụ đọc.',
        'Ô trống = chưa có số liệu (chỉ tiêu được báo "thiếu số liệu"). Không ghi "-" hay "x".',
        'Số thập phân dùng dấu phẩy hoặc dấu chấm: 85,5 hoặc 85.5. Tỷ lệ có thể ghi 85,5 hoặc 85,5 %. Dấu % chỉ dùng cho cột tỷ lệ.',
        'Dấu phân cách hàng nghìn chỉ dùng cho cột tiền; "1.234" là mơ hồ (1234 hay 1,234?) nên bị báo lỗi.',
        'Cột Có/Không: ghi Có hoặc Không (cũng nhận Đạt/Chưa đạt). Cột nhiều giá trị: ghi các giá trị cách nhau bởi dấu ;',
        'Kiểm tra tệp: ntm validate <tệp>. Đánh giá: ntm evaluate <tệp> --level ' +
          input.level +
          ` --as-of ${input.asOf}.`,
      ]
    : [
        `Data-entry template: ${tierName(input.level, lang)}, ${input.asOf}${input.province ? `, province ${input.province}` : ''}.`,
        ...chain.map((line) => `Rules: ${line}`),
        'One commune per row on the "Data" sheet, from row 4. Do not edit the header; row 2 (hidden) holds the measure keys the tool reads.',
        'Empty cell = no data (the indicator is reported as missing). Do not write "-" or "x".',
        'Decimals with a comma or a point: 85,5 or 85.5. Percentages as 85,5 or 85,5 %. A % sign only in percentage columns.',
        'Thousands separators only in money columns; "1.234" is ambiguous and refused.',
        'Yes/no columns: Có or Không (also Đạt/Chưa đạt). Multi-value columns: values separated by ;',
        `Check the file: ntm validate <file>. Evaluate: ntm evaluate <file> --level ${input.level} --as-of ${input.asOf}.`,
      ];
  for (const line of intro) guide.addRow([line]);
  guide.getRow(1).font = { bold: true, size: 13 };
  guide.addRow([]);
  const tableStart = guide.rowCount + 1;
  guide.addRow(
    vi
      ? [
          'Mã chỉ tiêu (cột)',
          'Tên cột',
          'Cấp',
          'Kiểu',
          'Đơn vị',
          'Nhỏ nhất',
          'Lớn nhất',
          'Giá trị hợp lệ',
          'Mục tiêu',
        ]
      : ['Key', 'Column', 'Tier', 'Type', 'Unit', 'Min', 'Max', 'Allowed values', 'Target'],
  );
  styleHeader(guide.getRow(tableStart));
  for (const m of input.measures) {
    guide.addRow([
      m.key,
      t(m.measure.label, lang),
      tierShort(m.level, lang),
      typeWords(m.measure, lang),
      t(m.measure.unit, lang),
      m.measure.min ?? (['percent', 'count', 'money'].includes(m.measure.type) ? 0 : null),
      m.measure.max ?? (m.measure.type === 'percent' ? 100 : null),
      (m.measure.values ?? []).map((v) => `${v.label.vi} (${v.id})`).join('; '),
      m.targets.join('; '),
    ]);
  }
  [34, 44, 6, 24, 14, 9, 9, 40, 50].forEach((width, i) => {
    guide.getColumn(i + 1).width = width;
  });
  guide.getColumn(1).alignment = { wrapText: false };
  return workbook;
}

/** Truncated cells named one by one in the warnings; the rest are counted. */
const TRUNCATIONS_LISTED = 5;

/** A cut that does not split a surrogate pair. */
function cutAt(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

/** The workbook's text made safe to write; see {@link workbookBuffer}. */
export function finalizeWorkbookText(
  workbook: ExcelJS.Workbook,
  options: {
    lang?: Lang;
    onTruncated?: (where: { sheet: string; row: number; column: string; length: number }) => void;
  } = {},
): void {
  const marker = tr(options.lang ?? 'vi', 'xlsx.truncatedMarker');
  const limit = LIMITS.excelCellLength;
  const safe = (text: string, where: () => { sheet: string; row: number; column: string }): string => {
    let value = escapeControls(text, { keepLines: true });
    if (value.length > limit) {
      options.onTruncated?.({ ...where(), length: value.length });
      value = `${cutAt(value, limit - marker.length)}${marker}`;
    }
    return value;
  };
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        const where = () => ({ sheet: sheet.name, row: rowNumber, column: columnLetter(columnNumber) });
        if (typeof cell.value === 'string') cell.value = safe(cell.value, where);
        if (typeof cell.note === 'string') cell.note = safe(cell.note, where);
      });
    });
  }
}

/**
 * The workbook as .xlsx bytes. Its text is made safe first: control and bidi characters are shown as escapes
 * (`\u202E`: XML cannot hold most control characters, and a bidi override would reorder what the reader
 * sees), and a text longer than Excel's 32,767 characters per cell is cut, ending with "…[đã cắt bớt]", with a
 * warning naming the sheet, row and column (`onWarning`, in `lang`).
 */
export async function workbookBuffer(
  workbook: ExcelJS.Workbook,
  options: { lang?: Lang; file?: string; onWarning?: (text: string) => void } = {},
): Promise<Buffer> {
  const lang = options.lang ?? 'vi';
  let truncated = 0;
  finalizeWorkbookText(workbook, {
    lang,
    onTruncated: (where) => {
      // The first cells by name, the others counted in one more line.
      if (++truncated > TRUNCATIONS_LISTED) return;
      options.onWarning?.(
        tr(lang, 'xlsx.truncated', {
          file: options.file ?? '',
          sheet: escapeControls(where.sheet),
          row: where.row,
          column: where.column,
          length: where.length,
          limit: LIMITS.excelCellLength,
        }),
      );
    },
  });
  if (truncated > TRUNCATIONS_LISTED) {
    options.onWarning?.(tr(lang, 'xlsx.truncatedMore', { count: truncated - TRUNCATIONS_LISTED }));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
