/**
 * The dossier template of `ntm template --dossier`: one row per commune × criterion of the tier, with the
 * columns `ntm review --dossier` reads (Mã xã, Tên xã, Tiêu chí, Trạng thái hồ sơ, Ngày cập nhật, Người phụ
 * trách, Ghi chú) and the criterion's name beside it. As a workbook (a list of the three states, a date check
 * on the update date, a sheet of instructions) or as a CSV file.
 */
import { DOSSIER_STATUS_WORDS, type RulesetDetail } from '@nongthonmoi/core';
import { type Lang, t, tierName } from '../i18n.js';
import { DOSSIER_NAMES } from '../review-words.js';
import { type Excel as ExcelJS, loadExcel } from './excel.js';
import { DOSSIER_HEADERS } from './read-dossier.js';
import { toCsv } from './write-csv.js';

export interface DossierTemplateInput {
  lang: Lang;
  level: string;
  asOf: string;
  /** The assessed tier's edition: its criteria are the rows. */
  detail: RulesetDetail;
  /** Communes to pre-fill; without them, one block of criteria with the commune left empty. */
  communes?: ReadonlyArray<{ id: string; name: string }>;
}

/** The header row: the read columns, with the criterion's name after the criterion. */
function headerOf(lang: Lang): string[] {
  const label = (field: keyof typeof DOSSIER_HEADERS) => DOSSIER_HEADERS[field][lang];
  return [
    label('commune'),
    label('name'),
    label('criterion'),
    lang === 'en' ? 'Criterion name' : 'Tên tiêu chí',
    label('status'),
    label('updated'),
    label('owner'),
    label('note'),
  ];
}

function rowsOf(input: DossierTemplateInput): Array<Array<string | number | null>> {
  const communes = input.communes && input.communes.length > 0 ? input.communes : [{ id: '', name: '' }];
  return communes.flatMap((commune) =>
    input.detail.criteria.map((criterion) => [
      commune.id,
      commune.name,
      /^\d+$/.test(criterion.id) ? Number(criterion.id) : criterion.id,
      t(criterion.name, input.lang),
      null,
      null,
      null,
      null,
    ]),
  );
}

/** The example row (its commune starts with "#", so the reader skips it). */
function exampleRow(input: DossierTemplateInput): Array<string | number> {
  const vi = input.lang !== 'en';
  const first = input.detail.criteria[0];
  return [
    '#vi-du',
    vi ? 'VÍ DỤ — dòng mẫu, không được đọc' : 'EXAMPLE — sample row, not read',
    first ? (/^\d+$/.test(first.id) ? Number(first.id) : first.id) : 1,
    first ? t(first.name, input.lang) : '',
    t(DOSSIER_NAMES['in-progress'], input.lang),
    '15/11/2023',
    vi ? 'Nguyễn Văn A' : 'A. Nguyen',
    vi ? 'thiếu biên bản nghiệm thu' : 'acceptance record missing',
  ];
}

export function dossierTemplateCsv(input: DossierTemplateInput): string {
  return toCsv([headerOf(input.lang), exampleRow(input), ...rowsOf(input)]);
}

export async function buildDossierTemplateWorkbook(input: DossierTemplateInput): Promise<ExcelJS.Workbook> {
  const { lang } = input;
  const vi = lang !== 'en';
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  workbook.creator = 'ntm (@nongthonmoi/cli)';
  const sheet = workbook.addWorksheet(vi ? 'Hồ sơ' : 'Dossiers', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
  });
  sheet.addRow(headerOf(lang));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } };
  });
  const states = (['missing', 'in-progress', 'complete'] as const).map((state) =>
    t(DOSSIER_NAMES[state], lang),
  );
  const notes = vi
    ? [
        'Mã xã như trong tệp số liệu (hoặc tên xã).',
        'Tên xã (để dễ đọc).',
        `Số tiêu chí của ${tierName(input.level, lang)}, ví dụ 14.`,
        'Tên tiêu chí (để dễ đọc; không được đọc lại).',
        `Chọn: ${states.join(', ')}. Cũng nhận: ${DOSSIER_STATUS_WORDS.complete.slice(1, 5).join(', ')}…`,
        'Ngày hồ sơ được cập nhật, ví dụ 15/11/2023.',
        'Người hoặc đơn vị phụ trách hồ sơ.',
        'Còn thiếu gì, vướng ở đâu.',
      ]
    : [
        'Commune id as in the data file (or its name).',
        'Commune name (for reading).',
        `Criterion number of the ${tierName(input.level, lang)} tier, e.g. 14.`,
        'Criterion name (for reading; not read back).',
        `Choose: ${states.join(', ')}. Also accepted: missing, in progress, complete.`,
        'Day the dossier was updated, e.g. 2023-11-15.',
        'Who answers for the dossier.',
        'What is missing, what blocks it.',
      ];
  notes.forEach((note, index) => {
    header.getCell(index + 1).note = note;
  });
  const example = sheet.addRow(exampleRow(input));
  example.font = { italic: true, color: { argb: 'FF7F7F7F' } };
  for (const row of rowsOf(input)) sheet.addRow(row);
  const last = Math.max(sheet.rowCount, 3);
  const validations = (
    sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  validations.add(`E2:E${last + 200}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${states.join(',')}"`],
    showErrorMessage: false,
    showInputMessage: true,
    promptTitle: vi ? 'Trạng thái hồ sơ' : 'Dossier status',
    prompt: states.join(' / '),
  });
  sheet.getColumn(1).numFmt = '@';
  [12, 18, 9, 44, 18, 14, 24, 36].forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  sheet.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(8).alignment = { wrapText: true, vertical: 'top' };
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
  };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 8 } };

  const guide = workbook.addWorksheet(vi ? 'Hướng dẫn' : 'Instructions');
  const lines = vi
    ? [
        `Mẫu theo dõi hồ sơ tiêu chí: ${tierName(input.level, lang)} (${input.detail.ruleset.basis[0]?.number ?? input.detail.ruleset.id}), ngày ${input.asOf}.`,
        'Mỗi dòng là một tiêu chí của một xã. Ghi trạng thái hồ sơ: "Chưa có", "Đang hoàn thiện" hoặc "Đã đủ".',
        'Dòng có mã xã bắt đầu bằng # được bỏ qua. Cột "Tên tiêu chí" chỉ để đọc.',
        'Dùng trong cuộc họp rà soát: ntm review <số liệu> --level ' +
          `${input.level} --deadline 2023-12-31 --dossier <tệp này> --out bao-cao.html`,
        'Báo cáo chỉ ra: tiêu chí đạt nhưng hồ sơ chưa đủ (rủi ro khi thẩm định), và hồ sơ đủ nhưng tiêu chí chưa đạt (cần kiểm tra số liệu).',
      ]
    : [
        `Dossier tracking template: ${tierName(input.level, lang)} (${input.detail.ruleset.basis[0]?.number ?? input.detail.ruleset.id}), ${input.asOf}.`,
        'One row per criterion of a commune. Status: "Chưa có" (missing), "Đang hoàn thiện" (in progress) or "Đã đủ" (complete).',
        'Rows whose commune id starts with # are skipped. The "Criterion name" column is for reading only.',
        `In the review meeting: ntm review <data> --level ${input.level} --deadline 2023-12-31 --dossier <this file> --out report.html`,
        'The report shows criteria met whose dossier is not complete (a risk at appraisal), and complete dossiers whose criterion is not met (check the data).',
      ];
  for (const line of lines) guide.addRow([line]);
  guide.getRow(1).font = { bold: true, size: 13 };
  guide.getColumn(1).width = 120;
  guide.getColumn(1).alignment = { wrapText: true };
  return workbook;
}
