// Rebuilds bang-tieu-chi-2026-minh-hoa.xlsx the way a province office makes it: it exports the bundled
// 2026–2030 set with `ntm rules export`, fills the exported workbook as an official would in Excel (one
// indicator per criterion with a target per commune group, the commune groups, the measures), checks it with
// `ntm rules import` and writes it again with `ntm rules export`.
//
// GIÁ TRỊ MINH HỌA, KHÔNG PHẢI MỨC CHÍNH THỨC: every number below is made up to show the workflow. The official
// 47 indicators and their targets are in Appendix I of 51/2025/QĐ-TTg.
//
// Run:  pnpm --filter @nongthonmoi/example-province-2026-table run build-table
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '@nongthonmoi/cli';
import ExcelJS from 'exceljs';

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, 'bang-tieu-chi-2026-minh-hoa.xlsx');
export const LABEL = 'GIÁ TRỊ MINH HỌA, KHÔNG PHẢI MỨC CHÍNH THỨC';
const NOTE = `${LABEL}: số do ví dụ đặt ra để cho thấy cách nhập bảng theo nhóm xã; mức chính thức ở Phụ lục I của 51/2025/QĐ-TTg.`;

interface Indicator {
  criterion: string;
  id: string;
  text: string;
  en: string;
  unit: string;
  op: string;
  /** One target for every commune, or one per group (nhóm 1, 2, 3). */
  targets: string | [number, number, number];
  measure: { key: string; label: string; type: string };
}

/** One illustrative indicator per criterion of 51/2025/QĐ-TTg (10 criteria; the real set has 47 indicators). */
export const INDICATORS: Indicator[] = [
  {
    criterion: '1',
    id: '1.1',
    en: 'Commune master plan approved and published (illustrative example)',
    text: 'Có quy hoạch chung xã được phê duyệt và công bố (ví dụ minh họa)',
    unit: '',
    op: '=',
    targets: 'Đạt',
    measure: {
      key: 'mh2026_quy_hoach_chung',
      label: 'Quy hoạch chung xã được duyệt (2026)',
      type: 'có/không',
    },
  },
  {
    criterion: '2',
    id: '2.1',
    en: 'Share of commune roads asphalted or concreted (illustrative example)',
    text: 'Tỷ lệ đường xã được nhựa hóa hoặc bê tông hóa (ví dụ minh họa)',
    unit: '%',
    op: '≥',
    targets: [100, 95, 85],
    measure: { key: 'mh2026_duong_xa_pct', label: 'Đường xã nhựa/bê tông hóa 2026 (%)', type: 'tỷ lệ (%)' },
  },
  {
    criterion: '3',
    id: '3.1',
    en: 'Average rural income per person (illustrative example)',
    text: 'Thu nhập bình quân đầu người khu vực nông thôn (ví dụ minh họa)',
    unit: 'triệu đồng',
    op: '≥',
    targets: [90, 75, 60],
    measure: {
      key: 'mh2026_thu_nhap',
      label: 'Thu nhập bình quân đầu người 2026 (triệu đồng)',
      type: 'tiền (triệu đồng)',
    },
  },
  {
    criterion: '4',
    id: '4.1',
    en: 'Share of trained workers (illustrative example)',
    text: 'Tỷ lệ lao động qua đào tạo (ví dụ minh họa)',
    unit: '%',
    op: '≥',
    targets: [85, 75, 65],
    measure: {
      key: 'mh2026_lao_dong_dao_tao_pct',
      label: 'Lao động qua đào tạo 2026 (%)',
      type: 'tỷ lệ (%)',
    },
  },
  {
    criterion: '5',
    id: '5.1',
    en: 'Share of people with health insurance (illustrative example)',
    text: 'Tỷ lệ người dân tham gia bảo hiểm y tế (ví dụ minh họa)',
    unit: '%',
    op: '≥',
    targets: [95, 95, 90],
    measure: { key: 'mh2026_bhyt_pct', label: 'Tham gia BHYT 2026 (%)', type: 'tỷ lệ (%)' },
  },
  {
    criterion: '6',
    id: '6.1',
    en: 'Multidimensional poverty rate (illustrative example)',
    text: 'Tỷ lệ hộ nghèo đa chiều (ví dụ minh họa)',
    unit: '%',
    op: '≤',
    targets: [1, 2, 4],
    measure: { key: 'mh2026_ngheo_pct', label: 'Tỷ lệ nghèo đa chiều 2026 (%)', type: 'tỷ lệ (%)' },
  },
  {
    criterion: '7',
    id: '7.1',
    en: 'Share of adults with an electronic payment account (illustrative example)',
    text: 'Tỷ lệ người trưởng thành có tài khoản thanh toán điện tử (ví dụ minh họa)',
    unit: '%',
    op: '≥',
    targets: [80, 70, 50],
    measure: {
      key: 'mh2026_thanh_toan_so_pct',
      label: 'Có tài khoản thanh toán điện tử 2026 (%)',
      type: 'tỷ lệ (%)',
    },
  },
  {
    criterion: '8',
    id: '8.1',
    en: 'Share of households using clean water to standard (illustrative example)',
    text: 'Tỷ lệ hộ được sử dụng nước sạch theo quy chuẩn (ví dụ minh họa)',
    unit: '%',
    op: '≥',
    targets: [98, 90, 75],
    measure: { key: 'mh2026_nuoc_sach_pct', label: 'Hộ dùng nước sạch 2026 (%)', type: 'tỷ lệ (%)' },
  },
  {
    criterion: '9',
    id: '9.1',
    en: 'Commune party committee and government rated at least "good" (illustrative example)',
    text: 'Đảng bộ, chính quyền xã hoàn thành tốt nhiệm vụ trở lên (ví dụ minh họa)',
    unit: '',
    op: '=',
    targets: 'Đạt',
    measure: {
      key: 'mh2026_chinh_quyen_htt',
      label: 'Chính quyền xã hoàn thành tốt nhiệm vụ (2026)',
      type: 'có/không',
    },
  },
  {
    criterion: '10',
    id: '10.1',
    en: 'Commune meets the access-to-law standard (illustrative example)',
    text: 'Xã đạt chuẩn tiếp cận pháp luật (ví dụ minh họa)',
    unit: '',
    op: '=',
    targets: 'Đạt',
    measure: {
      key: 'mh2026_tiep_can_phap_luat',
      label: 'Đạt chuẩn tiếp cận pháp luật (2026)',
      type: 'có/không',
    },
  },
];

/** The commune groups as 51/2025/QĐ-TTg defines them, from the press (the decision's own text was not read). */
const GROUPS = [
  {
    group: 'Xã nhóm 1',
    definition:
      'xã liền kề đô thị hiện hữu và có định hướng phát triển thành đô thị, hoặc xã có tỷ trọng ngành nông nghiệp trong cơ cấu kinh tế dưới 10 %, hoặc xã được định hướng là đô thị mới',
    en: 'a commune next to an existing urban area and oriented to become urban, or one where agriculture is under 10 % of the economy, or one planned as a new urban area',
  },
  {
    group: 'Xã nhóm 2',
    definition: 'xã không thuộc nhóm 1 và nhóm 3',
    en: 'a commune in neither group 1 nor group 3',
  },
  {
    group: 'Xã nhóm 3',
    definition:
      'xã khu vực II và xã khu vực III thuộc địa bàn vùng đồng bào dân tộc thiểu số và miền núi được cấp có thẩm quyền phân định theo quy định',
    en: 'an area-II or area-III commune of the ethnic-minority and mountain areas, as classified by the competent authority',
  },
];
const GROUP_SOURCE =
  'https://thoibaotaichinhvietnam.vn/ban-hanh-bo-tieu-chi-quoc-gia-ve-nong-thon-moi-giai-doan-2026-2030-189751.html';

function headerOf(sheet: ExcelJS.Worksheet, row: number): Map<string, number> {
  const map = new Map<string, number>();
  sheet.getRow(row).eachCell((cell, column) => map.set(String(cell.value), column));
  return map;
}

function set(
  row: ExcelJS.Row,
  header: Map<string, number>,
  values: Record<string, string | number | null>,
): void {
  for (const [name, value] of Object.entries(values)) {
    const column = header.get(name);
    if (column === undefined) throw new Error(`no column "${name}"`);
    row.getCell(column).value = value;
  }
}

/** Empties every row below the header (as an official selects them and presses Delete). */
function clear(sheet: ExcelJS.Worksheet, headerRow: number): void {
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.value = null;
    });
    row.font = {};
  }
}

export async function buildTable(out = target): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'ntm-2026-'));
  try {
    // 1. What the office starts from: the bundled 2026–2030 set as a workbook.
    const exported = join(folder, 'bang-tieu-chi-2026.xlsx');
    const code = await main(['node', 'ntm', 'rules', 'export', 'vn/xa-ntm/2026-2030', '--out', exported], {
      stdout: () => {},
      stderr: () => {},
    });
    if (code !== 0) throw new Error(`ntm rules export failed (${code})`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(exported);
    workbook.title = `Bảng tiêu chí xã NTM 2026–2030 theo nhóm xã: ${LABEL}`;

    // 2. The target sheet: the criterion rows are kept, the placeholder rows replaced by the indicators.
    const sheet = workbook.getWorksheet('Mức chỉ tiêu') as ExcelJS.Worksheet;
    sheet.getCell('A1').value =
      `BẢNG MINH HỌA: ${LABEL}. Bộ tiêu chí xã nông thôn mới 2026–2030, mức theo nhóm xã`;
    const header = headerOf(sheet, 2);
    const criteria: Array<Record<string, string | number | null>> = [];
    sheet.eachRow((row, number) => {
      if (number < 3 || row.getCell(header.get('Chỉ tiêu') as number).value) return;
      const cells: Record<string, string | number | null> = {};
      for (const [name, column] of header)
        cells[name] = (row.getCell(column).value as string | number | null) ?? null;
      criteria.push(cells);
    });
    clear(sheet, 2);
    let next = 3;
    for (const criterion of criteria) {
      const row = sheet.getRow(next++);
      set(row, header, criterion);
      row.font = { bold: true };
      for (const indicator of INDICATORS.filter((item) => item.criterion === criterion['Tiêu chí'])) {
        const places: Array<[string | null, string | number]> = Array.isArray(indicator.targets)
          ? indicator.targets.map((value, i) => [`Xã nhóm ${i + 1}`, value])
          : [[null, indicator.targets]];
        for (const [place, value] of places) {
          set(sheet.getRow(next++), header, {
            'Bộ tiêu chí': 'vn/xa-ntm/2026-2030',
            'Tiêu chí': indicator.criterion,
            'Chỉ tiêu': indicator.id,
            'Nội dung': indicator.text,
            'Đơn vị': indicator.unit || null,
            'So sánh': indicator.op,
            Mức: value,
            'Vùng / nhóm xã': place,
            'Mức độ tin cậy': 'giả định',
            'Căn cứ: văn bản': '51/2025/QĐ-TTg',
            'Căn cứ: phần': 'Phụ lục I',
            'Căn cứ: mục': `Tiêu chí ${indicator.criterion} (ví dụ minh họa)`,
            'Ghi chú': NOTE,
            'Ghi chú (tiếng Anh)': `ILLUSTRATIVE VALUE, NOT THE OFFICIAL TARGET: a number made up to show how a table by commune group is entered.`,
            'Tên tiếng Anh': indicator.en,
            'Mã số liệu': indicator.measure.key,
          });
        }
      }
    }

    // 3. The information sheet: a name and a coverage note that say what the table is.
    const info = workbook.getWorksheet('Thông tin chung') as ExcelJS.Worksheet;
    const fields: Record<string, string> = {
      'name.vi': `Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026–2030 (BẢNG MINH HỌA: ${LABEL})`,
      'name.en':
        'National criteria for new-rural communes, 2026–2030 (ILLUSTRATIVE TABLE: NOT THE OFFICIAL TARGETS)',
      'coverage.complete': 'Chưa đầy đủ',
      'coverage.note.vi': `${LABEL}. Bảng ví dụ: mỗi tiêu chí một chỉ tiêu, mức theo ba nhóm xã do ví dụ đặt ra. Bộ chính thức có 47 chỉ tiêu (Phụ lục I của 51/2025/QĐ-TTg).`,
      'coverage.note.en':
        'ILLUSTRATIVE VALUES, NOT THE OFFICIAL TARGETS. An example table: one indicator per criterion, targets by commune group made up for the example. The official set has 47 indicators (Appendix I of 51/2025/QĐ-TTg).',
    };
    info.eachRow((row) => {
      const key = String(row.getCell(3).value ?? '');
      if (key in fields) row.getCell(2).value = fields[key] as string;
    });

    // 4. The commune groups and the measures the indicators compare.
    const groups = workbook.getWorksheet('Nhóm xã') as ExcelJS.Worksheet;
    const groupHeader = headerOf(groups, 1);
    clear(groups, 1);
    GROUPS.forEach((group, i) => {
      set(groups.getRow(i + 2), groupHeader, {
        'Nhóm xã': group.group,
        Tên: group.group,
        'Tên tiếng Anh': `Commune group ${i + 1}`,
        'Định nghĩa': group.definition,
        'Định nghĩa (tiếng Anh)': group.en,
        'Căn cứ: văn bản': '51/2025/QĐ-TTg',
        'Căn cứ: mục': `Phân nhóm xã: xã nhóm ${i + 1}`,
        'Mức độ tin cậy': 'nguồn thứ cấp',
        'Nguồn (đường dẫn)': GROUP_SOURCE,
      });
    });
    const measures = workbook.getWorksheet('Số liệu') as ExcelJS.Worksheet;
    const measureHeader = headerOf(measures, 1);
    // The measures of the placeholders go with them.
    clear(measures, 1);
    let measureRow = 2;
    for (const { measure, unit } of INDICATORS) {
      set(measures.getRow(measureRow++), measureHeader, {
        'Mã số liệu': measure.key,
        Tên: measure.label,
        'Tên tiếng Anh': `${measure.label} (illustrative example)`,
        Kiểu: measure.type,
        'Đơn vị': unit || null,
        'Đơn vị (tiếng Anh)': unit === 'triệu đồng' ? 'million VND' : unit || null,
      });
    }
    const filled = join(folder, 'bang-da-dien.xlsx');
    await workbook.xlsx.writeFile(filled);

    // 5. Checked by `ntm rules import`, then written again by `ntm rules export`: the workbook the office sends
    //    back, with the layout, lists, notes and print setup of an exported one.
    const json = join(folder, 'bo-tieu-chi.json');
    const quiet = { stdout: () => {}, stderr: (text: string) => process.stderr.write(text) };
    if ((await main(['node', 'ntm', 'rules', 'import', filled, '--out', json], quiet)) !== 0) {
      throw new Error('ntm rules import refused the filled table (see above)');
    }
    const args = ['node', 'ntm', 'rules', 'export', 'vn/xa-ntm/2026-2030', '--ruleset', json, '--out', out];
    if ((await main(args, { stdout: () => {}, stderr: () => {} })) !== 0)
      throw new Error('ntm rules export failed');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildTable();
  console.log(`đã ghi ${target}`);
}
