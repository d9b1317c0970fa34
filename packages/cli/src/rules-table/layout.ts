/**
 * The layout of a ruleset workbook: its sheets, their columns (Vietnamese header, the note shown on the header
 * cell, width, fixed list of values) and the fields of the information sheet. The writer, the reader and the
 * CSV form all follow this one description.
 */
import {
  COMPARATOR_CHOICES,
  CONFIDENCE_CHOICES,
  COVERAGE,
  KINDS,
  MEASURE_TYPES,
  NATIONAL,
  NO,
  NONE,
  OTHER_GROUPS,
  OTHER_REGIONS,
  PENDING_MODES,
  PLACE_CHOICES,
  YES,
} from './vocabulary.js';

export interface ColumnSpec {
  key: string;
  header: string;
  /** What the column holds, in Vietnamese (the note on the header cell). */
  note: string;
  width: number;
  /** A column of the technical part: everything the file holds that an official rarely reads. */
  technical?: boolean;
  /** The values a cell may take (a validation list). */
  list?: readonly string[];
  /** Other headers read as this column (English, older names). */
  aliases?: readonly string[];
  /** Written as text (so that Excel does not turn 2022-2025 or 17.10 into a date or a number). */
  text?: boolean;
  /** Read only on the rows that carry it: the header is optional when reading. */
  optional?: boolean;
}

export interface SheetSpec {
  id: SheetId;
  name: string;
  columns: readonly ColumnSpec[];
  /** The columns that find the header row (the other columns are required too, unless `optional`). */
  required: readonly string[];
}

/**
 * Every column of a sheet but the optional ones: a deleted column would silently drop what its cells held
 * (a measure key, an expression, the English names), so the sheet is refused instead; a column may be hidden.
 */
export function requiredColumns(spec: SheetSpec): string[] {
  return spec.columns.filter((column) => !column.optional).map((column) => column.key);
}

export type SheetId =
  | 'targets'
  | 'basis'
  | 'measures'
  | 'values'
  | 'groups'
  | 'communeGroups'
  | 'categories'
  | 'regionRules'
  | 'levels';

const rationale = (what: string) =>
  `${what} Với mức giả định hoặc chưa có mức: bắt buộc, nói mức dựa vào đâu hoặc vì sao chưa có.`;

/** The target sheet: one row per criterion (its name) and per target cell of an indicator. */
export const TARGETS: SheetSpec = {
  id: 'targets',
  name: 'Mức chỉ tiêu',
  required: ['criterion', 'indicator', 'value'],
  columns: [
    {
      key: 'ruleset',
      header: 'Bộ tiêu chí',
      note: 'Mã bộ tiêu chí của dòng (ví dụ vn/xa-ntm/2021-2025). Trong bảng của một bộ tiêu chí, mọi dòng cùng một mã. Trong bảng cần đối chiếu, cột này cho biết dòng thuộc bộ nào.',
      width: 22,
      aliases: ['ruleset', 'bo tieu chi'],
      optional: true,
    },
    {
      key: 'criterion',
      header: 'Tiêu chí',
      note: 'Mã tiêu chí (ví dụ 17). Dòng tiêu chí: chỉ ghi mã tiêu chí và tên ở cột Nội dung, để trống mã chỉ tiêu.',
      width: 8,
      text: true,
      aliases: ['criterion'],
    },
    {
      key: 'indicator',
      header: 'Chỉ tiêu',
      note: 'Mã chỉ tiêu như trong văn bản (ví dụ 17.9, KM.2). Một chỉ tiêu có thể có nhiều dòng: mỗi vùng, nhóm xã hoặc khoảng năm có mức riêng là một dòng. Chỉ tiêu mới: ghi mã mới, nội dung, đơn vị, so sánh, mức và Mã số liệu.',
      width: 9,
      text: true,
      aliases: ['indicator'],
    },
    {
      key: 'text',
      header: 'Nội dung',
      note: 'Dòng tiêu chí: tên tiêu chí. Dòng chỉ tiêu: lời văn của chỉ tiêu (tiếng Việt), giống nhau trên mọi dòng của cùng chỉ tiêu.',
      width: 46,
      aliases: ['name', 'ten', 'noi dung chi tieu'],
    },
    {
      key: 'unit',
      header: 'Đơn vị',
      note: 'Đơn vị của số liệu (%, triệu đồng…). Đơn vị thuộc về số liệu (trang "Số liệu"); với chỉ tiêu mới mà số liệu chưa khai báo, đơn vị ghi ở đây được dùng để khai báo số liệu.',
      width: 9,
      aliases: ['unit'],
    },
    {
      key: 'op',
      header: 'So sánh',
      note: 'Phép so sánh số liệu của xã với mức: ≥ (từ … trở lên), > (trên), ≤ (không quá), < (dưới), = , ≠. Chỉ tiêu có/không: = với mức Đạt. "Đạt" ở cột này: chỉ tiêu phải đạt (phép thử tổng hợp, hoặc chỉ tiêu có/không).',
      width: 8,
      list: COMPARATOR_CHOICES,
      aliases: ['comparator', 'phep so sanh'],
    },
    {
      key: 'value',
      header: 'Mức',
      note: 'Mức chỉ tiêu: một số (64, 64,5), hoặc Đạt / Không đạt với chỉ tiêu có/không. Để trống khi chưa biết mức (độ tin cậy "chưa có mức"). Phép thử tổng hợp: yêu cầu bằng lời. Mức tính theo công thức: xem cột Công thức mức.',
      width: 12,
      aliases: ['target', 'muc chi tieu', 'gia tri'],
    },
    {
      key: 'place',
      header: 'Vùng / nhóm xã',
      note: `Vùng (ví dụ Đồng bằng sông Hồng hoặc ĐBSH) hoặc nhóm xã (Xã nhóm 1, 2, 3) mà mức áp dụng; "${OTHER_REGIONS}" / "${OTHER_GROUPS}": các vùng hoặc nhóm không ghi riêng. Để trống khi mức như nhau cho mọi xã.`,
      width: 20,
      list: PLACE_CHOICES,
      aliases: ['region', 'group', 'vung', 'nhom xa'],
    },
    {
      key: 'years',
      header: 'Năm',
      note: 'Năm áp dụng mức (theo ngày đánh giá): một năm (2023), một khoảng (2022–2025) hoặc "từ 2026". Để trống khi mức không đổi theo năm.',
      width: 11,
      text: true,
      aliases: ['year', 'years', 'nam ap dung'],
    },
    {
      key: 'confidence',
      header: 'Mức độ tin cậy',
      note: 'chính thức: đọc trong văn bản pháp luật hoặc bảng chính thức (cần Nguồn); nguồn thứ cấp: văn bản của tỉnh hoặc báo chí dẫn mức quốc gia (cần Nguồn); giả định: suy ra, ví dụ mức tối thiểu (cần Ghi chú); chưa có mức: chưa biết mức (để trống cột Mức).',
      width: 14,
      list: CONFIDENCE_CHOICES,
      aliases: ['confidence', 'do tin cay'],
    },
    {
      key: 'bound',
      header: 'Chỉ là cận',
      note: `"${YES}": mức thật chưa biết, nhưng ít nhất chặt bằng mức này (mức sàn với ≥, mức trần với ≤). Chỉ dùng với "giả định": không đạt mức này là chắc chắn không đạt; đạt thì chưa kết luận được.`,
      width: 8,
      list: [YES],
      aliases: ['bound', 'can'],
    },
    {
      key: 'document',
      header: 'Căn cứ: văn bản',
      note: 'Số hiệu văn bản quy định mức (ví dụ 318/QĐ-TTg). Thuộc về cả chỉ tiêu: giống nhau trên mọi dòng của chỉ tiêu.',
      width: 16,
      aliases: ['document', 'van ban', 'can cu'],
    },
    {
      key: 'part',
      header: 'Căn cứ: phần',
      note: 'Phụ lục hoặc điều của văn bản (ví dụ Phụ lục I).',
      width: 11,
      aliases: ['part', 'phan', 'phu luc'],
    },
    {
      key: 'item',
      header: 'Căn cứ: mục',
      note: 'Mục trong phần đó (ví dụ tiêu chí 17, chỉ tiêu 17.9).',
      width: 14,
      aliases: ['item'],
    },
    {
      key: 'source',
      header: 'Nguồn (đường dẫn)',
      note: 'Địa chỉ (http:// hoặc https://) của văn bản hay bài viết ghi mức này. Bắt buộc với mức chính thức và nguồn thứ cấp.',
      width: 22,
      aliases: ['source', 'nguon', 'url', 'duong dan'],
    },
    {
      key: 'quote',
      header: 'Trích dẫn',
      note: 'Câu của nguồn ghi mức này (ngắn), để người sau đối chiếu.',
      width: 30,
      aliases: ['quote', 'trich'],
    },
    {
      key: 'rationaleVi',
      header: 'Ghi chú',
      note: rationale('Vì sao mức là như vậy (tiếng Việt).'),
      width: 40,
      aliases: ['rationale', 'ghi chu (tieng viet)', 'ly do'],
    },
    {
      key: 'rationaleEn',
      header: 'Ghi chú (tiếng Anh)',
      note: 'Bản tiếng Anh của ghi chú, nếu có (không bắt buộc).',
      width: 30,
      aliases: ['rationale (en)', 'rationale en', 'note (english)'],
    },
    // The technical part: what the file holds beyond the table an official reads.
    {
      key: 'nameEn',
      header: 'Tên tiếng Anh',
      note: '[Kỹ thuật] Tên tiếng Anh của tiêu chí hoặc chỉ tiêu. Chỉ tiêu mới để trống: dùng tạm tên tiếng Việt.',
      width: 26,
      technical: true,
      aliases: ['name (en)', 'english name'],
    },
    {
      key: 'measure',
      header: 'Mã số liệu',
      note: '[Kỹ thuật] Mã của số liệu mà chỉ tiêu so sánh (cột dữ liệu của xã, ví dụ health_insurance_pct), khai báo ở trang "Số liệu". Chỉ tiêu mới: để trống thì ntm tự đặt mã và khai báo số liệu theo nội dung, đơn vị và mức.',
      width: 22,
      technical: true,
      text: true,
      aliases: ['measure', 'so lieu'],
    },
    {
      key: 'logic',
      header: 'Biểu thức kiểm tra (JSON)',
      note: '[Kỹ thuật] Phép thử tổng hợp, viết bằng JSON-logic (ví dụ {"and":[…]}): chỉ tiêu đạt khi biểu thức đúng. Cột Mức ghi yêu cầu bằng lời.',
      width: 24,
      technical: true,
      aliases: ['logic', 'test logic'],
    },
    {
      key: 'requirementEn',
      header: 'Yêu cầu (tiếng Anh)',
      note: '[Kỹ thuật] Với phép thử tổng hợp: yêu cầu bằng tiếng Anh (bản tiếng Việt ở cột Mức).',
      width: 20,
      technical: true,
      aliases: ['requirement (en)'],
    },
    {
      key: 'formula',
      header: 'Công thức mức (JSON)',
      note: '[Kỹ thuật] Mức tính từ số liệu hoặc từ mức của cấp khác, viết bằng JSON-logic (ví dụ 1,1 × mức thu nhập của cấp nâng cao). Có công thức thì để trống cột Mức.',
      width: 24,
      technical: true,
      aliases: ['formula', 'derived target'],
    },
    {
      key: 'applicableIf',
      header: 'Áp dụng khi (JSON)',
      note: '[Kỹ thuật] Chỉ tiêu "nếu có": chỉ áp dụng khi biểu thức JSON-logic này đúng; không áp dụng thì không tính.',
      width: 20,
      technical: true,
      aliases: ['applicable if', 'ap dung neu'],
    },
    {
      key: 'placeholder',
      header: 'Giữ chỗ',
      note: `[Kỹ thuật] "${YES}": chỉ tiêu giữ chỗ, đứng thay các chỉ tiêu chưa biết của tiêu chí (xã tự đánh giá đạt/chưa đạt). Khi nhập đủ các chỉ tiêu thật của tiêu chí, xóa dòng giữ chỗ.`,
      width: 8,
      technical: true,
      list: [YES],
      aliases: ['placeholder'],
    },
    {
      key: 'guidance',
      header: 'Căn cứ: hướng dẫn',
      note: '[Kỹ thuật] Văn bản hướng dẫn cách đo chỉ tiêu (ví dụ 1680/QĐ-BNN-VPĐP).',
      width: 16,
      technical: true,
      aliases: ['guidance', 'huong dan'],
    },
    {
      key: 'notesVi',
      header: 'Ghi chú của chỉ tiêu',
      note: '[Kỹ thuật] Ghi chú chung của chỉ tiêu (không gắn với một mức).',
      width: 20,
      technical: true,
      aliases: ['notes', 'notes (vi)'],
    },
    {
      key: 'notesEn',
      header: 'Ghi chú của chỉ tiêu (tiếng Anh)',
      note: '[Kỹ thuật] Bản tiếng Anh của ghi chú chung.',
      width: 20,
      technical: true,
      aliases: ['notes (en)'],
    },
    {
      key: 'groupId',
      header: 'Nhóm tiêu chí (mã)',
      note: '[Kỹ thuật] Chỉ trên dòng tiêu chí: mã nhóm tiêu chí (trang "Nhóm tiêu chí").',
      width: 16,
      technical: true,
      text: true,
      aliases: ['group id'],
    },
    {
      key: 'commonConfidence',
      header: 'Tin cậy chung của chỉ tiêu',
      note: `[Kỹ thuật] Thông tin chung của chỉ tiêu, chỉ ghi khi khác dòng đầu tiên của chỉ tiêu. Để trống: lấy theo các dòng. "${NONE}": chỉ tiêu không có thông tin này. Khi cột chung có giá trị, ô trống ở một dòng nghĩa là dòng đó dùng giá trị chung.`,
      width: 14,
      technical: true,
      list: [...CONFIDENCE_CHOICES, NONE],
      aliases: ['common confidence'],
    },
    {
      key: 'commonSource',
      header: 'Nguồn chung của chỉ tiêu',
      note: '[Kỹ thuật] Xem cột Tin cậy chung của chỉ tiêu.',
      width: 16,
      technical: true,
      aliases: ['common source'],
    },
    {
      key: 'commonQuote',
      header: 'Trích dẫn chung của chỉ tiêu',
      note: '[Kỹ thuật] Xem cột Tin cậy chung của chỉ tiêu.',
      width: 16,
      technical: true,
      aliases: ['common quote'],
    },
    {
      key: 'commonRationaleVi',
      header: 'Ghi chú chung của chỉ tiêu',
      note: '[Kỹ thuật] Xem cột Tin cậy chung của chỉ tiêu.',
      width: 16,
      technical: true,
      aliases: ['common rationale'],
    },
    {
      key: 'commonRationaleEn',
      header: 'Ghi chú chung của chỉ tiêu (tiếng Anh)',
      note: '[Kỹ thuật] Xem cột Tin cậy chung của chỉ tiêu.',
      width: 16,
      technical: true,
      aliases: ['common rationale (en)'],
    },
  ],
};

const citationColumns = (prefix = ''): ColumnSpec[] => [
  {
    key: 'document',
    header: `${prefix}Căn cứ: văn bản`,
    note: 'Số hiệu văn bản (ví dụ 318/QĐ-TTg).',
    width: 16,
  },
  { key: 'part', header: `${prefix}Căn cứ: phần`, note: 'Phụ lục hoặc điều.', width: 12 },
  { key: 'item', header: `${prefix}Căn cứ: mục`, note: 'Mục trong phần đó.', width: 14 },
  { key: 'guidance', header: `${prefix}Căn cứ: hướng dẫn`, note: 'Văn bản hướng dẫn, nếu có.', width: 14 },
];

const named = (what: string): ColumnSpec[] => [
  { key: 'nameVi', header: 'Tên', note: `Tên ${what} (tiếng Việt).`, width: 36 },
  { key: 'nameEn', header: 'Tên tiếng Anh', note: `Tên ${what} (tiếng Anh).`, width: 30 },
];

export const BASIS: SheetSpec = {
  id: 'basis',
  name: 'Căn cứ pháp lý',
  required: ['number'],
  columns: [
    {
      key: 'number',
      header: 'Số hiệu',
      note: 'Số hiệu văn bản như in (ví dụ 318/QĐ-TTg). Văn bản chính ghi đầu tiên.',
      width: 22,
    },
    { key: 'title', header: 'Trích yếu', note: 'Trích yếu (tên) văn bản, tiếng Việt.', width: 50 },
    {
      key: 'issuer',
      header: 'Cơ quan ban hành',
      note: 'Ví dụ Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh Nam Định.',
      width: 24,
    },
    { key: 'date', header: 'Ngày ký', note: 'Ngày/tháng/năm ký.', width: 12, text: true },
    {
      key: 'effective',
      header: 'Ngày hiệu lực',
      note: 'Ngày có hiệu lực, nếu khác ngày ký.',
      width: 12,
      text: true,
    },
    { key: 'url', header: 'Đường dẫn', note: 'Nơi đọc được văn bản (http:// hoặc https://).', width: 40 },
  ],
};

export const MEASURES: SheetSpec = {
  id: 'measures',
  name: 'Số liệu',
  required: ['key', 'type'],
  columns: [
    {
      key: 'key',
      header: 'Mã số liệu',
      note: 'Mã của số liệu: chữ thường không dấu, số và dấu _ (ví dụ thu_nhap_binh_quan). Là tên cột dữ liệu của xã.',
      width: 28,
      text: true,
    },
    {
      key: 'labelVi',
      header: 'Tên',
      note: 'Tên cột dữ liệu (tiếng Việt), dùng làm tiêu đề của mẫu nhập liệu.',
      width: 40,
    },
    { key: 'labelEn', header: 'Tên tiếng Anh', note: 'Tên tiếng Anh.', width: 30 },
    {
      key: 'type',
      header: 'Kiểu',
      note: `Kiểu số liệu: ${MEASURE_TYPES.list.join('; ')}.`,
      width: 16,
      list: MEASURE_TYPES.list,
    },
    { key: 'unitVi', header: 'Đơn vị', note: 'Đơn vị (tiếng Việt), ví dụ %, triệu đồng.', width: 12 },
    { key: 'unitEn', header: 'Đơn vị (tiếng Anh)', note: 'Đơn vị (tiếng Anh).', width: 12 },
    {
      key: 'min',
      header: 'Nhỏ nhất',
      note: 'Giá trị hợp lệ nhỏ nhất (để trống: 0 với tỷ lệ, số đếm, tiền).',
      width: 10,
    },
    { key: 'max', header: 'Lớn nhất', note: 'Giá trị hợp lệ lớn nhất (để trống: 100 với tỷ lệ).', width: 10 },
    {
      key: 'multiple',
      header: 'Nhiều lựa chọn',
      note: `Với kiểu lựa chọn: "${YES}" nếu xã ghi được nhiều giá trị.`,
      width: 10,
      list: [YES, NO],
    },
    { key: 'descriptionVi', header: 'Mô tả', note: 'Mô tả số liệu (tiếng Việt), nếu có.', width: 30 },
    { key: 'descriptionEn', header: 'Mô tả (tiếng Anh)', note: 'Mô tả (tiếng Anh).', width: 24 },
  ],
};

export const VALUES: SheetSpec = {
  id: 'values',
  name: 'Giá trị lựa chọn',
  required: ['measure', 'id'],
  columns: [
    {
      key: 'measure',
      header: 'Mã số liệu',
      note: 'Số liệu kiểu lựa chọn (trang "Số liệu").',
      width: 28,
      text: true,
    },
    {
      key: 'id',
      header: 'Mã giá trị',
      note: 'Mã của giá trị (chữ thường không dấu, gạch nối).',
      width: 22,
      text: true,
    },
    ...named('giá trị'),
  ],
};

export const GROUPS: SheetSpec = {
  id: 'groups',
  name: 'Nhóm tiêu chí',
  required: ['id'],
  columns: [
    {
      key: 'id',
      header: 'Mã nhóm',
      note: 'Mã nhóm tiêu chí (chữ thường không dấu, gạch nối), ghi ở cột kỹ thuật "Nhóm tiêu chí (mã)" của dòng tiêu chí.',
      width: 26,
      text: true,
    },
    ...named('nhóm tiêu chí'),
  ],
};

export const COMMUNE_GROUPS_SHEET: SheetSpec = {
  id: 'communeGroups',
  name: 'Nhóm xã',
  required: ['group'],
  columns: [
    {
      key: 'group',
      header: 'Nhóm xã',
      note: 'Xã nhóm 1, 2 hoặc 3 (51/2025/QĐ-TTg).',
      width: 14,
      list: PLACE_CHOICES.filter((p) => /nhóm \d/.test(p)),
    },
    ...named('nhóm xã'),
    {
      key: 'definitionVi',
      header: 'Định nghĩa',
      note: 'Định nghĩa của nhóm như văn bản ghi (tiếng Việt).',
      width: 50,
    },
    { key: 'definitionEn', header: 'Định nghĩa (tiếng Anh)', note: 'Định nghĩa (tiếng Anh).', width: 40 },
    ...citationColumns(),
    {
      key: 'confidence',
      header: 'Mức độ tin cậy',
      note: 'Độ tin cậy của định nghĩa.',
      width: 14,
      list: CONFIDENCE_CHOICES,
    },
    { key: 'source', header: 'Nguồn (đường dẫn)', note: 'Nơi đọc được định nghĩa.', width: 30 },
    { key: 'quote', header: 'Trích dẫn', note: 'Câu của nguồn.', width: 40 },
  ],
};

export const CATEGORIES: SheetSpec = {
  id: 'categories',
  name: 'Loại xã',
  required: ['id'],
  columns: [
    {
      key: 'id',
      header: 'Mã loại xã',
      note: 'Mã loại xã (ví dụ xa-dac-biet-kho-khan), ghi ở cột loại xã của dữ liệu.',
      width: 30,
      text: true,
    },
    ...named('loại xã'),
  ],
};

export const REGION_RULES: SheetSpec = {
  id: 'regionRules',
  name: 'Quy tắc vùng',
  required: ['categories', 'region'],
  columns: [
    {
      key: 'categories',
      header: 'Loại xã',
      note: 'Các mã loại xã (trang "Loại xã"), cách nhau bởi dấu ;',
      width: 34,
    },
    {
      key: 'region',
      header: 'Dùng mức của vùng',
      note: 'Vùng mà các xã đó dùng mức.',
      width: 24,
      list: PLACE_CHOICES.slice(0, 7),
    },
    { key: 'reasonVi', header: 'Lý do', note: 'Lý do (tiếng Việt).', width: 40 },
    { key: 'reasonEn', header: 'Lý do (tiếng Anh)', note: 'Lý do (tiếng Anh).', width: 30 },
    ...citationColumns(),
  ],
};

export const LEVELS: SheetSpec = {
  id: 'levels',
  name: 'Khung bộ tiêu chí',
  required: ['level'],
  columns: [
    { key: 'level', header: 'Cấp', note: 'Mã cấp (ví dụ ntm, nang-cao).', width: 16, text: true },
    ...named('cấp'),
    {
      key: 'encoded',
      header: 'Đã mã hóa',
      note: `"${YES}" nếu thư viện đã mã hóa cấp này, "${NO}" nếu chưa.`,
      width: 10,
      list: [YES, NO],
    },
  ],
};

/** The list sheets, in the order they are written after the target sheet and the information sheet. */
export const LIST_SHEETS: readonly SheetSpec[] = [
  BASIS,
  MEASURES,
  VALUES,
  GROUPS,
  COMMUNE_GROUPS_SHEET,
  CATEGORIES,
  REGION_RULES,
  LEVELS,
];

export const INFO_SHEET = 'Thông tin chung';
export const GUIDE_SHEET = 'Hướng dẫn';
export const LISTS_SHEET = 'Danh mục';

export interface InfoField {
  key: string;
  label: string;
  note: string;
  list?: readonly string[];
  /** Only in the workbook of targets pending verification. */
  pending?: boolean;
}

/** The fields of the information sheet, by key (the key is written in its third column). */
export const INFO_FIELDS: readonly InfoField[] = [
  {
    key: 'kind',
    label: 'Loại bảng',
    note: 'Bộ tiêu chí quốc gia (đầy đủ), Văn bản sửa đổi (thay một số mức của một bộ), Bộ tiêu chí của tỉnh (nâng mức của bộ quốc gia), hoặc Bảng mức cần đối chiếu.',
    list: KINDS.list,
  },
  {
    key: 'id',
    label: 'Mã bộ tiêu chí',
    note: 'Mã duy nhất, dạng đường dẫn (ví dụ vn/xa-ntm/2021-2025, provinces/nam-dinh/xa-kieu-mau-2022). Cùng mã với một bộ có sẵn thì tệp nhập vào thay bộ đó khi chạy với --ruleset.',
  },
  {
    key: 'family',
    label: 'Họ bộ tiêu chí',
    note: 'Mã chung của các phiên bản kế tiếp nhau (ví dụ vn/xa-ntm).',
  },
  { key: 'level', label: 'Cấp', note: 'ntm, nang-cao, kieu-mau, cong-nhan…' },
  { key: 'edition', label: 'Phiên bản', note: 'Nhãn phiên bản, ví dụ "2021–2025".' },
  { key: 'name.vi', label: 'Tên', note: 'Tên bộ tiêu chí (tiếng Việt).' },
  { key: 'name.en', label: 'Tên tiếng Anh', note: 'Tên bộ tiêu chí (tiếng Anh).' },
  {
    key: 'jurisdiction',
    label: 'Phạm vi',
    note: `"${NATIONAL}" cho bộ quốc gia và văn bản sửa đổi; mã tỉnh (ví dụ nam-dinh) cho bộ của tỉnh.`,
  },
  {
    key: 'extends',
    label: 'Nâng mức của bộ',
    note: 'Bộ của tỉnh: mã bộ quốc gia mà nó nâng mức; nhiều bộ thì cách nhau bởi dấu ; (một bộ mà kết thúc bằng ; là danh sách một bộ).',
  },
  { key: 'amends', label: 'Sửa đổi bộ', note: 'Văn bản sửa đổi: mã bộ tiêu chí được sửa.' },
  { key: 'effective.from', label: 'Hiệu lực từ', note: 'Ngày đầu có hiệu lực (ngày/tháng/năm).' },
  { key: 'effective.to', label: 'Hiệu lực đến', note: 'Ngày cuối có hiệu lực; để trống khi còn hiệu lực.' },
  {
    key: 'requires.level',
    label: 'Cấp phải đạt trước',
    note: 'Cấp mà xã phải đạt trước (ví dụ ntm cho nâng cao).',
  },
  { key: 'requires.note.vi', label: 'Ghi chú về cấp phải đạt trước', note: 'Tiếng Việt.' },
  { key: 'requires.note.en', label: 'Ghi chú về cấp phải đạt trước (tiếng Anh)', note: 'Tiếng Anh.' },
  {
    key: 'coverage.complete',
    label: 'Mã hóa đủ chỉ tiêu',
    note: 'Đầy đủ: mọi chỉ tiêu của văn bản đã có trong bảng; Chưa đầy đủ: còn thiếu (ghi rõ ở dòng sau).',
    list: COVERAGE.list,
  },
  { key: 'coverage.note.vi', label: 'Phần chưa mã hóa', note: 'Những gì còn thiếu (tiếng Việt).' },
  { key: 'coverage.note.en', label: 'Phần chưa mã hóa (tiếng Anh)', note: 'Tiếng Anh.' },
  { key: 'notes.vi', label: 'Ghi chú', note: 'Ghi chú chung (tiếng Việt).' },
  { key: 'notes.en', label: 'Ghi chú (tiếng Anh)', note: 'Tiếng Anh.' },
  {
    key: 'defaults.document',
    label: 'Mặc định: căn cứ văn bản',
    note: 'Bộ của tỉnh, văn bản sửa đổi: căn cứ dùng cho mọi dòng mức để trống cột "Căn cứ: văn bản".',
  },
  { key: 'defaults.part', label: 'Mặc định: căn cứ phần', note: 'Xem dòng trên.' },
  { key: 'defaults.item', label: 'Mặc định: căn cứ mục', note: 'Xem dòng trên.' },
  { key: 'defaults.guidance', label: 'Mặc định: căn cứ hướng dẫn', note: 'Xem dòng trên.' },
  {
    key: 'defaults.confidence',
    label: 'Mặc định: mức độ tin cậy',
    note: 'Độ tin cậy dùng cho mọi dòng mức để trống cột đó.',
    list: CONFIDENCE_CHOICES,
  },
  { key: 'defaults.source', label: 'Mặc định: nguồn', note: 'Nguồn dùng cho mọi dòng mức để trống cột đó.' },
  {
    key: 'defaults.quote',
    label: 'Mặc định: trích dẫn',
    note: 'Trích dẫn dùng cho mọi dòng mức để trống cột đó.',
  },
  {
    key: 'defaults.rationale.vi',
    label: 'Mặc định: ghi chú',
    note: 'Ghi chú dùng cho mọi dòng mức để trống cột đó.',
  },
  { key: 'defaults.rationale.en', label: 'Mặc định: ghi chú (tiếng Anh)', note: 'Tiếng Anh.' },
  {
    key: 'framework.id',
    label: 'Khung: mã',
    note: '[Kỹ thuật] Mã khung bộ tiêu chí quốc gia (các cấp của nó ở trang "Khung bộ tiêu chí").',
  },
  { key: 'framework.name.vi', label: 'Khung: tên', note: '[Kỹ thuật] Tên khung (tiếng Việt).' },
  { key: 'framework.name.en', label: 'Khung: tên tiếng Anh', note: '[Kỹ thuật] Tên khung (tiếng Anh).' },
  { key: 'framework.note.vi', label: 'Khung: ghi chú', note: '[Kỹ thuật] Ghi chú về khung (tiếng Việt).' },
  { key: 'framework.note.en', label: 'Khung: ghi chú (tiếng Anh)', note: '[Kỹ thuật] Tiếng Anh.' },
  {
    key: '$schema',
    label: 'Lược đồ JSON',
    note: '[Kỹ thuật] Đường dẫn tới edition.schema.json, để trình soạn thảo kiểm tra tệp.',
  },
  {
    key: 'present',
    label: 'Phần có nhưng rỗng',
    note: '[Kỹ thuật] Các phần của tệp có mặt dù không có dòng nào (ví dụ regionRules), cách nhau bởi dấu ,',
  },
  // The workbook of targets pending verification.
  {
    key: 'pending.mode',
    label: 'Khi nhập, tạo',
    note: 'Bản sửa của bộ tiêu chí (cùng mã): mỗi bộ có dòng được sửa được ghi lại với cùng mã, thay bộ có sẵn khi chạy với --ruleset. Bộ tiêu chí của tỉnh: các mức đã điền thành bộ tiêu chí của tỉnh, chỉ được nâng mức so với bộ quốc gia.',
    list: PENDING_MODES.list,
    pending: true,
  },
  {
    key: 'pending.province',
    label: 'Tỉnh',
    note: 'Với bộ tiêu chí của tỉnh: mã tỉnh (ví dụ ninh-binh).',
    pending: true,
  },
  {
    key: 'pending.document',
    label: 'Văn bản của tỉnh: số hiệu',
    note: 'Với bộ tiêu chí của tỉnh: số hiệu quyết định của tỉnh.',
    pending: true,
  },
  {
    key: 'pending.title',
    label: 'Văn bản của tỉnh: trích yếu',
    note: 'Trích yếu quyết định.',
    pending: true,
  },
  {
    key: 'pending.issuer',
    label: 'Văn bản của tỉnh: cơ quan ban hành',
    note: 'Ví dụ Ủy ban nhân dân tỉnh Ninh Bình.',
    pending: true,
  },
  { key: 'pending.date', label: 'Văn bản của tỉnh: ngày ký', note: 'Ngày/tháng/năm.', pending: true },
  {
    key: 'pending.effective',
    label: 'Văn bản của tỉnh: hiệu lực từ',
    note: 'Ngày có hiệu lực (để trống: như bộ quốc gia).',
    pending: true,
  },
  {
    key: 'pending.url',
    label: 'Văn bản của tỉnh: đường dẫn',
    note: 'Nơi đọc được quyết định.',
    pending: true,
  },
];
