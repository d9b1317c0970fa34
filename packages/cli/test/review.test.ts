/**
 * `ntm review` through the real binary: several earlier snapshots and how their dates are found (or asked
 * for), the forecast by a deadline, the dossier file, review.json against its schema, the dossier template,
 * and what the HTML report and the workbook say.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewDocumentSchema } from '../src/review-document.js';
import { ntm, type SampleCommune, sampleCommune, tempDir, vietnameseCell, writeText } from './helpers.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let sample: SampleCommune;
let keys: string[];

/** A CSV of the sample commune (Nam Mỹ) under several ids, with some cells replaced. */
function csvOf(rows: Array<{ id: string; name: string; cells?: Record<string, string> }>): string {
  const header = ['id', 'name', 'province', 'district', ...keys];
  const lines = rows.map((row) =>
    [
      row.id,
      row.name,
      'nam-dinh',
      'Nam Trực',
      ...keys.map((key) => row.cells?.[key] ?? vietnameseCell(sample.values[key])),
    ]
      .map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\n')}\n`;
}

/**
 * Three communes: health insurance rising fast (a), slowly (b), not at all (c); pre-school failing in c. Income
 * is above the nâng cao level of 2023 (68 million đồng in ĐBSH) so that it is not a gap here.
 */
function snapshot(a: string, b: string, c: string): string {
  const income = { income_per_capita_mvnd: '70' };
  return csvOf([
    { id: 'a', name: 'Xã An', cells: { ...income, health_insurance_pct: a } },
    { id: 'b', name: 'Xã Bình', cells: { ...income, health_insurance_pct: b } },
    {
      id: 'c',
      name: 'Xã Cát',
      cells: { ...income, health_insurance_pct: c, universal_preschool_age5_met: 'Không' },
    },
  ]);
}

const OPTIONS = ['--level', 'nang-cao', '--province', 'nam-dinh'];

beforeAll(() => {
  sample = sampleCommune();
  keys = Object.keys(sample.values);
  writeText(dir, 'data-2023-08-15.csv', snapshot('90', '90,6', '88'));
  writeText(dir, 'so-lieu-ky-truoc.csv', snapshot('91,5', '90,8', '88'));
  writeText(dir, 'data-2023-11-15.csv', snapshot('93,2', '91', '88'));
  writeText(dir, 'data-2023-11-31.csv', snapshot('93,2', '91', '88'));
  writeText(
    dir,
    'ho-so.csv',
    [
      'STT,Mã xã,Tiêu chí,Trạng thái hồ sơ,Ngày cập nhật,Người phụ trách,Ghi chú',
      '1,a,1,Đã đủ,15/11/2023,Công chức Địa chính,',
      '2,a,10,đang hoàn thiện,10/11/2023,Công chức Văn phòng,thiếu bảng tính thu nhập',
      '3,Xã Bình,14,đủ,,,',
      '4,a,99,Đã đủ,,,',
      '5,zz,1,Đã đủ,,,',
      '6,a,3,gần xong,,,',
    ].join('\n'),
  );
  writeText(dir, 'owners.csv', 'Tiêu chí,Phụ trách,Cấp\n14,Trung tâm Y tế huyện,nâng cao\n');
});

async function reviewJson(args: string[]) {
  const out = join(dir, `r-${Math.random().toString(36).slice(2)}.json`);
  const run = await ntm(['review', ...args, '--out', out], { cwd: dir });
  return { run, out, json: existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : null };
}

describe('ntm review: snapshots and their dates', () => {
  it('takes several --previous, each dated by its file name or by the --previous-as-of just after it', async () => {
    const { run, json } = await reviewJson([
      'data-2023-11-15.csv',
      ...OPTIONS,
      '--previous',
      'data-2023-08-15.csv',
      '--previous',
      'so-lieu-ky-truoc.csv',
      '--previous-as-of',
      '2023-10-01',
      '--deadline',
      '2023-12-31',
    ]);
    expect(run.stderr).toContain(
      'ntm: data-2023-11-15.csv: số liệu ngày 15/11/2023 (theo ngày trong tên tệp)\n',
    );
    expect(run.stderr).toContain(
      'ntm: data-2023-08-15.csv: số liệu ngày 15/08/2023 (theo ngày trong tên tệp)\n',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(ReviewDocumentSchema.safeParse(json).error?.issues ?? []).toEqual([]);
    expect(
      json.snapshots.map((s: { asOf: string; dateSource: string }) => `${s.asOf} ${s.dateSource}`),
    ).toEqual(['2023-08-15 file-name', '2023-10-01 option', '2023-11-15 file-name']);
    // Each earlier snapshot is evaluated on its own date.
    expect(json.comparison.communes).toHaveLength(3);
    expect(json.forecast.snapshots).toEqual(['2023-08-15', '2023-10-01', '2023-11-15']);
    expect(json.forecast.daysLeft).toBe(46);
    const insurance = (id: string) =>
      json.gaps.find(
        (g: { communeId: string; level: string; indicator: string }) =>
          g.communeId === id && g.level === 'nang-cao' && g.indicator === '14.1',
      );
    expect(insurance('a')).toMatchObject({ outlook: 'at-risk', projected: '2024-01-06' });
    expect(insurance('b').outlook).toBe('off-track');
    expect(insurance('c').outlook).toBe('stalled');
  });

  it('never states a date it does not know: an undated --previous is refused with a message asking for it', async () => {
    const { run, out } = await reviewJson([
      'data-2023-11-15.csv',
      ...OPTIONS,
      '--previous',
      'so-lieu-ky-truoc.csv',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'ntm: không biết số liệu so-lieu-ky-truoc.csv là của ngày nào: tên tệp không có ngày (như data-2023-11-15.csv) và tệp không có cột "Ngày số liệu". Báo cáo không ghi một ngày không chắc chắn; hãy cho ngày ngay sau tệp, ví dụ: --previous so-lieu-ky-truoc.csv --previous-as-of 2023-11-15\n',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses dates that cannot be right: two reviews on one day, an earlier review after the current one, a day that does not exist', async () => {
    const [same, later, unclear, stray] = await Promise.all([
      reviewJson([
        'data-2023-11-15.csv',
        ...OPTIONS,
        '--previous',
        'so-lieu-ky-truoc.csv',
        '--previous-as-of',
        '2023-11-15',
      ]),
      reviewJson(['data-2023-08-15.csv', ...OPTIONS, '--previous', 'data-2023-11-15.csv']),
      reviewJson(['data-2023-11-15.csv', ...OPTIONS, '--previous', 'data-2023-11-31.csv']),
      reviewJson([
        'data-2023-11-15.csv',
        ...OPTIONS,
        '--previous-as-of',
        '2023-10-01',
        '--previous',
        'so-lieu-ky-truoc.csv',
      ]),
    ]);
    for (const { run } of [same, later, unclear, stray]) expect(run.code).toBe(2);
    expect(same.run.stderr).toMatch(
      /data-2023-11-15\.csv và so-lieu-ky-truoc\.csv cùng là số liệu ngày 15\/11\/2023/,
    );
    expect(later.run.stderr).toMatch(
      /--previous data-2023-11-15\.csv là số liệu ngày 15\/11\/2023, sau số liệu hiện tại \(15\/08\/2023\)/,
    );
    expect(unclear.run.stderr).toMatch(
      /tên tệp data-2023-11-31\.csv có nhiều ngày, hoặc một ngày không có thật \(2023-11-31\)/,
    );
    expect(stray.run.stderr).toMatch(/--previous-as-of 2023-10-01 không đi sau một --previous nào/);
  });
});

describe('ntm review: the meeting', () => {
  let html: string;
  let run: Awaited<ReturnType<typeof ntm>>;
  const out = () => join(dir, 'meeting.html');
  beforeAll(async () => {
    run = await ntm(
      [
        'review',
        'data-2023-11-15.csv',
        ...OPTIONS,
        '--previous',
        'data-2023-08-15.csv',
        '--previous',
        'so-lieu-ky-truoc.csv',
        '--previous-as-of',
        '2023-10-01',
        '--deadline',
        '2023-12-31',
        '--dossier',
        'ho-so.csv',
        '--owners',
        'owners.csv',
        '--illustrative',
        '--out',
        'meeting.html',
        '--errors',
        'loi.csv',
      ],
      { cwd: dir, env: { NTM_SCORECARD_BUNDLE: 'none' } },
    );
    html = readFileSync(out(), 'utf8');
  });

  it('reports every dossier row it could not use by file, row, column and reason (exit 1), and uses the others', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'ho-so.csv, dòng 7 (xã a), cột "Trạng thái hồ sơ": "gần xong" «gần xong» không phải trạng thái hồ sơ; ghi «chưa có», «đang hoàn thiện» hoặc «đã đủ».\n',
    );
    expect(run.stderr).toContain(
      'ho-so.csv, dòng 5 (xã a), cột "Tiêu chí": "99" Xã «a» (nang-cao) không có tiêu chí «99»; bỏ qua dòng này.\n',
    );
    expect(run.stderr).toMatch(
      /ho-so\.csv, dòng 6 \(xã zz\), cột "Mã xã": "zz" Không có xã mã «zz» trong kết quả đánh giá; bỏ qua dòng này\./,
    );
    const errors = readFileSync(join(dir, 'loi.csv'), 'utf8');
    expect(errors).toContain('ho-so.csv,7,Trạng thái hồ sơ,gần xong');
  });

  it('prints the meeting summary: who is held back by what, the outlook by the deadline, the dossiers', () => {
    expect(run.stdout).toContain(
      'Số liệu ngày 15/11/2023 · các lần trước: 15/08/2023, 01/10/2023 · hạn 31/12/2023 (còn 46 ngày)',
    );
    expect(run.stdout).toContain('*** DỮ LIỆU MINH HỌA');
    expect(run.stdout).toMatch(/Dự báo đến hạn 31\/12\/2023 \(còn 46 ngày, theo tốc độ qua 3 lần rà soát\)/);
    expect(run.stdout).toMatch(
      /Có nguy cơ trễ hạn \(1\):\n\s+- Xã An · NC 14\.1 Tỷ lệ người dân tham gia bảo hiểm y tế: 93,2 % \/ cần ≥ 95 %\*\* \(còn thiếu 1,8\s+điểm %\) — dự kiến đạt 06\/01\/2024 → Trung tâm Y tế huyện/,
    );
    expect(run.stdout).toMatch(/Đứng yên \(1\):\n\s+- Xã Cát/);
    // Criteria no row names count as not complete.
    const flat = run.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain(
      'Hồ sơ: 2/57 tiêu chí đã đủ; 3 tiêu chí đạt nhưng hồ sơ chưa đủ; 1 hồ sơ đủ nhưng tiêu chí chưa đạt',
    );
    expect(flat).toContain('Xã An — đạt nhưng hồ sơ đang hoàn thiện: 10');
    expect(flat).toContain('Xã Bình — hồ sơ đủ nhưng chưa đạt: 14; đạt nhưng hồ sơ chưa kê khai: 10');
    // Every line fits a terminal, and no label is cut inside a word.
    for (const line of run.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(120);
    expect(run.stdout).not.toMatch(/\p{L}…\p{L}/u);
  });

  it('the HTML report: the banner, the deadline, the agenda, a timeline per commune, the dossiers, times with their zone', () => {
    expect(html).toContain(
      '<p class="banner" role="note">DỮ LIỆU MINH HỌA — không phải số liệu chính thức; chỉ để thử công cụ.</p>',
    );
    expect(html).toMatch(/Hạn hoàn thành: <b>31\/12\/2023<\/b> — còn 46 ngày/);
    expect(html).toContain(
      '<section id="forecast" class="page"><h2>Dự báo đến hạn 31/12/2023 — còn 46 ngày</h2>',
    );
    expect(html.match(/<svg class="timeline"/g)).toHaveLength(3);
    expect(html).toMatch(
      /aria-label="Xã An: 15\/08\/2023 \d+\/19, 01\/10\/2023 \d+\/19, 15\/11\/2023 \d+\/19; Hạn hoàn thành 31\/12\/2023"/,
    );
    expect(html).toContain('<section id="dossiers" class="page"><h2>Hồ sơ tiêu chí</h2>');
    expect(html).toMatch(
      /<time datetime="[^"]+" data-zone="Asia\/Ho_Chi_Minh">\d\d\/\d\d\/\d{4} \d\d:\d\d \(GMT\+7, Asia\/Ho_Chi_Minh\)<\/time>/,
    );
    // A failing composite indicator says which part failed with which value.
    expect(html).toContain('Đạt chuẩn PCGD mầm non trẻ 5 tuổi: Không / cần Có');
    // Undecided criteria are told apart by cause, and targets that are not official are marked.
    expect(html).toContain('chưa đủ căn cứ vì chưa có mức chỉ tiêu chính thức');
    expect(html).toContain('≥ 95 %**');
    // No developer ids where a title can be shown (the data embedded for the scorecards aside).
    const page = html.replace(/<script[\s\S]*?<\/script>/g, '');
    expect(page).not.toContain('vn/xa-nang-cao/2021-2025');
    expect(page).toContain(
      'Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021–2025 (318/QĐ-TTg)',
    );
    expect(html).not.toMatch(/<h[1-6][^>]*>\s*Bảng tổng hợp tiến độ/);
    expect(html.match(/<h2>Bảng tổng hợp tiêu chí theo xã<\/h2>/g)).toHaveLength(1);
  });

  it('the workbook: forecast and dossier sheets, printing set up, totals, numbers stored as numbers', async () => {
    const file = join(dir, 'meeting.xlsx');
    const xlsx = await ntm(
      [
        'review',
        'data-2023-11-15.csv',
        ...OPTIONS,
        '--previous',
        'data-2023-08-15.csv',
        '--deadline',
        '2023-12-31',
        '--dossier',
        'ho-so.csv',
        '--owners',
        'owners.csv',
        '--illustrative',
        '--out',
        'meeting.xlsx',
      ],
      { cwd: dir },
    );
    expect(xlsx.code).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Tổng hợp',
      'Tổng hợp NTM',
      'Dự báo',
      'Hồ sơ',
      'Chưa đủ căn cứ',
      'Tiến độ',
      'Thay đổi chỉ tiêu',
      'Theo phụ trách',
      'Dòng lỗi',
      'Thông tin',
    ]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup).toMatchObject({
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        paperSize: 9,
      });
      if (sheet.name !== 'Thông tin') expect(sheet.pageSetup.printTitlesRow).toBe('1:1');
      expect(sheet.headerFooter.oddHeader).toContain('DỮ LIỆU MINH HỌA');
    }
    const matrix = workbook.getWorksheet('Tổng hợp') as ExcelJS.Worksheet;
    const last = matrix.getRow(matrix.rowCount);
    expect(last.getCell(2).value).toBe('Số xã đạt (/3)');
    const header = (matrix.getRow(1).values as unknown[]).slice(1);
    const criterion14 = header.indexOf('14. Y tế') + 1;
    expect(last.getCell(criterion14).value).toBe(0);
    // The status words fit their columns.
    for (let c = criterion14; c < criterion14 + 3; c++)
      expect(matrix.getColumn(c).width ?? 0).toBeGreaterThanOrEqual(8);
    const forecast = workbook.getWorksheet('Dự báo') as ExcelJS.Worksheet;
    const titles = (forecast.getRow(1).values as unknown[]).slice(1);
    const row = forecast.getRow(2);
    const cell = (title: string) => row.getCell(titles.indexOf(title) + 1).value;
    expect(typeof cell('Tiêu chí')).toBe('number');
    expect(cell('Đơn vị')).toBe('điểm %');
    const composite = [...Array(forecast.rowCount).keys()]
      .map((i) => forecast.getRow(i + 1).getCell(titles.indexOf('Hiện trạng') + 1).value)
      .find((value) => typeof value === 'string' && value.includes('PCGD mầm non'));
    expect(composite).toContain('Đạt chuẩn PCGD mầm non trẻ 5 tuổi: Không / cần Có');
    const dossiers = workbook.getWorksheet('Hồ sơ') as ExcelJS.Worksheet;
    const risks = [...Array(dossiers.rowCount).keys()].map((i) => dossiers.getRow(i + 1).getCell(10).value);
    expect(risks).toContain('Đạt nhưng hồ sơ chưa đủ');
    expect(risks).toContain('Hồ sơ đủ nhưng chưa đạt: kiểm tra số liệu');
  });

  it('in English with --lang en', async () => {
    const en = await ntm(
      [
        'review',
        'data-2023-11-15.csv',
        ...OPTIONS,
        '--previous',
        'data-2023-08-15.csv',
        '--deadline',
        '2023-12-31',
        '--out',
        'en.html',
        '--lang',
        'en',
      ],
      { cwd: dir, env: { NTM_SCORECARD_BUNDLE: 'none' } },
    );
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain(
      'Data of 15 Nov 2023 · earlier: 15 Aug 2023 · deadline 31 Dec 2023 (46 days left)',
    );
    expect(en.stderr).toContain(
      'ntm: data-2023-08-15.csv: data of 15 Aug 2023 (from the date in the file name)\n',
    );
    const page = readFileSync(join(dir, 'en.html'), 'utf8');
    expect(page).toContain('<html lang="en"');
    expect(page).toContain('Outlook by the deadline');
    expect(page).not.toMatch(/Dự báo|Hồ sơ tiêu chí|Số liệu ngày/);
  });
});

describe('ntm template --dossier', () => {
  it('writes one row per commune × criterion that ntm review reads back once filled in', async () => {
    const made = await ntm(
      [
        'template',
        '--dossier',
        ...OPTIONS,
        '--as-of',
        '2023-11-15',
        '--communes',
        'data-2023-11-15.csv',
        '--out',
        'mau-ho-so.xlsx',
      ],
      { cwd: dir },
    );
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toMatch(/đã ghi mau-ho-so\.xlsx: mẫu hồ sơ, 57 dòng \(3 xã × 19 tiêu chí/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'mau-ho-so.xlsx'));
    const sheet = workbook.getWorksheet('Hồ sơ') as ExcelJS.Worksheet;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Mã xã',
      'Tên xã',
      'Tiêu chí',
      'Tên tiêu chí',
      'Trạng thái hồ sơ',
      'Ngày cập nhật',
      'Người phụ trách',
      'Ghi chú',
    ]);
    expect(sheet.getRow(2).getCell(1).value).toBe('#vi-du');
    expect(sheet.getRow(3).values).toEqual([undefined, 'a', 'Xã An', 1, 'Quy hoạch']);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
    // Filled in as an office would: every criterion of Xã An complete.
    for (let r = 3; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      if (row.getCell(1).value === 'a') row.getCell(5).value = 'Đã đủ';
    }
    await workbook.xlsx.writeFile(join(dir, 'ho-so-day-du.xlsx'));
    const { run, json } = await reviewJson([
      'data-2023-11-15.csv',
      ...OPTIONS,
      '--dossier',
      'ho-so-day-du.xlsx',
    ]);
    expect(run.code, run.stderr).toBe(1);
    expect(json.dossiers.communes[0].completeness).toEqual({ complete: 19, total: 19, label: '19/19' });
    // The rows left empty are reported, each at its row of the workbook.
    expect(json.problems[0]).toMatchObject({
      file: 'ho-so-day-du.xlsx',
      row: 22,
      column: 'Trạng thái hồ sơ',
    });
    const csv = await ntm(
      ['template', '--dossier', ...OPTIONS, '--as-of', '2023-11-15', '--out', 'mau.csv'],
      { cwd: dir },
    );
    expect(csv.code, csv.stderr).toBe(0);
    expect(readFileSync(join(dir, 'mau.csv'), 'utf8')).toMatch(
      /^\ufeffMã xã,Tên xã,Tiêu chí,Tên tiêu chí,Trạng thái hồ sơ/,
    );
  });
});
