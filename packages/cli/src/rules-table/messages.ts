/**
 * Messages of `ntm rules export / import / pending` (the ruleset workbooks), in Vietnamese (default) and
 * English. They are part of the CLI's catalogue (messages.ts spreads them in): render them with `tr`.
 */
type Params = Record<string, string | number | boolean | null | undefined>;
type Render<P> = (p: P) => string;
export interface Texts<P> {
  vi: Render<P>;
  en: Render<P>;
}

function m<P extends Params = Record<string, never>>(vi: Render<P>, en: Render<P>): Texts<P> {
  return { vi, en };
}

export const RULES_TABLE_MESSAGES = {
  // Cells
  'rt.required': m(
    () => 'ô này không được để trống',
    () => 'this cell may not be empty',
  ),
  'rt.comparator': m(
    () => 'không phải phép so sánh; ghi một trong: ≥ > ≤ < = ≠ (hoặc >= <= !=), hoặc Đạt',
    () => 'not a comparator; write one of ≥ > ≤ < = ≠ (or >= <= !=), or Đạt',
  ),
  'rt.confidence': m(
    () => 'không phải mức độ tin cậy; ghi một trong: chính thức, nguồn thứ cấp, giả định, chưa có mức',
    () => 'not a confidence; write one of: chính thức, nguồn thứ cấp, giả định, chưa có mức',
  ),
  'rt.place': m(
    () =>
      `không phải vùng hay nhóm xã; ghi tên vùng (ví dụ Đồng bằng sông Hồng, ĐBSH), nhóm xã (Nhóm 1, 2, 3), "Các vùng còn lại", "Các nhóm xã còn lại", hoặc để trống`,
    () =>
      `neither a region nor a commune group; write a region (e.g. Đồng bằng sông Hồng, ĐBSH), a group (Nhóm 1, 2, 3), "Các vùng còn lại", "Các nhóm xã còn lại", or leave it empty`,
  ),
  'rt.years': m(
    () => 'không phải năm; ghi một năm (2023), một khoảng (2022–2025) hoặc "từ 2026"',
    () => 'not a year; write a year (2023), a span (2022–2025) or "từ 2026"',
  ),
  'rt.yearsBackwards': m(
    () => 'năm cuối đứng trước năm đầu',
    () => 'the span ends before it starts',
  ),
  'rt.yesNo': m(
    () => 'cần ghi Có, Không, hoặc để trống',
    () => 'expected Có, Không or an empty cell',
  ),
  'rt.number': m<{ why: string }>(
    (p) => `mức không đọc được: ${p.why}`,
    (p) => `the target cannot be read: ${p.why}`,
  ),
  'rt.notBoolean': m(
    () => 'chỉ tiêu có/không cần mức Đạt hoặc Không đạt (để trống nếu chưa có mức)',
    () => 'a yes/no indicator needs the target Đạt or Không đạt (empty when unknown)',
  ),
  'rt.notNumber': m(
    () => 'chỉ tiêu này so sánh số: mức phải là số, ví dụ 64 hoặc 64,5 (để trống nếu chưa có mức)',
    () =>
      'this indicator compares numbers: the target must be a number, e.g. 64 or 64,5 (empty when unknown)',
  ),
  'rt.url': m(
    () => 'không phải đường dẫn; ghi địa chỉ bắt đầu bằng http:// hoặc https://',
    () => 'not a link; write an address starting with http:// or https://',
  ),
  'rt.date': m(
    () => 'không phải ngày; ghi ngày/tháng/năm, ví dụ 08/03/2022',
    () => 'not a date; write day/month/year, e.g. 08/03/2022',
  ),
  'rt.json': m<{ why: string }>(
    (p) => `biểu thức JSON không đọc được: ${p.why}`,
    (p) => `the JSON expression cannot be read: ${p.why}`,
  ),
  'rt.choice': m<{ allowed: string }>(
    (p) => `không có trong danh sách; cần một trong: ${p.allowed}`,
    (p) => `not in the list; expected one of: ${p.allowed}`,
  ),
  'rt.plainNumber': m(
    () => 'không phải là số',
    () => 'not a number',
  ),
  'rt.notText': m(
    () => 'ô này cần chữ, không phải số hay ngày',
    () => 'this cell needs text, not a number or a date',
  ),
  'rt.inlineComparator': m<{ column: string }>(
    (p) => `phép so sánh ghi trong ô mức khác cột "${p.column}": chỉ ghi số ở đây`,
    (p) =>
      `the comparator written in the target cell differs from column "${p.column}": write only the number here`,
  ),
  'rt.cellError': m<{ error: string }>(
    (p) => `ô chứa lỗi bảng tính ${p.error}`,
    (p) => `the cell holds the spreadsheet error ${p.error}`,
  ),
  'rt.formula': m(
    () => 'ô là công thức chưa có kết quả: hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại',
    () => 'the cell is a formula without a result: open the file in Excel or LibreOffice and save it again',
  ),

  // Rows of the target sheet
  'rt.noIndicatorOrCriterion': m(
    () =>
      'dòng có nội dung nhưng không ghi tiêu chí: mỗi dòng cần mã tiêu chí (và mã chỉ tiêu nếu là dòng mức)',
    () =>
      'the row has content but no criterion: every row needs a criterion id (and an indicator id for a target row)',
  ),
  'rt.id': m(
    () => 'không phải mã hợp lệ (chữ, số, dấu chấm hoặc gạch nối, ví dụ 17.9, KM.2)',
    () => 'not a valid id (letters, digits, dots or hyphens, e.g. 17.9, KM.2)',
  ),
  'rt.rulesetMismatch': m<{ shown: string; id: string }>(
    (p) => `dòng thuộc bộ tiêu chí ${p.shown}, nhưng bảng này là của ${p.id}`,
    (p) => `the row belongs to ruleset ${p.shown}, but this table is ${p.id}`,
  ),
  'rt.differs': m<{ indicator: string; first: number; shown: string; other: string }>(
    (p) =>
      `cột này thuộc về cả chỉ tiêu ${p.indicator}, nên phải giống nhau trên mọi dòng của chỉ tiêu: dòng ${p.first} ghi ${p.other}, dòng này ghi ${p.shown}`,
    (p) =>
      `this column belongs to indicator ${p.indicator} as a whole, so it must be the same on all its rows: row ${p.first} says ${p.other}, this row ${p.shown}`,
  ),
  'rt.criterionDiffers': m<{ criterion: string; first: number; shown: string; other: string }>(
    (p) =>
      `tiêu chí ${p.criterion} đã có ở dòng ${p.first} với ${p.other}; dòng này ghi ${p.shown}: mỗi tiêu chí chỉ một dòng tiêu chí`,
    (p) =>
      `criterion ${p.criterion} is already on row ${p.first} with ${p.other}; this row says ${p.shown}: one criterion row per criterion`,
  ),
  'rt.indicatorTwoCriteria': m<{ indicator: string; first: number; criterion: string }>(
    (p) =>
      `chỉ tiêu ${p.indicator} đã được ghi thuộc tiêu chí ${p.criterion} ở dòng ${p.first}; một chỉ tiêu thuộc một tiêu chí`,
    (p) =>
      `indicator ${p.indicator} is under criterion ${p.criterion} on row ${p.first}; an indicator belongs to one criterion`,
  ),
  'rt.criterionRowMissing': m<{ criterion: string }>(
    (p) =>
      `tiêu chí ${p.criterion} chưa có dòng tiêu chí (dòng chỉ ghi mã tiêu chí và tên, không ghi mã chỉ tiêu); hãy thêm dòng đó`,
    (p) =>
      `criterion ${p.criterion} has no criterion row (a row with the criterion id and its name, no indicator id); add one`,
  ),
  'rt.criterionEmpty': m<{ criterion: string }>(
    (p) => `tiêu chí ${p.criterion} không có chỉ tiêu nào`,
    (p) => `criterion ${p.criterion} has no indicator`,
  ),
  'rt.documentMissing': m(
    () =>
      'chưa ghi số hiệu văn bản căn cứ, trong khi các cột căn cứ khác (phần, mục, hướng dẫn) có ghi: ghi số hiệu, hoặc xóa các cột đó để dùng căn cứ mặc định',
    () =>
      'no document is given while the other citation columns (part, item, guidance) are filled: give the document number, or clear them to use the default citation',
  ),
  'rt.duplicateCell': m<{ indicator: string; first: number }>(
    (p) => `chỉ tiêu ${p.indicator} đã có một dòng cho cùng vùng/nhóm xã và năm ở dòng ${p.first}`,
    (p) => `indicator ${p.indicator} already has a row for the same region/group and year on row ${p.first}`,
  ),
  'rt.mixedPlaces': m<{ indicator: string }>(
    (p) =>
      `các dòng của chỉ tiêu ${p.indicator} trộn vùng, nhóm xã và dòng không ghi vùng: một chỉ tiêu ghi mức theo vùng, hoặc theo nhóm xã, hoặc chung cho mọi xã`,
    (p) =>
      `the rows of indicator ${p.indicator} mix regions, commune groups and rows without one: an indicator has targets by region, or by group, or one for every commune`,
  ),
  'rt.mixedYears': m<{ indicator: string; place: string }>(
    (p) =>
      `các dòng của chỉ tiêu ${p.indicator}${p.place ? ` (${p.place})` : ''} vừa có dòng ghi năm vừa có dòng không ghi năm: ghi năm cho mọi dòng, hoặc một dòng không ghi năm`,
    (p) =>
      `the rows of indicator ${p.indicator}${p.place ? ` (${p.place})` : ''} mix rows with and without years: give years on every row, or one row without`,
  ),
  'rt.singleRow': m<{ indicator: string; what: string }>(
    (p) => `chỉ tiêu ${p.indicator} ${p.what} nên chỉ có một dòng, không chia theo vùng, nhóm xã hay năm`,
    (p) => `indicator ${p.indicator} ${p.what}, so it has one row, not split by region, group or year`,
  ),
  'rt.whatLogic': m(
    () => 'là phép thử tổng hợp (cột Biểu thức kiểm tra)',
    () => 'is a composite test (column Biểu thức kiểm tra)',
  ),
  'rt.whatFormula': m(
    () => 'có mức tính theo công thức (cột Công thức mức)',
    () => 'has a computed target (column Công thức mức)',
  ),
  'rt.formulaAndValue': m(
    () => 'dòng có cả mức và công thức mức: giữ một trong hai',
    () => 'the row has both a target and a target formula: keep one',
  ),
  'rt.noMeasure': m<{ indicator: string }>(
    (p) =>
      `chỉ tiêu ${p.indicator} không ghi mã số liệu (cột Mã số liệu) cũng không ghi biểu thức kiểm tra: không biết so sánh số liệu nào`,
    (p) =>
      `indicator ${p.indicator} names no measure (column Mã số liệu) and no expression: nothing to compare`,
  ),
  'rt.noComparator': m<{ indicator: string }>(
    (p) => `chỉ tiêu ${p.indicator} chưa ghi phép so sánh (≥, ≤, =…)`,
    (p) => `indicator ${p.indicator} has no comparator (≥, ≤, =…)`,
  ),
  'rt.measureKey': m(
    () => 'không phải mã số liệu hợp lệ (chữ thường không dấu, số và dấu _, ví dụ thu_nhap)',
    () => 'not a valid measure key (lower-case ASCII, digits and _, e.g. income)',
  ),
  'rt.nullConfidence': m(
    () => 'mức để trống (chưa biết) thì độ tin cậy là "chưa có mức"',
    () => 'an empty (unknown) target has the confidence "chưa có mức"',
  ),
  'rt.valueUnknown': m(
    () =>
      'đã có mức thì độ tin cậy không thể là "chưa có mức": ghi chính thức, nguồn thứ cấp hoặc giả định (kèm ghi chú lý do)',
    () =>
      'a target with a value cannot have confidence "chưa có mức": write chính thức, nguồn thứ cấp or giả định (with a note saying why)',
  ),
  'rt.cannotClear': m<{ indicator: string; value: string }>(
    (p) =>
      `ô trống, nhưng thông tin chung của chỉ tiêu ${p.indicator} (cột kỹ thuật) ghi ${p.value}: một mức không bỏ được thông tin chung; ghi giá trị riêng cho dòng này, hoặc sửa cột thông tin chung`,
    (p) =>
      `the cell is empty, but the common value of indicator ${p.indicator} (technical column) is ${p.value}: a target cannot drop it; give this row its own value, or change the common column`,
  ),
  'rt.rationaleEnOnly': m(
    () => 'có ghi chú tiếng Anh nhưng thiếu ghi chú tiếng Việt',
    () => 'there is an English note but no Vietnamese one',
  ),
  'rt.baseOwned': m<{ base: string; shown: string; expected: string }>(
    (p) =>
      `cột này lấy từ bộ tiêu chí ${p.base} và không sửa được trong tệp này (ghi ${p.shown}, bộ gốc là ${p.expected}); hãy để nguyên`,
    (p) =>
      `this column comes from ruleset ${p.base} and cannot be changed in this file (it says ${p.shown}, the base says ${p.expected}); leave it as it was`,
  ),
  'rt.notInBase': m<{ indicator: string; base: string }>(
    (p) =>
      `chỉ tiêu ${p.indicator} không có trong bộ tiêu chí ${p.base}; văn bản sửa đổi chỉ thay mức của chỉ tiêu đã có`,
    (p) =>
      `indicator ${p.indicator} is not in ruleset ${p.base}; an amendment only changes targets of existing indicators`,
  ),
  'rt.logicInOverlay': m<{ indicator: string; base: string }>(
    (p) =>
      `chỉ tiêu ${p.indicator} của ${p.base} là phép thử tổng hợp, không có mức để tỉnh nâng; bỏ dòng này`,
    (p) =>
      `indicator ${p.indicator} of ${p.base} is a composite test with no target to raise; remove this row`,
  ),
  'rt.unitMismatch': m<{ measure: string; unit: string; shown: string }>(
    (p) =>
      `đơn vị thuộc về số liệu ${p.measure} (${p.unit}); sửa ở trang "Số liệu", không sửa ở đây (dòng này ghi ${p.shown})`,
    (p) =>
      `the unit belongs to measure ${p.measure} (${p.unit}); change it on sheet "Số liệu", not here (this row says ${p.shown})`,
  ),
  'rt.loosens': m<{ indicator: string; where: string; province: string; national: string; base: string }>(
    (p) =>
      `chỉ tiêu ${p.indicator}${p.where ? ` (${p.where})` : ''}: mức của tỉnh ${p.province} thấp hơn mức quốc gia ${p.national} của ${p.base}; bộ tiêu chí của tỉnh chỉ được nâng mức, không được hạ`,
    (p) =>
      `indicator ${p.indicator}${p.where ? ` (${p.where})` : ''}: the province target ${p.province} is looser than the national target ${p.national} of ${p.base}; a province may only raise targets`,
  ),
  'rt.leavesEmpty': m<{ indicator: string; where: string; national: string; base: string }>(
    (p) =>
      `chỉ tiêu ${p.indicator}${p.where ? ` (${p.where})` : ''}: tỉnh để trống mức trong khi ${p.base} quy định ${p.national}; bỏ dòng này nếu tỉnh không đặt mức riêng`,
    (p) =>
      `indicator ${p.indicator}${p.where ? ` (${p.where})` : ''}: the province leaves the target empty where ${p.base} sets ${p.national}; remove the row if the province sets no target of its own`,
  ),
  'rt.moreCases': m<{ count: number }>(
    (p) => ` (và ${p.count} năm hoặc bộ tiêu chí khác)`,
    (p) => ` (and ${p.count} more years or rulesets)`,
  ),
  'rt.conflictsWith': m<{ file: string; reason: string; more: number }>(
    (p) =>
      `với bảng này, bộ tiêu chí ${p.file} (dùng cùng trong lần chạy) không còn hợp lệ: ${p.reason}${p.more > 0 ? ` (và ${p.more} ô khác)` : ''}. Nếu mức mới là đúng, bộ đó cũng phải sửa: đưa bản sửa của nó bằng --ruleset`,
    (p) =>
      `with this table, ruleset ${p.file} (used in the same run) is no longer valid: ${p.reason}${p.more > 0 ? ` (and ${p.more} more cells)` : ''}. If the new targets are right, that ruleset must be corrected too: give its corrected file with --ruleset`,
  ),
  'rt.comparatorLooser': m<{ indicator: string; op: string; national: string; allowed: string }>(
    (p) =>
      `chỉ tiêu ${p.indicator}: phép so sánh ${p.op} không chặt hơn phép so sánh quốc gia ${p.national} (được dùng: ${p.allowed})`,
    (p) =>
      `indicator ${p.indicator}: the comparator ${p.op} is not stricter than the national ${p.national} (allowed: ${p.allowed})`,
  ),

  // Other sheets
  'rt.infoUnknownField': m<{ shown: string }>(
    (p) => `trường ${p.shown} không có trong trang Thông tin chung (xem cột Mã trường để biết các trường)`,
    (p) => `unknown field ${p.shown} on the information sheet (see the column Mã trường for the fields)`,
  ),
  'rt.infoKind': m<{ shown: string }>(
    (p) =>
      `${p.shown} không phải loại bảng; ghi một trong: Bộ tiêu chí quốc gia, Văn bản sửa đổi, Bộ tiêu chí của tỉnh`,
    (p) =>
      `${p.shown} is not a kind of table; write one of: Bộ tiêu chí quốc gia, Văn bản sửa đổi, Bộ tiêu chí của tỉnh`,
  ),
  'rt.duplicateKey': m<{ key: string; first: number }>(
    (p) => `${p.key} đã có ở dòng ${p.first}`,
    (p) => `${p.key} is already on row ${p.first}`,
  ),
  'rt.valuesWithoutMeasure': m<{ measure: string }>(
    (p) => `số liệu ${p.measure} không có trên trang "Số liệu"`,
    (p) => `measure ${p.measure} is not on sheet "Số liệu"`,
  ),
  'rt.notEnum': m<{ measure: string }>(
    (p) => `số liệu ${p.measure} không phải kiểu lựa chọn, nên không có danh sách giá trị`,
    (p) => `measure ${p.measure} is not a choice measure, so it has no list of values`,
  ),

  // Files and commands
  'rt.noTargetSheet': m<{ file: string; sheet: string; names: string }>(
    (p) =>
      `${p.file}: không có trang "${p.sheet}" (các trang: ${p.names}); đây không phải bảng tiêu chí do ntm rules export tạo`,
    (p) =>
      `${p.file}: no sheet "${p.sheet}" (sheets: ${p.names}); this is not a table written by ntm rules export`,
  ),
  'rt.noHeader': m<{ file: string; sheet: string; missing: string }>(
    (p) =>
      `${p.file}, trang "${p.sheet}": thiếu các cột ${p.missing}. Đừng xóa cột của bảng (có thể ẩn cột); nếu đã xóa, xuất lại bảng bằng ntm rules export`,
    (p) =>
      `${p.file}, sheet "${p.sheet}": the columns ${p.missing} are missing. Do not delete the table's columns (hide them instead); if you did, export the table again with ntm rules export`,
  ),
  'rt.headerProblems': m<{ file: string; sheet: string }>(
    (p) => `${p.file}, trang "${p.sheet}": dòng tiêu đề có lỗi`,
    (p) => `${p.file}, sheet "${p.sheet}": the header row has problems`,
  ),
  'rt.unknownColumn': m<{ file: string; sheet: string; column: string; hint: string | null }>(
    (p) =>
      `${p.file}, trang "${p.sheet}": cột "${p.column}" không thuộc bảng tiêu chí${p.hint ? ` (có phải "${p.hint}"?)` : ''}; xóa cột hoặc sửa tên`,
    (p) =>
      `${p.file}, sheet "${p.sheet}": column "${p.column}" is not a column of the table${p.hint ? ` (did you mean "${p.hint}"?)` : ''}; remove or rename it`,
  ),
  'rt.sameColumn': m<{ file: string; sheet: string; column: string }>(
    (p) => `${p.file}, trang "${p.sheet}": cột "${p.column}" có hai lần`,
    (p) => `${p.file}, sheet "${p.sheet}": column "${p.column}" appears twice`,
  ),
  'rt.csvNoRuleset': m<{ file: string }>(
    (p) =>
      `${p.file}: tệp CSV không ghi bộ tiêu chí nào (cột "Bộ tiêu chí"); tệp CSV chỉ chứa bảng mức, phần còn lại lấy từ bộ tiêu chí cùng mã`,
    (p) =>
      `${p.file}: the CSV names no ruleset (column "Bộ tiêu chí"); a CSV holds only the target table, the rest comes from the ruleset of that id`,
  ),
  'rt.csvSeveralRulesets': m<{ file: string; ids: string }>(
    (p) => `${p.file}: tệp CSV ghi nhiều bộ tiêu chí (${p.ids}); mỗi tệp CSV là bảng của một bộ tiêu chí`,
    (p) => `${p.file}: the CSV names several rulesets (${p.ids}); a CSV is the table of one ruleset`,
  ),
  'rt.unknownRuleset': m<{ id: string; known: string }>(
    (p) =>
      `không có bộ tiêu chí mã "${p.id}". Các mã: ${p.known}. Bộ tiêu chí riêng: thêm --ruleset <tệp.json>`,
    (p) => `no ruleset with id "${p.id}". Known: ${p.known}. Your own ruleset: add --ruleset <file.json>`,
  ),
  'rt.baseMissing': m<{ id: string }>(
    (p) => `bộ tiêu chí gốc "${p.id}" chưa có: thêm --ruleset <tệp của nó>`,
    (p) => `the base ruleset "${p.id}" is not known: add --ruleset <its file>`,
  ),
  'rt.outExtension': m<{ option: string; extensions: string }>(
    (p) => `${p.option} phải có đuôi ${p.extensions}`,
    (p) => `${p.option} must end in ${p.extensions}`,
  ),
  'rt.giveOut': m<{ example: string }>(
    (p) => `hãy ghi --out, ví dụ ${p.example}`,
    (p) => `give --out, e.g. ${p.example}`,
  ),
  'rt.outOrDir': m<{ count: number; ids: string }>(
    (p) =>
      `bảng tạo ra ${p.count} tệp bộ tiêu chí (${p.ids}): dùng --out-dir <thư mục> thay cho --out để ghi từng tệp`,
    (p) => `the table makes ${p.count} ruleset files (${p.ids}): use --out-dir <folder> instead of --out`,
  ),
  'rt.importFormat': m<{ file: string }>(
    (p) => `${p.file}: chỉ nhập được bảng .xlsx hoặc .csv`,
    (p) => `${p.file}: only .xlsx and .csv tables can be imported`,
  ),
  'rt.exported': m<{ file: string; id: string; rows: number; sheets: number }>(
    (p) => `ntm: đã ghi ${p.file}: bảng tiêu chí ${p.id}, ${p.rows} dòng mức, ${p.sheets} trang\n`,
    (p) => `ntm: wrote ${p.file}: criteria table of ${p.id}, ${p.rows} target rows, ${p.sheets} sheets\n`,
  ),
  'rt.exportedCsv': m<{ file: string; id: string; rows: number }>(
    (p) =>
      `ntm: đã ghi ${p.file}: bảng mức của ${p.id}, ${p.rows} dòng (tệp CSV chỉ có bảng mức; thông tin chung, số liệu… ở bản Excel)\n`,
    (p) =>
      `ntm: wrote ${p.file}: target table of ${p.id}, ${p.rows} rows (a CSV holds only the target table; the rest is in the Excel version)\n`,
  ),
  'rt.pendingWritten': m<{ file: string; rows: number; rulesets: number }>(
    (p) =>
      `ntm: đã ghi ${p.file}: ${p.rows} mức chưa chính thức của ${p.rulesets} bộ tiêu chí, để văn phòng điền và gửi lại\n`,
    (p) =>
      `ntm: wrote ${p.file}: ${p.rows} targets not yet official, from ${p.rulesets} rulesets, for an office to fill in and send back\n`,
  ),
  'rt.imported': m<{ file: string; id: string; kind: string }>(
    (p) => `ntm: đã ghi ${p.file}: ${p.kind} ${p.id}, đã kiểm tra hợp lệ\n`,
    (p) => `ntm: wrote ${p.file}: ${p.kind} ${p.id}, validated\n`,
  ),
  'rt.importFailed': m<{ file: string; count: number }>(
    (p) => `ntm: ${p.file}: ${p.count} lỗi; chưa ghi tệp nào. Sửa các ô trên rồi nhập lại.\n`,
    (p) =>
      `ntm: ${p.file}: ${p.count} problems; nothing was written. Fix the cells above and import again.\n`,
  ),
  'rt.nothingChanged': m<{ file: string }>(
    (p) => `ntm: ${p.file}: không có mức nào thay đổi so với bộ tiêu chí hiện có; không ghi tệp nào\n`,
    (p) => `ntm: ${p.file}: no target differs from the current rulesets; nothing was written\n`,
  ),
  'rt.measureDeclared': m<{ key: string; label: string; type: string; row: number }>(
    (p) =>
      `ntm: số liệu mới ${p.key} (${p.label}, kiểu ${p.type}) được khai báo từ dòng ${p.row}; kiểm tra lại trên trang "Số liệu" của bản xuất sau\n`,
    (p) =>
      `ntm: new measure ${p.key} (${p.label}, type ${p.type}) declared from row ${p.row}; check it on sheet "Số liệu" of the next export\n`,
  ),
  'rt.englishFilled': m<{ count: number }>(
    (p) => `ntm: ${p.count} tên chưa có bản tiếng Anh; đã dùng tạm tên tiếng Việt\n`,
    (p) => `ntm: ${p.count} names had no English version; the Vietnamese one stands in\n`,
  ),
  'rt.partsIgnored': m<{ kind: string; parts: string }>(
    (p) => `ntm: lưu ý: ${p.kind} không có các phần sau, nên chúng không được ghi: ${p.parts}\n`,
    (p) => `ntm: note: a ${p.kind} has no place for these parts, so they were left out: ${p.parts}\n`,
  ),
  'rt.placeholderKept': m<{ criterion: string; placeholder: string }>(
    (p) =>
      `ntm: lưu ý: tiêu chí ${p.criterion} có chỉ tiêu mới nhưng vẫn còn chỉ tiêu giữ chỗ ${p.placeholder}; tiêu chí chưa thể kết luận đạt cho tới khi xóa dòng giữ chỗ\n`,
    (p) =>
      `ntm: note: criterion ${p.criterion} has new indicators but still its placeholder ${p.placeholder}; it cannot be found met until the placeholder row is removed\n`,
  ),
  'rt.placeholderReplaced': m<{ criterion: string; placeholder: string; ruleset: string }>(
    (p) =>
      `ntm: ${p.ruleset}: các chỉ tiêu mới của tiêu chí ${p.criterion} thay chỉ tiêu giữ chỗ ${p.placeholder}\n`,
    (p) =>
      `ntm: ${p.ruleset}: the new indicators of criterion ${p.criterion} replace the placeholder ${p.placeholder}\n`,
  ),
  'rt.pendingMode': m<{ shown: string }>(
    (p) =>
      `${p.shown} không phải cách nhập; ghi "Bản sửa của bộ tiêu chí (cùng mã)" hoặc "Bộ tiêu chí của tỉnh (chỉ nâng mức)"`,
    (p) =>
      `${p.shown} is not an import mode; write "Bản sửa của bộ tiêu chí (cùng mã)" or "Bộ tiêu chí của tỉnh (chỉ nâng mức)"`,
  ),
  'rt.pendingNeeds': m<{ field: string }>(
    (p) => `để tạo bộ tiêu chí của tỉnh, hãy điền "${p.field}" trên trang Thông tin chung`,
    (p) => `to make a province ruleset, fill in "${p.field}" on the information sheet`,
  ),
  'rt.pendingOverlayOfOverlay': m<{ id: string }>(
    (p) =>
      `dòng thuộc ${p.id}, là bộ tiêu chí của tỉnh: mức của nó được sửa trong chính bộ đó (bản sửa cùng mã)`,
    (p) => `the row belongs to ${p.id}, a province ruleset: its targets are corrected in that ruleset itself`,
  ),
  'group.unknown': m(
    () =>
      'không phải nhóm xã; ghi Nhóm 1, Nhóm 2 hoặc Nhóm 3 (hoặc nhom-1, nhom-2, nhom-3) theo 51/2025/QĐ-TTg',
    () => 'not a commune group; write Nhóm 1, Nhóm 2 or Nhóm 3 (or nhom-1, nhom-2, nhom-3) of 51/2025/QĐ-TTg',
  ),
  'ruleset.replaced': m<{ ids: string }>(
    (p) => `ntm: bộ tiêu chí ${p.ids} được thay bằng tệp --ruleset cùng mã trong lần chạy này\n`,
    (p) => `ntm: ruleset ${p.ids} is replaced by the --ruleset file of the same id for this run\n`,
  ),
} as const;
