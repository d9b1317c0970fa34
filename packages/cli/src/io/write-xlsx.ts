/**
 * Excel writers: the review workbook (matrix, gaps, progress, owners, problems, about) and the data-entry
 * template of `ntm template`.
 */
import {
  type Measure,
  type RulesetDetail,
  type TierOutlook,
  tiers,
  type UndecidedCause,
} from '@nongthonmoi/core';
import {
  formatNumber,
  formatValue,
  indicatorStatus,
  type Lang,
  t,
  tierName,
  tierShort,
  tierStatus,
} from '../i18n.js';
import { tr } from '../messages.js';
import { changeWords, compareGaps, type GapRow, gapsByOwner, type ReviewData } from '../review.js';
import {
  actualText,
  causeName,
  changeName,
  communeChangeWord,
  confidenceLegend,
  confidenceName,
  daysLeftWords,
  dossierName,
  formatDate,
  formatDateTime,
  OUTLOOK_SHORT,
  outlookClass,
  outlookName,
  targetText,
} from '../review-words.js';
import { escapeControls } from '../safe-text.js';
import { FIELD_LABELS } from './columns.js';
import { type Excel as ExcelJS, loadExcel } from './excel.js';
import { LIMITS } from './limits.js';

const FILL = {
  head: 'FFEEF1F5',
};

function fill(color: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: color } };
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = fill(FILL.head);
    cell.border = { bottom: { style: 'thin' } };
  });
}

const SHEETS = {
  vi: {
    matrix: 'Tổng hợp',
    forecast: 'Dự báo',
    gaps: 'Chỉ tiêu chưa đạt',
    notJudged: 'Chưa đủ căn cứ',
    dossiers: 'Hồ sơ',
    progress: 'Tiến độ',
    changes: 'Thay đổi chỉ tiêu',
    owners: 'Theo phụ trách',
    problems: 'Dòng lỗi',
    about: 'Thông tin',
  },
  en: {
    matrix: 'Matrix',
    forecast: 'Outlook',
    gaps: 'Gaps',
    notJudged: 'Not judged',
    dossiers: 'Dossiers',
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
    heldBack: 'Vướng',
    tier: 'Cấp',
    criterion: 'Tiêu chí',
    criterionName: 'Tên tiêu chí',
    indicator: 'Chỉ tiêu',
    indicatorName: 'Nội dung chỉ tiêu',
    status: 'Tình trạng',
    cause: 'Vì sao',
    actual: 'Hiện trạng',
    target: 'Mục tiêu',
    gap: 'Còn thiếu',
    unit: 'Đơn vị',
    confidence: 'Độ tin cậy của mức',
    owner: 'Phụ trách',
    reason: 'Lý do',
    outlook: 'Triển vọng',
    values: 'Các lần rà soát',
    pace: 'Tốc độ/tháng',
    paceNeeded: 'Tốc độ cần/tháng',
    projected: 'Dự kiến đạt',
    dossier: 'Hồ sơ',
    dossiersComplete: 'Hồ sơ đủ',
    updated: 'Ngày cập nhật',
    note: 'Ghi chú',
    risk: 'Cảnh báo',
    before: 'Lần trước',
    now: 'Lần này',
    metBefore: 'TC đạt lần trước',
    metNow: 'TC đạt lần này',
    trend: 'Chiều hướng',
    gained: 'Tiêu chí mới đạt',
    lost: 'Tiêu chí không còn đạt',
    file: 'Tệp',
    row: 'Dòng',
    column: 'Cột',
    value: 'Giá trị',
    unassigned: 'Chưa phân công',
    totals: 'Số xã đạt',
    metIncomplete: 'Đạt nhưng hồ sơ chưa đủ',
    completeNotMet: 'Hồ sơ đủ nhưng chưa đạt: kiểm tra số liệu',
    completeUnconfirmed: 'Hồ sơ đủ, tiêu chí chưa đủ căn cứ',
  },
  en: {
    id: 'Commune id',
    name: 'Commune',
    result: 'Result',
    criteriaMet: 'Criteria met',
    criteriaTotal: 'Criteria',
    heldBack: 'Held back by',
    tier: 'Tier',
    criterion: 'Criterion',
    criterionName: 'Criterion name',
    indicator: 'Indicator',
    indicatorName: 'Indicator text',
    status: 'Status',
    cause: 'Why',
    actual: 'Actual',
    target: 'Target',
    gap: 'Gap',
    unit: 'Unit',
    confidence: 'Target confidence',
    owner: 'Owner',
    reason: 'Reason',
    outlook: 'Outlook',
    values: 'Reviews',
    pace: 'Pace/month',
    paceNeeded: 'Pace needed/month',
    projected: 'Projected',
    dossier: 'Dossier',
    dossiersComplete: 'Dossiers complete',
    updated: 'Updated',
    note: 'Note',
    risk: 'Warning',
    before: 'Before',
    now: 'Now',
    metBefore: 'Criteria met before',
    metNow: 'Criteria met now',
    trend: 'Direction',
    gained: 'Criteria newly met',
    lost: 'Criteria no longer met',
    file: 'File',
    row: 'Row',
    column: 'Column',
    value: 'Value',
    unassigned: 'Unassigned',
    totals: 'Communes meeting it',
    metIncomplete: 'Met, dossier incomplete',
    completeNotMet: 'Complete but not met: check the data',
    completeUnconfirmed: 'Complete, criterion undecided',
  },
};

/** A criterion id as Excel should hold it: a number when it is a whole number ("14"), else text ("2.x"). */
function criterionCell(id: string): string | number {
  return /^\d{1,3}$/.test(id) ? Number(id) : id;
}

/** A calendar day as an Excel date (shown as dd/mm/yyyy), or null. */
function dayCell(iso: string | null): Date | null {
  if (!iso) return null;
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

/** The unit of a gap: percentage points for a percentage ("điểm %"), else the indicator's unit. */
function gapUnit(unit: GapRow['unit'], lang: Lang): string {
  const text = t(unit, lang);
  return text === '%' ? (lang === 'en' ? 'pp' : 'điểm %') : text;
}

/** Words of a matrix cell: the status, and for an undecided criterion why. */
function criterionWords(status: string, cause: UndecidedCause | null, lang: Lang): string {
  if (status !== 'incomplete') return tierStatus(status as 'met', lang);
  if (cause === 'unknown-target') return lang === 'en' ? 'No target' : 'Chưa có mức';
  return lang === 'en' ? 'Data missing' : 'Thiếu số liệu';
}

const FILLS = {
  ok: 'FFD9F0DF',
  no: 'FFFADCD8',
  warn: 'FFFCEBC7',
  na: 'FFE3E8F0',
};

function criterionFill(status: string, cause: UndecidedCause | null): ExcelJS.Fill | undefined {
  if (status === 'met') return fill(FILLS.ok);
  if (status === 'not-met') return fill(FILLS.no);
  if (status === 'incomplete') return fill(cause === 'unknown-target' ? FILLS.na : FILLS.warn);
  if (status === 'missing') return fill(FILLS.warn);
  if (status === 'not-evaluable') return fill(FILLS.na);
  return undefined;
}

function outlookFill(outlook: TierOutlook | null): ExcelJS.Fill | undefined {
  if (!outlook) return undefined;
  const cls = outlookClass(outlook);
  return fill(cls === 'ok' ? FILLS.ok : cls === 'no' ? FILLS.no : cls === 'warn' ? FILLS.warn : FILLS.na);
}

/**
 * Print setup every sheet shares: A4 landscape, fitted to the page width (as many pages down as needed), the
 * header row repeated on each page, the title and page numbers in the margins, and the banner of illustrative
 * data on every page when the data are made up.
 */
function printSetup(sheet: ExcelJS.Worksheet, review: ReviewData, headerRows = 1): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: false,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(headerRows > 0 ? { printTitlesRow: `1:${headerRows}` } : {}),
  };
  const lang = review.lang;
  const banner = review.illustrative ? `&B${t(review.illustrative, lang)}&B` : '';
  const title = `${tierName(review.level, lang)} — ${formatDate(review.asOf, lang)}${review.place ? ` — ${review.place}` : ''}`;
  // & starts a code in Excel's header text: a literal one is written twice.
  const safe = (text: string) => escapeControls(text).replace(/&(?![BP]|N)/g, '&&');
  sheet.headerFooter = {
    ...sheet.headerFooter,
    oddHeader: `&L${safe(title)}${banner ? `&R${safe(banner)}` : ''}`,
    oddFooter: `&L${safe(sheet.name)}&R${lang === 'en' ? 'Page' : 'Trang'} &P / &N`,
  };
}

/**
 * Sets the widths of the columns, wraps long text in `wrap` columns, gives each row the height its wrapped
 * text needs (spreadsheets do not grow rows written by a program when they open or print them), and adds the
 * filter on the header.
 */
function layout(sheet: ExcelJS.Worksheet, widths: readonly number[], wrap: readonly number[] = []): void {
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  for (const column of wrap) sheet.getColumn(column).alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(1).alignment = { vertical: 'bottom', wrapText: true };
  sheet.eachRow((row, number) => {
    if (number > 1) {
      row.eachCell((cell, column) => {
        cell.alignment = {
          ...(cell.alignment ?? {}),
          vertical: 'top',
          ...(wrap.includes(column) ? { wrapText: true } : {}),
        };
      });
    }
    let lines = 1;
    const columns = number === 1 ? widths.map((_, i) => i + 1) : wrap;
    for (const column of columns) {
      const text = row.getCell(column).text ?? '';
      const width = widths[column - 1] ?? 10;
      // About one character per unit of width; words do not break, so leave a margin.
      const needed = text
        .split('\n')
        .reduce((sum, part) => sum + Math.max(1, Math.ceil([...part].length / Math.max(1, width * 0.95))), 0);
      lines = Math.max(lines, needed);
    }
    if (lines > 1) row.height = Math.min(409, 15 * lines);
  });
  if (sheet.rowCount > 1) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: widths.length } };
  }
}

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  freeze: { x?: number; y?: number } = { y: 1 },
): ExcelJS.Worksheet {
  return workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: freeze.x ?? 0, ySplit: freeze.y ?? 1 }],
  });
}

function gapHeader(lang: Lang, options: { owner: boolean; forecast: boolean }): string[] {
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
    H.confidence,
    ...(options.forecast ? [H.outlook, H.projected] : []),
    ...(options.owner ? [H.owner] : []),
  ];
}

function gapRowValues(gap: GapRow, lang: Lang, options: { owner: boolean; forecast: boolean }): unknown[] {
  const H = HEAD[lang];
  const actual = typeof gap.actual === 'number' ? gap.actual : actualText(gap, lang);
  return [
    gap.communeId,
    gap.communeName,
    tierShort(gap.level, lang),
    criterionCell(gap.criterion),
    t(gap.criterionName, lang),
    gap.indicator,
    t(gap.name, lang),
    indicatorStatus(gap.status, lang),
    actual,
    targetText(gap, lang),
    gap.gap === null ? null : Math.abs(gap.gap),
    gap.gap === null ? t(gap.unit, lang) : gapUnit(gap.unit, lang),
    confidenceName(gap.confidence, lang),
    ...(options.forecast ? [gap.outlook ? outlookName(gap.outlook, lang) : '', dayCell(gap.projected)] : []),
    ...(options.owner ? [gap.owner ?? H.unassigned] : []),
  ];
}

const GAP_WIDTHS = [11, 16, 6, 9, 26, 9, 46, 16, 24, 20, 10, 9, 16];

function gapSheet(workbook: ExcelJS.Workbook, name: string, review: ReviewData, rows: GapRow[]): void {
  const lang = review.lang;
  const options = { owner: review.files.owners !== null, forecast: review.forecast !== null };
  const sheet = addSheet(workbook, name);
  sheet.addRow(gapHeader(lang, options));
  styleHeader(sheet.getRow(1));
  for (const gap of rows) {
    const row = sheet.addRow(gapRowValues(gap, lang, options));
    const f = criterionFill(gap.status, null);
    if (f) row.getCell(8).fill = f;
    if (options.forecast) {
      const o = outlookFill(gap.outlook);
      if (o) row.getCell(14).fill = o;
      row.getCell(15).numFmt = 'dd/mm/yyyy';
    }
  }
  layout(
    sheet,
    [...GAP_WIDTHS, ...(options.forecast ? [20, 12] : []), ...(options.owner ? [26] : [])],
    [5, 7, 9, ...(options.owner ? [GAP_WIDTHS.length + (options.forecast ? 3 : 1)] : [])],
  );
  printSetup(sheet, review);
}

/** The review workbook: matrix, outlook, gaps, dossiers, not judged, progress, owners, problems, about. */
export async function buildReviewWorkbook(review: ReviewData): Promise<ExcelJS.Workbook> {
  const lang = review.lang;
  const H = HEAD[lang];
  const S = SHEETS[lang];
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  workbook.creator = 'ntm (@nongthonmoi/cli)';
  workbook.created = new Date(review.generatedAt);

  // Matrix: communes × criteria, one sheet per tier (the assessed tier first, then its prerequisites), so
  // that each fits the width of a landscape A4 page with its status words readable.
  const standing = new Map(review.communes.map((c) => [c.id, c]));
  const byTier = new Map<string, Array<{ id: string; name: string }>>();
  for (const evaluation of review.evaluations) {
    for (const tier of tiers(evaluation).reverse()) {
      const list = byTier.get(tier.level) ?? [];
      for (const criterion of tier.criteria) {
        if (!list.some((c) => c.id === criterion.id))
          list.push({ id: criterion.id, name: t(criterion.name, lang) });
      }
      byTier.set(tier.level, list);
    }
  }
  [...byTier.entries()].forEach(([level, columns], index) => {
    const assessed = index === 0;
    const name = assessed ? S.matrix : `${S.matrix} ${tierShort(level, lang)}`.slice(0, 31);
    const matrix = addSheet(workbook, name, { x: 2, y: 1 });
    const extra = assessed
      ? [
          H.heldBack,
          ...(review.forecast ? [H.outlook] : []),
          ...(review.dossiers ? [H.dossiersComplete] : []),
        ]
      : [];
    matrix.addRow([
      H.id,
      H.name,
      H.result,
      H.criteriaMet,
      H.criteriaTotal,
      ...extra,
      ...columns.map((c) => `${c.id}. ${c.name}`),
    ]);
    styleHeader(matrix.getRow(1));
    const first = 6 + extra.length;
    const metCount = new Array<number>(columns.length).fill(0);
    let tierMet = 0;
    for (const evaluation of review.evaluations) {
      const tier = tiers(evaluation).find((x) => x.level === level);
      if (!tier) continue;
      if (tier.status === 'met') tierMet++;
      const commune = standing.get(evaluation.commune.id);
      const held = commune
        ? commune.blockedBy === 'met'
          ? ''
          : commune.blockedBy === 'own-gaps'
            ? `${commune.unmet} ${lang === 'en' ? 'not met' : 'chỉ tiêu chưa đạt'}`
            : causeName(commune.blockedBy, lang)
        : '';
      const row = matrix.addRow([
        evaluation.commune.id,
        evaluation.commune.name,
        tierStatus(tier.status, lang),
        tier.counts.criteriaMet,
        tier.counts.criteriaTotal,
        ...(assessed
          ? [
              held,
              ...(review.forecast ? [commune?.outlook ? t(OUTLOOK_SHORT[commune.outlook], lang) : ''] : []),
              ...(review.dossiers
                ? [commune?.dossiers ? `${commune.dossiers.complete}/${commune.dossiers.total}` : '']
                : []),
            ]
          : []),
        ...columns.map((c, i) => {
          const criterion = tier.criteria.find((x) => x.id === c.id);
          if (!criterion) return '';
          if (criterion.status === 'met') metCount[i] = (metCount[i] ?? 0) + 1;
          return criterionWords(criterion.status, criterion.undecided?.cause ?? null, lang);
        }),
      ]);
      // Two lines: a status word may wrap ("Thiếu số / liệu"), and spreadsheets do not grow rows on opening.
      row.height = 30;
      row.alignment = { vertical: 'middle', wrapText: true };
      const resultFill = criterionFill(tier.status, tier.undecided?.cause ?? null);
      if (resultFill) row.getCell(3).fill = resultFill;
      if (assessed && review.forecast) {
        const o = outlookFill(commune?.outlook ?? null);
        if (o) row.getCell(7).fill = o;
      }
      columns.forEach((c, i) => {
        const criterion = tier.criteria.find((x) => x.id === c.id);
        const f = criterion ? criterionFill(criterion.status, criterion.undecided?.cause ?? null) : undefined;
        if (f) row.getCell(first + i).fill = f;
      });
    }
    const totals = matrix.addRow([
      '',
      `${H.totals} (/${review.evaluations.length})`,
      tierMet,
      '',
      '',
      ...extra.map(() => ''),
      ...metCount,
    ]);
    totals.font = { bold: true };
    totals.eachCell((cell) => {
      cell.fill = fill(FILL.head);
      cell.border = { top: { style: 'thin' } };
    });
    [9, 15, 13, 7, 7].forEach((width, i) => {
      matrix.getColumn(i + 1).width = width;
    });
    for (let i = 6; i < first; i++) {
      matrix.getColumn(i).width = i === 6 ? 16 : 11;
      matrix.getColumn(i).alignment = { wrapText: true, vertical: 'middle' };
    }
    // Narrow columns whose words wrap ("Thiếu / số liệu") rather than being cut; the names stand upright.
    for (let i = first; i < first + columns.length; i++) {
      const column = matrix.getColumn(i);
      column.width = 8.5;
      column.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
    const header = matrix.getRow(1);
    header.height = 150;
    header.eachCell((cell, number) => {
      cell.alignment =
        number >= first
          ? { textRotation: 90, vertical: 'bottom', horizontal: 'center', wrapText: true }
          : { vertical: 'bottom', wrapText: true };
    });
    printSetup(matrix, review);
  });

  if (review.forecast) {
    const agenda = [...review.gaps].sort(compareGaps);
    const series = new Map<string, string>();
    for (const commune of review.forecast.communes) {
      for (const gap of commune.gaps) {
        series.set(
          `${commune.id}\u0000${gap.level}\u0000${gap.indicator}`,
          gap.series
            .map(
              (p) => `${formatDate(p.asOf, lang).replace(/[/ ]\d{4}$/, '')}: ${formatNumber(p.value, lang)}`,
            )
            .join(' → '),
        );
      }
    }
    const sheet = addSheet(workbook, S.forecast);
    const owner = review.files.owners !== null;
    sheet.addRow([
      H.outlook,
      H.id,
      H.name,
      H.tier,
      H.criterion,
      H.indicator,
      H.indicatorName,
      H.actual,
      H.target,
      H.gap,
      H.unit,
      H.values,
      H.pace,
      H.paceNeeded,
      H.projected,
      ...(owner ? [H.owner] : []),
    ]);
    styleHeader(sheet.getRow(1));
    const monthly = (rate: number | null) => (rate === null ? null : Math.round(rate * 30.44 * 1000) / 1000);
    for (const gap of agenda) {
      const row = sheet.addRow([
        gap.outlook ? outlookName(gap.outlook, lang) : '',
        gap.communeId,
        gap.communeName,
        tierShort(gap.level, lang),
        criterionCell(gap.criterion),
        gap.indicator,
        t(gap.name, lang),
        typeof gap.actual === 'number' ? gap.actual : actualText(gap, lang),
        targetText(gap, lang),
        gap.gap === null ? null : Math.abs(gap.gap),
        gap.gap === null ? t(gap.unit, lang) : gapUnit(gap.unit, lang),
        series.get(`${gap.communeId}\u0000${gap.level}\u0000${gap.indicator}`) ?? '',
        monthly(gap.ratePerDay),
        monthly(gap.requiredRatePerDay),
        dayCell(gap.projected),
        ...(owner ? [gap.owner ?? H.unassigned] : []),
      ]);
      const o = outlookFill(gap.outlook);
      if (o) row.getCell(1).fill = o;
      row.getCell(13).numFmt = '+0.00;-0.00;0';
      row.getCell(14).numFmt = '+0.00;-0.00;0';
      row.getCell(15).numFmt = 'dd/mm/yyyy';
    }
    layout(
      sheet,
      [20, 11, 16, 6, 9, 9, 44, 22, 18, 10, 9, 34, 12, 14, 12, ...(owner ? [26] : [])],
      [7, 8, 12, ...(owner ? [16] : [])],
    );
    printSetup(sheet, review);
  } else {
    gapSheet(workbook, S.gaps, review, review.gaps);
  }

  if (review.dossiers) {
    const sheet = addSheet(workbook, S.dossiers);
    sheet.addRow([
      H.id,
      H.name,
      H.criterion,
      H.criterionName,
      H.result,
      H.dossier,
      H.updated,
      H.owner,
      H.note,
      H.risk,
    ]);
    styleHeader(sheet.getRow(1));
    for (const commune of review.dossiers.communes) {
      for (const entry of commune.criteria) {
        const risk = commune.metIncomplete.includes(entry)
          ? H.metIncomplete
          : commune.completeNotMet.includes(entry)
            ? H.completeNotMet
            : commune.completeUnconfirmed.includes(entry)
              ? H.completeUnconfirmed
              : '';
        const row = sheet.addRow([
          commune.id,
          commune.name,
          criterionCell(entry.criterion),
          t(entry.name, lang),
          tierStatus(entry.criterionStatus, lang),
          dossierName(entry.dossier, lang),
          dayCell(entry.updated),
          entry.owner ?? '',
          entry.note ?? '',
          risk,
        ]);
        const f = criterionFill(entry.criterionStatus, null);
        if (f) row.getCell(5).fill = f;
        row.getCell(6).fill = fill(
          entry.dossier === 'complete' ? FILLS.ok : entry.dossier === 'in-progress' ? FILLS.warn : FILLS.no,
        );
        row.getCell(7).numFmt = 'dd/mm/yyyy';
        if (risk) row.getCell(10).fill = fill(commune.metIncomplete.includes(entry) ? FILLS.warn : FILLS.no);
      }
    }
    layout(sheet, [11, 16, 9, 34, 16, 16, 12, 22, 30, 34], [4, 8, 9, 10]);
    printSetup(sheet, review);
  }

  if (review.notJudged.length > 0) {
    const sheet = addSheet(workbook, S.notJudged);
    sheet.addRow([
      H.id,
      H.name,
      H.tier,
      H.criterion,
      H.indicator,
      H.indicatorName,
      H.status,
      H.cause,
      H.reason,
    ]);
    styleHeader(sheet.getRow(1));
    for (const gap of review.notJudged) {
      const cause = gap.status === 'missing' ? 'missing-data' : 'unknown-target';
      const row = sheet.addRow([
        gap.communeId,
        gap.communeName,
        tierShort(gap.level, lang),
        criterionCell(gap.criterion),
        gap.indicator,
        t(gap.name, lang),
        indicatorStatus(gap.status, lang),
        cause === 'missing-data'
          ? lang === 'en'
            ? 'the commune must supply the data'
            : 'xã cần bổ sung số liệu'
          : lang === 'en'
            ? 'no official target: the data cannot fix it'
            : 'chưa có mức chính thức: số liệu không khắc phục được',
        t(gap.reason, lang),
      ]);
      const f = criterionFill(gap.status, null);
      if (f) row.getCell(7).fill = f;
    }
    layout(sheet, [11, 16, 6, 9, 9, 46, 24, 30, 60], [6, 8, 9]);
    printSetup(sheet, review);
  }

  if (review.progress) {
    const sheet = addSheet(workbook, S.progress);
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
        changeName(communeChangeWord(c.direction), lang),
        gained.map((x) => `${tierShort(x.level, lang)} ${x.id}`).join(', '),
        lost.map((x) => `${tierShort(x.level, lang)} ${x.id}`).join(', '),
      ]);
      const before = criterionFill(c.before, null);
      const after = criterionFill(c.after, null);
      if (before) row.getCell(3).fill = before;
      if (after) row.getCell(4).fill = after;
    }
    layout(sheet, [11, 16, 16, 16, 10, 10, 14, 30, 30]);
    printSetup(sheet, review);
    const words = changeWords(review);
    const changes = addSheet(workbook, S.changes);
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
        const word = words.get(change) ?? 'other';
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
          changeName(word, lang),
        ]);
      }
    }
    layout(changes, [11, 16, 6, 9, 46, 16, 12, 16, 12, 16], [5]);
    printSetup(changes, review);
  }

  if (review.files.owners !== null) {
    const sheet = addSheet(workbook, S.owners);
    const options = { owner: false, forecast: review.forecast !== null };
    sheet.addRow([H.owner, ...gapHeader(lang, options)]);
    styleHeader(sheet.getRow(1));
    for (const { owner, gaps } of gapsByOwner(review)) {
      for (const gap of gaps) {
        const row = sheet.addRow([owner ?? H.unassigned, ...gapRowValues(gap, lang, options)]);
        if (options.forecast) {
          const o = outlookFill(gap.outlook);
          if (o) row.getCell(15).fill = o;
          row.getCell(16).numFmt = 'dd/mm/yyyy';
        }
      }
    }
    layout(sheet, [26, ...GAP_WIDTHS, ...(options.forecast ? [20, 12] : [])], [1, 6, 8, 10]);
    printSetup(sheet, review);
  }

  if (review.problems.length > 0) {
    const sheet = addSheet(workbook, S.problems);
    sheet.addRow([H.file, H.row, H.column, H.value, H.reason]);
    styleHeader(sheet.getRow(1));
    for (const p of review.problems) {
      sheet.addRow([p.file, p.row, p.column, p.value, lang === 'en' ? p.reason : (p.reasonVi ?? p.reason)]);
    }
    layout(sheet, [24, 7, 28, 16, 80], [5]);
    printSetup(sheet, review);
  }

  const about = workbook.addWorksheet(S.about);
  const line = (label: string, value: string): [string, string] => [label, value];
  const en = lang === 'en';
  const lines: Array<[string, string]> = [
    ...(review.illustrative ? [line(en ? 'Note' : 'Lưu ý', t(review.illustrative, lang))] : []),
    line(en ? 'Tier' : 'Cấp đánh giá', tierName(review.level, lang)),
    line(en ? 'Data of' : 'Số liệu ngày', formatDate(review.asOf, lang)),
    ...(review.snapshots.length > 1
      ? [
          line(
            en ? 'Earlier reviews' : 'Các lần trước',
            review.snapshots
              .slice(0, -1)
              .map((s) => `${formatDate(s.asOf, lang)} (${s.file})`)
              .join(', '),
          ),
        ]
      : []),
    ...(review.deadline
      ? [
          line(
            en ? 'Deadline' : 'Hạn hoàn thành',
            `${formatDate(review.deadline, lang)} — ${daysLeftWords(review.forecast?.daysLeft ?? 0, lang)}`,
          ),
        ]
      : []),
    ...(review.place ? [line(en ? 'Place' : 'Địa bàn', review.place)] : []),
    ...review.rulesets.map((r) =>
      line(
        en ? 'Rules' : 'Bộ tiêu chí',
        `${t(r.name, lang)} (${r.basis[0]?.number ?? ''})${r.overlays.map((o) => ` + ${o.province}${o.basis[0] ? ` (${o.basis[0].number})` : ''}`).join('')}`,
      ),
    ),
    line(
      en ? 'Data' : 'Dữ liệu',
      [review.files.current, ...review.files.previous, review.files.owners, review.files.dossier]
        .filter(Boolean)
        .join(', '),
    ),
    line(en ? 'Generated' : 'Lập lúc', formatDateTime(review.generatedAt, lang, review.timeZone)),
    line(
      en ? 'Targets' : 'Mức chỉ tiêu',
      en
        ? `${review.confidence.official} official, ${review.confidence.secondary} secondary (*), ${review.confidence.assumed} assumed (**), ${review.confidence.unknown} unknown. ${confidenceLegend(lang)}`
        : `${review.confidence.official} lượt chính thức, ${review.confidence.secondary} lượt nguồn thứ cấp (*), ${review.confidence.assumed} lượt giả định (**), ${review.confidence.unknown} lượt chưa có mức. ${confidenceLegend(lang)}`,
    ),
    line(
      en ? 'Matrix' : 'Bảng tổng hợp',
      en
        ? '"Data missing": undecided because the commune\'s data is missing (it can supply it); "No target": undecided because no official target is known (no data can fix it).'
        : '"Thiếu số liệu": chưa đủ căn cứ vì xã chưa nhập số liệu (xã bổ sung được); "Chưa có mức": chưa đủ căn cứ vì chưa có mức chỉ tiêu chính thức (số liệu không khắc phục được).',
    ),
    line(
      en ? 'Disclaimer' : 'Lưu ý',
      en
        ? 'Generated by the ntm tool from the data entered; indicative, it does not replace the official appraisal.'
        : 'Báo cáo do công cụ ntm lập tự động từ số liệu nhập; để tham khảo, không thay thế thẩm định chính thức.',
    ),
  ];
  for (const entry of lines) about.addRow(entry);
  about.getColumn(1).width = 22;
  about.getColumn(2).width = 110;
  about.getColumn(1).font = { bold: true };
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  printSetup(about, review, 0);
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
