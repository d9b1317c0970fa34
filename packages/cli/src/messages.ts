/**
 * The message catalogue of the CLI's readers, cell parser, outputs and safety checks: every message has an id
 * and a Vietnamese (default) and an English text, built from named parameters. `tr(lang, id, params)` renders
 * one. `--lang en` or `NTM_LANG=en` selects English (see {@link defaultLang}).
 *
 * Parameters are plain values (text, numbers); a list is joined by the caller. Values quoted from the user's
 * data are shortened and quoted by the caller (see `quote` in io/cells.ts).
 */
import type { Lang } from './i18n.js';
import { m, nen, nvi, type Params, type Texts } from './message-kit.js';
import { CLI_MESSAGES } from './messages-cli.js';
import { RULES_TABLE_MESSAGES } from './rules-table/messages.js';

/** A size in bytes as people read it: "256 MiB", "1,5 GiB", "812 KiB". */
export function formatBytes(bytes: number, lang: Lang): string {
  const units = ['byte', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const format = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });
  return `${format.format(value)} ${units[unit]}`;
}

export const MESSAGES = {
  // The commands' own texts (help, usage errors, status lines): see messages-cli.ts.
  ...CLI_MESSAGES,
  // ---------------------------------------------------------------------------------------------------------
  // Cells (io/cells.ts)
  'cell.notANumber': m(
    () => 'không phải là số',
    () => 'not a number',
  ),
  'cell.tooLarge': m(
    () => 'số quá lớn',
    () => 'the number is too large',
  ),
  'cell.notWhole': m<{ value: string }>(
    (p) => `cần một số nguyên, nhận được ${p.value}`,
    (p) => `expected a whole number, got ${p.value}`,
  ),
  'cell.belowMin': m<{ value: string; min: string; unit: string }>(
    (p) => `${p.value}${p.unit} nhỏ hơn giá trị hợp lệ nhỏ nhất ${p.min}${p.unit}`,
    (p) => `${p.value}${p.unit} is below the smallest valid value ${p.min}${p.unit}`,
  ),
  'cell.aboveMax': m<{ value: string; max: string; unit: string }>(
    (p) => `${p.value}${p.unit} lớn hơn giá trị hợp lệ lớn nhất ${p.max}${p.unit}`,
    (p) => `${p.value}${p.unit} is above the largest valid value ${p.max}${p.unit}`,
  ),
  'cell.formula': m<{ shown: string }>(
    (p) => `${p.shown} là công thức, không phải kết quả: hãy lưu giá trị (tệp CSV không giữ kết quả đã tính)`,
    (p) => `${p.shown} is a formula, not its result: save the values (a CSV keeps no calculated result)`,
  ),
  'cell.percentSignNotPercent': m<{ shown: string; unit: string }>(
    (p) =>
      `${p.shown} có dấu phần trăm, nhưng chỉ tiêu này không phải tỷ lệ phần trăm${p.unit ? ` (đơn vị: ${p.unit})` : ''}`,
    (p) =>
      `${p.shown} has a percent sign, but this measure is not a percentage${p.unit ? ` (its unit is ${p.unit})` : ''}`,
  ),
  'cell.dash': m<{ shown: string }>(
    (p) => `${p.shown} không rõ nghĩa (thiếu số liệu hay bằng 0?): để trống ô khi chưa có số liệu`,
    (p) => `${p.shown} is ambiguous (missing or zero?): leave the cell empty when the value is not known`,
  ),
  'cell.scientific': m<{ shown: string }>(
    (p) => `${p.shown} viết dạng lũy thừa (khoa học); hãy ghi số đầy đủ`,
    (p) => `${p.shown} is in scientific notation; write the number in full`,
  ),
  'cell.dateLike': m<{ shown: string }>(
    (p) => `${p.shown} trông như ngày tháng, không phải số`,
    (p) => `${p.shown} looks like a date, not a number`,
  ),
  'cell.notANumberShown': m<{ shown: string; percent: boolean }>(
    (p) => `${p.shown} không phải là số${p.percent ? ' (ví dụ 85, 85,5 hoặc 85,5 %)' : ''}`,
    (p) => `${p.shown} is not a number${p.percent ? ' (e.g. 85, 85,5 or 85,5 %)' : ''}`,
  ),
  'cell.groupedNotMoney': m<{ shown: string; value: string }>(
    (p) =>
      `${p.shown} có dấu phân cách hàng nghìn, chỉ được đọc ở cột tiền; hãy ghi ${p.value} không có dấu phân cách`,
    (p) =>
      `${p.shown} uses thousands separators, which are read only in money columns; write ${p.value} without separators`,
  ),
  'cell.spaces': m<{ shown: string }>(
    (p) => `${p.shown}: dấu cách trong số chỉ được dùng giữa các nhóm ba chữ số`,
    (p) => `${p.shown}: spaces inside a number are read only between groups of three digits`,
  ),
  'cell.mixedSeparators': m<{ shown: string }>(
    (p) => `${p.shown} trộn "." và "," theo cách không thành một số`,
    (p) => `${p.shown} mixes "." and "," in a way that is not a number`,
  ),
  'cell.badGrouping': m<{ shown: string; separator: string }>(
    (p) => `${p.shown} có nhiều dấu "${p.separator}" nhưng không chia thành các nhóm hàng nghìn`,
    (p) => `${p.shown} has several "${p.separator}" but is not grouped by thousands`,
  ),
  'cell.ambiguousSeparator': m<{
    shown: string;
    thousands: string;
    decimal: string;
    separator: string;
    decimalWritten: string;
  }>(
    (p) =>
      `${p.shown} không rõ nghĩa: ${p.thousands} ("${p.separator}" là dấu phân cách hàng nghìn) hay ${p.decimal} ("${p.separator}" là dấu thập phân); ghi ${p.thousands} nếu là số thứ nhất, hoặc ${p.decimalWritten} nếu là số thứ hai`,
    (p) =>
      `${p.shown} is ambiguous: ${p.thousands} ("${p.separator}" as thousands separator) or ${p.decimal} ("${p.separator}" as decimal separator); write ${p.thousands} for the first, or ${p.decimalWritten} for the second`,
  ),
  'cell.booleanAmbiguous': m<{ shown: string }>(
    (p) =>
      `${p.shown} không rõ nghĩa (có bảng dùng nó để đánh dấu "có", có bảng để đánh dấu "không"): hãy ghi Có hoặc Không`,
    (p) => `${p.shown} is ambiguous (some sheets mark "yes" with it, others "no"): write Có or Không`,
  ),
  'cell.booleanExpected': m<{ shown: string }>(
    (p) => `cần ghi Có hoặc Không (cũng nhận Đạt/Chưa đạt, true/false, yes/no, 1/0), nhận được ${p.shown}`,
    (p) => `expected Có or Không (also Đạt/Chưa đạt, true/false, yes/no, 1/0), got ${p.shown}`,
  ),
  'cell.enumUnknown': m<{ shown: string; allowed: string }>(
    (p) => `giá trị ${p.shown} không có trong danh sách; cần một trong: ${p.allowed}`,
    (p) => `unknown value ${p.shown}; expected one of ${p.allowed}`,
  ),
  'cell.enumUnknownInList': m<{ shown: string; allowed: string }>(
    (p) => `giá trị ${p.shown} không có trong danh sách; các giá trị được nhận: ${p.allowed}`,
    (p) => `unknown value ${p.shown}; expected values among ${p.allowed}`,
  ),
  'cell.enumTwice': m<{ id: string }>(
    (p) => `danh sách ghi ${p.id} hai lần`,
    (p) => `the list names ${p.id} twice`,
  ),
  'cell.spreadsheetError': m<{ error: string }>(
    (p) => `ô chứa lỗi bảng tính ${p.error}`,
    (p) => `the cell holds the spreadsheet error ${p.error}`,
  ),
  'cell.dateInCell': m<{ date: string; boolean: boolean }>(
    (p) =>
      `ô chứa ngày tháng (${p.date}), không phải ${p.boolean ? 'giá trị Có/Không' : 'giá trị số'}: bảng tính đã định dạng số thành ngày; hãy định dạng cột là số rồi nhập lại`,
    (p) =>
      `the cell holds a date (${p.date}), not a ${p.boolean ? 'yes/no value' : 'value'}: the spreadsheet formatted the number as a date; format the column as Number and retype it`,
  ),
  'cell.invalidDate': m(
    () => 'ngày không hợp lệ',
    () => 'an invalid date',
  ),
  'cell.booleanGiven': m<{ value: string; list: boolean }>(
    (p) => `cần ${p.list ? 'một giá trị trong danh sách' : 'một số'}, nhận được ${p.value}`,
    (p) => `expected a ${p.list ? 'value from the list' : 'number'}, got ${p.value}`,
  ),
  'cell.numberForBoolean': m<{ value: string }>(
    (p) => `cần Có hoặc Không (hoặc 1/0), nhận được số ${p.value}`,
    (p) => `expected Có or Không (or 1/0), got the number ${p.value}`,
  ),
  'cell.percentFormatNotPercent': m<{ percent: string }>(
    (p) => `ô được định dạng phần trăm (${p.percent} %), nhưng chỉ tiêu này không phải tỷ lệ phần trăm`,
    (p) => `the cell is formatted as a percentage (${p.percent} %), but this measure is not a percentage`,
  ),
  'cell.formulaNoResult': m(
    () => 'công thức chưa có kết quả được lưu (hãy mở và lưu tệp bằng Excel để tính)',
    () => 'a formula with no stored result (open and save the file in Excel to calculate it)',
  ),
  'cell.mergedShown': m<{ master: string }>(
    (p) => `(gộp với ${p.master})`,
    (p) => `(merged with ${p.master})`,
  ),
  'cell.merged': m<{ master: string }>(
    (p) =>
      `ô bị gộp với ${p.master}: hãy bỏ gộp ô và điền đủ từng dòng (ô gộp không được đọc như giá trị lặp lại)`,
    (p) =>
      `the cell is merged with ${p.master}: unmerge the cells and fill in every row (merged cells are not read as repeated values)`,
  ),
  'json.expectedBoolean': m<{ shown: string }>(
    (p) => `cần true hoặc false, nhận được ${p.shown}`,
    (p) => `expected true or false, got ${p.shown}`,
  ),
  'json.expectedList': m<{ list: string; shown: string }>(
    (p) => `cần một danh sách các giá trị trong số ${p.list}, nhận được ${p.shown}`,
    (p) => `expected a list of values among ${p.list}, got ${p.shown}`,
  ),
  'json.unknownListValue': m<{ shown: string; list: string }>(
    (p) => `giá trị ${p.shown} không có trong danh sách; cần ${p.list}`,
    (p) => `unknown value ${p.shown}; expected ${p.list}`,
  ),
  'json.listRepeats': m(
    () => 'danh sách lặp lại một giá trị',
    () => 'the list repeats a value',
  ),
  'json.expectedOneOf': m<{ list: string; shown: string }>(
    (p) => `cần một trong các giá trị ${p.list}, nhận được ${p.shown}`,
    (p) => `expected one of ${p.list}, got ${p.shown}`,
  ),
  'json.expectedNumberGotText': m<{ shown: string }>(
    (p) =>
      `cần một số, nhận được chuỗi ${p.shown} (giá trị trong JSON không được chuyển đổi: ghi 85.5, không ghi "85,5")`,
    (p) =>
      `expected a number, got the text ${p.shown} (JSON values are not converted: write 85.5, not "85,5")`,
  ),
  'json.expectedNumber': m<{ shown: string }>(
    (p) => `cần một số, nhận được ${p.shown}`,
    (p) => `expected a number, got ${p.shown}`,
  ),

  // ---------------------------------------------------------------------------------------------------------
  // Rows and commune fields (io/rows.ts, io/columns.ts)
  'row.dateNotText': m(
    () => 'ô chứa ngày tháng, không phải chữ',
    () => 'the cell holds a date, not text',
  ),
  'row.booleanNotText': m(
    () => 'ô chứa TRUE/FALSE, không phải chữ',
    () => 'the cell holds TRUE/FALSE, not text',
  ),
  'row.valueWithoutHeader': m(
    () => 'ô có giá trị nhưng cột của nó không có tiêu đề',
    () => 'the cell has a value but its column has no header',
  ),
  'row.idEmpty': m(
    () => 'mã xã để trống',
    () => 'the commune id is empty',
  ),
  'row.nameEmpty': m(
    () => 'tên xã để trống',
    () => 'the commune name is empty',
  ),
  'row.notADate': m(
    () => 'ngày số liệu không phải một ngày có thật; ghi dạng 15/11/2023 hoặc 2023-11-15',
    () => 'the data date is not a real day; write it as 2023-11-15 or 15/11/2023',
  ),
  'row.duplicateId': m<{ id: string; unit: 'row' | 'item'; first: number }>(
    (p) => {
      const unit = p.unit === 'item' ? 'mục' : 'dòng';
      return `mã xã ${p.id} trùng với ${unit} ${p.first} (so sánh sau khi bỏ dấu cách thừa và chuẩn hóa Unicode); ${unit} này không được đánh giá`;
    },
    (p) =>
      `duplicate commune id ${p.id} (first on ${p.unit} ${p.first}, compared once spaces are trimmed and Unicode normalised); this ${p.unit} is not evaluated`,
  ),
  'row.extraCells': m<{ cells: number; columns: number }>(
    (p) =>
      `dòng có ${p.cells} ô nhưng dòng tiêu đề có ${p.columns} cột (có dấu phân cách nằm trong một giá trị không đặt trong ngoặc kép?)`,
    (p) =>
      `the row has ${p.cells} cells but the header has ${p.columns} columns (a separator inside an unquoted value?)`,
  ),
  'column.unnamed': m<{ n: number }>(
    (p) => `(cột ${p.n})`,
    (p) => `(column ${p.n})`,
  ),
  'column.commune': m(
    () => '(xã)',
    () => '(commune)',
  ),
  'header.several': m<{ keys: string }>(
    (p) => `tiêu đề khớp với nhiều chỉ tiêu (${p.keys}): hãy dùng mã chỉ tiêu`,
    (p) => `the header matches several measures (${p.keys}): use the measure key instead`,
  ),
  'header.unknown': m<{ hint: string | null; fields: string }>(
    (p) =>
      `cột không nhận ra${p.hint ? ` (có phải "${p.hint}"?)` : ''}: không phải trường của xã (${p.fields}), cũng không phải mã hay tên của một chỉ tiêu`,
    (p) =>
      `unknown column${p.hint ? ` (did you mean "${p.hint}"?)` : ''}: not a commune field (${p.fields}) nor a measure key or label`,
  ),
  'header.tooLong': m<{ length: number; limit: number }>(
    (p) =>
      `tiêu đề dài ${nvi(p.length)} ký tự, quá giới hạn ${nvi(p.limit)} ký tự: không phải tên của một cột`,
    (p) =>
      `the header is ${nen(p.length)} characters long, over the limit of ${nen(p.limit)}: not a column name`,
  ),
  'header.sameColumn': m<{ first: string; meaning: string }>(
    (p) => `trùng cột với "${p.first}" (cả hai đều là ${p.meaning})`,
    (p) => `same column as "${p.first}" (both mean ${p.meaning})`,
  ),
  'header.missingField': m<{ field: string; accepted: string }>(
    (p) => `không có cột "${p.field}" (tiêu đề được nhận: ${p.accepted})`,
    (p) => `no "${p.field}" column (accepted headers: ${p.accepted})`,
  ),
  'header.moreUnknown': m<{ count: number }>(
    (p) => `và ${nvi(p.count)} cột khác cũng không nhận ra`,
    (p) => `and ${nen(p.count)} more unknown columns`,
  ),
  'province.ambiguous': m<{ ids: string }>(
    (p) => `tên tỉnh không rõ (${p.ids}): hãy dùng mã tỉnh`,
    (p) => `province name is ambiguous (${p.ids}): use the id`,
  ),
  'province.unknown': m<{ hint: string | null }>(
    (p) =>
      `không nhận ra tỉnh${p.hint ? ` (có phải ${p.hint}?)` : ''}; hãy dùng mã tỉnh như nam-dinh hoặc tên tỉnh`,
    (p) =>
      `unknown province${p.hint ? ` (did you mean ${p.hint}?)` : ''}; use an id such as nam-dinh or the name`,
  ),
  'region.unknown': m<{ regions: string }>(
    (p) => `không nhận ra vùng; cần một trong ${p.regions} (hoặc tên vùng)`,
    (p) => `unknown region; expected one of ${p.regions} (or the region's name)`,
  ),
  'category.unknown': m<{ part: string; known: string }>(
    (p) => `không nhận ra loại xã "${p.part}"; các loại đã biết: ${p.known}`,
    (p) => `unknown commune category "${p.part}"; known: ${p.known}`,
  ),

  // ---------------------------------------------------------------------------------------------------------
  // Reading files (io/read*.ts)
  'read.missing': m<{ file: string }>(
    (p) => `không đọc được ${p.file}: không có tệp này`,
    (p) => `cannot read ${p.file}: no such file`,
  ),
  'read.folder': m<{ file: string }>(
    (p) => `không đọc được ${p.file}: đây là một thư mục, không phải tệp`,
    (p) => `cannot read ${p.file}: it is a folder, not a file`,
  ),
  'read.denied': m<{ file: string }>(
    (p) => `không đọc được ${p.file}: không có quyền đọc tệp này`,
    (p) => `cannot read ${p.file}: permission denied`,
  ),
  'read.failed': m<{ file: string; code: string }>(
    (p) => `không đọc được ${p.file} (lỗi hệ thống ${p.code})`,
    (p) => `cannot read ${p.file} (system error ${p.code})`,
  ),
  'read.tooLarge': m<{ file: string; size: string; limit: string }>(
    (p) =>
      `${p.file} nặng ${p.size}, vượt giới hạn ${p.limit} cho một tệp đầu vào: hãy chia thành nhiều tệp nhỏ hơn (ví dụ theo huyện)`,
    (p) =>
      `${p.file} is ${p.size}, over the limit of ${p.limit} for one input file: split it into smaller files (e.g. by district)`,
  ),
  'read.streamTooLarge': m<{ file: string; limit: string }>(
    (p) =>
      `${p.file}: đã đọc ${p.limit} (giới hạn cho một tệp đầu vào) mà chưa hết dữ liệu; ntm dừng đọc. Đây có phải là một tệp dữ liệu không?`,
    (p) =>
      `${p.file}: read ${p.limit} (the limit for one input file) without reaching its end; ntm stopped reading. Is it a data file?`,
  ),
  'read.oldFormat': m<{ file: string; extension: string }>(
    (p) => `${p.file}: ntm không đọc tệp ${p.extension}; hãy lưu sổ tính thành .xlsx`,
    (p) => `${p.file}: ${p.extension} files are not read; save the workbook as .xlsx`,
  ),
  'read.tooManyRows': m<{ file: string; limit: number }>(
    (p) =>
      `${p.file} có hơn ${nvi(p.limit)} dòng dữ liệu, vượt giới hạn cho một tệp: hãy chia thành nhiều tệp nhỏ hơn (ví dụ theo tỉnh)`,
    (p) =>
      `${p.file} has more than ${nen(p.limit)} data rows, over the limit for one file: split it into smaller files (e.g. by province)`,
  ),
  'read.tooManyColumns': m<{ file: string; line: number; limit: number }>(
    (p) =>
      `${p.file}, dòng ${p.line}: có hơn ${nvi(p.limit)} cột, vượt giới hạn ${nvi(p.limit)} cột (cũng là giới hạn của Excel)`,
    (p) =>
      `${p.file}, line ${p.line}: more than ${nen(p.limit)} columns, over the limit of ${nen(p.limit)} (Excel's own limit)`,
  ),
  'read.tooManyLines': m<{ file: string; limit: number }>(
    (p) =>
      `${p.file} có hơn ${nvi(p.limit)} dòng (kể cả dòng trống), vượt giới hạn số dòng của Excel: hãy chia thành nhiều tệp nhỏ hơn`,
    (p) =>
      `${p.file} has more than ${nen(p.limit)} lines (blank ones included), over Excel's row limit: split it into smaller files`,
  ),
  'text.zip': m<{ file: string }>(
    (p) =>
      `${p.file} là tệp nén zip, không phải văn bản: có lẽ là sổ Excel mang đuôi khác? Hãy đổi đuôi tệp thành .xlsx`,
    (p) =>
      `${p.file} is a zip archive, not text: an Excel workbook with another extension? Rename it to .xlsx`,
  ),
  'text.utf16NoBom': m<{ file: string }>(
    (p) => `${p.file} có vẻ là văn bản UTF-16 không có dấu BOM: hãy lưu lại theo kiểu "CSV UTF-8"`,
    (p) => `${p.file} looks like UTF-16 text without a byte-order mark: save it as "CSV UTF-8"`,
  ),
  'text.binary': m<{ file: string }>(
    (p) => `${p.file} là tệp nhị phân, không phải văn bản: cần văn bản CSV (hoặc JSON), hoặc sổ Excel .xlsx`,
    (p) => `${p.file} is a binary file, not text: expected CSV (or JSON) text, or an .xlsx workbook`,
  ),
  'text.notUtf8': m<{ file: string }>(
    (p) =>
      `${p.file} không phải văn bản UTF-8 (tệp "CSV" kiểu cũ của Excel, theo bảng mã Windows?): hãy lưu lại theo kiểu "CSV UTF-8" hoặc thành .xlsx`,
    (p) =>
      `${p.file} is not UTF-8 text (an old Excel "CSV" in the Windows code page?): save it as "CSV UTF-8" or as .xlsx`,
  ),
  'csv.invalid': m<{ file: string; line: number | null; why: string }>(
    (p) => `${p.file} không phải CSV hợp lệ${p.line ? ` (dòng ${p.line})` : ''}: ${p.why}`,
    (p) => `${p.file} is not valid CSV${p.line ? ` (line ${p.line})` : ''}: ${p.why}`,
  ),
  'csv.quoteNotClosed': m(
    () => 'một dấu ngoặc kép được mở mà không đóng',
    () => 'a quote is opened and never closed',
  ),
  'csv.badClosingQuote': m(
    () => 'có ký tự ngay sau dấu ngoặc kép đóng (dấu ngoặc kép bên trong giá trị phải viết đôi: "")',
    () => 'characters follow a closing quote (a quote inside a value must be doubled: "")',
  ),
  'csv.badQuote': m(
    () => 'dấu ngoặc kép nằm giữa một giá trị không đặt trong ngoặc kép',
    () => 'a quote inside a value that is not quoted',
  ),
  'csv.otherError': m<{ code: string }>(
    (p) => `cấu trúc tệp không hợp lệ (${p.code})`,
    (p) => `the file's structure is invalid (${p.code})`,
  ),
  'csv.empty': m<{ file: string }>(
    (p) => `${p.file} rỗng: cần một dòng tiêu đề (mã xã, tên xã, rồi mỗi chỉ tiêu một cột)`,
    (p) => `${p.file} is empty: expected a header row (id, name, then one column per measure)`,
  ),
  'header.problems': m<{ file: string }>(
    (p) => `${p.file}: dòng tiêu đề có lỗi`,
    (p) => `${p.file}: the header row has problems`,
  ),
  'json.invalid': m<{ file: string; why: string }>(
    (p) => `${p.file} không phải JSON hợp lệ: ${p.why}`,
    (p) => `${p.file} is not valid JSON: ${p.why}`,
  ),
  'json.syntaxAt': m<{ line: number; column: number }>(
    (p) => `lỗi cú pháp ở dòng ${p.line}, cột ${p.column}`,
    (p) => `syntax error at line ${p.line}, column ${p.column}`,
  ),
  'json.endsEarly': m(
    () => 'tệp kết thúc giữa chừng (thiếu dấu đóng ] hoặc })',
    () => 'the file ends in the middle (a closing ] or } is missing)',
  ),
  'json.syntax': m(
    () => 'lỗi cú pháp',
    () => 'syntax error',
  ),
  'json.notAList': m<{ file: string }>(
    (p) => `${p.file}: cần một mảng các xã, hoặc một đối tượng { "communes": [...] }`,
    (p) => `${p.file}: expected an array of communes or an object { "communes": [...] }`,
  ),
  'json.notACommune': m(
    () => 'cần một đối tượng xã { id, name, province hoặc region, values }',
    () => 'expected a commune object { id, name, province or region, values }',
  ),
  'json.idSpreadsheetError': m<{ id: string }>(
    (p) => `mã xã là lỗi bảng tính ${p.id}`,
    (p) => `the id holds the spreadsheet error ${p.id}`,
  ),
  'json.expectedValues': m<{ none: boolean }>(
    (p) =>
      `cần "values": { "mã_chỉ_tiêu": giá trị, … }${p.none ? ' (mục này không có; ghi {} khi chưa có số liệu)' : ''}`,
    (p) =>
      `expected "values": { "measure_key": value, … }${p.none ? ' (the item has none; {} when no value is known)' : ''}`,
  ),
  'json.unknownMeasure': m<{ hint: string | null }>(
    (p) => `chỉ tiêu không nhận ra${p.hint ? ` (có phải ${p.hint}?)` : ''}`,
    (p) => `unknown measure${p.hint ? ` (did you mean ${p.hint}?)` : ''}`,
  ),
  'json.unknownField': m<{ fields: string }>(
    (p) => `trường không nhận ra; các trường được nhận: ${p.fields}`,
    (p) => `unknown field; expected ${p.fields}`,
  ),
  'json.tooDeep': m<{ limit: number; path: string }>(
    (p) =>
      `mục lồng sâu quá ${p.limit} cấp (tại ${p.path}): đây không phải dữ liệu của một xã; mục này không được đánh giá`,
    (p) =>
      `the item is nested deeper than ${p.limit} levels (at ${p.path}): not a commune's data; this item is not evaluated`,
  ),
  'xlsx.unreadable': m<{ file: string }>(
    (p) =>
      `${p.file} không phải sổ Excel .xlsx đọc được (tệp hỏng hoặc không đúng định dạng); tệp .xls cũ cần được lưu lại thành .xlsx`,
    (p) =>
      `${p.file} is not a readable .xlsx workbook (damaged, or not this format); old .xls files must be saved as .xlsx`,
  ),
  'xlsx.oleFile': m<{ file: string }>(
    (p) =>
      `${p.file} là tệp Excel kiểu cũ (.xls) hoặc sổ được đặt mật khẩu: hãy mở bằng Excel và lưu lại thành .xlsx không đặt mật khẩu`,
    (p) =>
      `${p.file} is an old Excel file (.xls) or a password-protected workbook: open it in Excel and save it as .xlsx without a password`,
  ),
  'xlsx.noSheetNamed': m<{ file: string; sheet: string; names: string }>(
    (p) => `${p.file} không có trang tính tên "${p.sheet}"; các trang của tệp: ${p.names}`,
    (p) => `${p.file} has no sheet named "${p.sheet}"; its sheets: ${p.names}`,
  ),
  'xlsx.noSheet': m<{ file: string }>(
    (p) => `${p.file} không có trang tính nào`,
    (p) => `${p.file} has no sheet`,
  ),
  'xlsx.headerEmpty': m<{ file: string; sheet: string }>(
    (p) => `${p.file}, trang "${p.sheet}": dòng 1 trống; cần dòng tiêu đề`,
    (p) => `${p.file}, sheet "${p.sheet}": row 1 is empty; expected the header row`,
  ),
  'xlsx.headerProblems': m<{ file: string; sheet: string }>(
    (p) => `${p.file}, trang "${p.sheet}": dòng tiêu đề có lỗi`,
    (p) => `${p.file}, sheet "${p.sheet}": the header row has problems`,
  ),
  'xlsx.mergedHeader': m<{ ranges: string }>(
    (p) =>
      `dòng 1 có ô gộp (${p.ranges}): ntm đọc một dòng tiêu đề, mỗi cột một tiêu đề; hãy xóa dòng tiêu đề nhóm, hoặc bỏ gộp ô`,
    (p) =>
      `row 1 has merged cells (${p.ranges}): ntm reads one header row, with one header per column; remove the row of group titles, or unmerge it`,
  ),
  'zip.tooManyEntries': m<{ file: string; count: number; limit: number }>(
    (p) =>
      `${p.file} chứa ${nvi(p.count)} thành phần nén, vượt giới hạn ${nvi(p.limit)}: không phải một sổ tính thông thường; ntm không mở`,
    (p) =>
      `${p.file} holds ${nen(p.count)} archive entries, over the limit of ${nen(p.limit)}: not an ordinary workbook; ntm does not open it`,
  ),
  'zip.entryTooLarge': m<{ file: string; entry: string; size: string; limit: string }>(
    (p) =>
      `${p.file}: phần "${p.entry}" khi giải nén nặng ${p.size}, vượt giới hạn ${p.limit} cho một phần của sổ tính; ntm không mở (có thể là "bom nén")`,
    (p) =>
      `${p.file}: the part "${p.entry}" unpacks to ${p.size}, over the limit of ${p.limit} for one part of a workbook; ntm does not open it (a possible zip bomb)`,
  ),
  'zip.totalTooLarge': m<{ file: string; size: string; limit: string }>(
    (p) =>
      `${p.file} khi giải nén nặng ${p.size}, vượt giới hạn ${p.limit} cho cả sổ tính; ntm không mở (có thể là "bom nén")`,
    (p) =>
      `${p.file} unpacks to ${p.size}, over the limit of ${p.limit} for a whole workbook; ntm does not open it (a possible zip bomb)`,
  ),
  'zip.ratio': m<{ file: string; entry: string; ratio: number; limit: number }>(
    (p) =>
      `${p.file}: phần "${p.entry}" nén với tỷ lệ ${nvi(p.ratio)}:1, vượt giới hạn ${nvi(p.limit)}:1; ntm không mở (có thể là "bom nén")`,
    (p) =>
      `${p.file}: the part "${p.entry}" is compressed ${nen(p.ratio)}:1, over the limit of ${nen(p.limit)}:1; ntm does not open it (a possible zip bomb)`,
  ),
  'zip.sizeLies': m<{ file: string; entry: string; declared: string }>(
    (p) =>
      `${p.file}: phần "${p.entry}" giải nén ra nhiều hơn kích thước ${p.declared} ghi trong tệp; tệp bị hỏng hoặc cố ý đánh lừa, ntm không mở`,
    (p) =>
      `${p.file}: the part "${p.entry}" unpacks to more than the ${p.declared} its header declares; the file is damaged or deceptive, ntm does not open it`,
  ),
  'zip.tooManyCells': m<{ file: string; limit: number }>(
    (p) =>
      `${p.file} có hơn ${nvi(p.limit)} ô có nội dung (tính cả các ô bị gộp) trên các trang tính, vượt giới hạn cho một sổ tính: hãy chia thành nhiều tệp nhỏ hơn`,
    (p) =>
      `${p.file} has more than ${nen(p.limit)} cells with content (merged cells included) in its sheets, over the limit for one workbook: split it into smaller files`,
  ),
  'zip.tooManyStrings': m<{ file: string; limit: number }>(
    (p) =>
      `${p.file} có hơn ${nvi(p.limit)} chuỗi văn bản dùng chung, vượt giới hạn cho một sổ tính; ntm không mở`,
    (p) =>
      `${p.file} has more than ${nen(p.limit)} shared strings, over the limit for one workbook; ntm does not open it`,
  ),

  // ---------------------------------------------------------------------------------------------------------
  // Owners file (owners.ts)
  'owners.columns': m<{ file: string; found: string }>(
    (p) =>
      `${p.file}: cần các cột "Tiêu chí,Phụ trách" (hoặc "criterion,owner"), có thể thêm cột "Cấp" (hoặc "level"); tệp có: ${p.found}`,
    (p) =>
      `${p.file}: expected the columns "criterion,owner" (or "Tiêu chí,Phụ trách"), optionally "level" (Cấp); found ${p.found}`,
  ),
  'owners.nothing': m(
    () => '(không có gì)',
    () => 'nothing',
  ),
  'owners.row': m<{ row: number }>(
    (p) => `dòng ${p.row}`,
    (p) => `row ${p.row}`,
  ),
  'owners.criterionEmpty': m(
    () => 'tiêu chí để trống',
    () => 'the criterion is empty',
  ),
  'owners.badCriterion': m<{ shown: string }>(
    (p) => `${p.shown} không phải mã tiêu chí như 14 hay 17.10`,
    (p) => `${p.shown} is not a criterion id such as 14 or 17.10`,
  ),
  'owners.ownerEmpty': m(
    () => 'đơn vị phụ trách để trống',
    () => 'the owner is empty',
  ),
  'owners.problems': m<{ file: string }>(
    (p) => `${p.file} có lỗi`,
    (p) => `${p.file} has problems`,
  ),

  // ---------------------------------------------------------------------------------------------------------
  // Dossier file (io/read-dossier.ts)
  'dossier.columns': m<{ file: string; missing: string; found: string }>(
    (p) =>
      `${p.file}: thiếu cột ${p.missing}. Tệp hồ sơ cần các cột "Mã xã", "Tiêu chí", "Trạng thái hồ sơ" (có thể thêm "Ngày cập nhật", "Người phụ trách", "Ghi chú"; tạo mẫu bằng ntm template --dossier); tệp có: ${p.found}`,
    (p) =>
      `${p.file}: the column ${p.missing} is missing. A dossier file needs the columns "commune", "criterion", "status" (optionally "updated", "owner", "note"; write a template with ntm template --dossier); found ${p.found}`,
  ),
  'dossier.columnCommune': m(
    () => '"Mã xã"',
    () => '"commune"',
  ),
  'dossier.columnCriterion': m(
    () => '"Tiêu chí"',
    () => '"criterion"',
  ),
  'dossier.columnStatus': m(
    () => '"Trạng thái hồ sơ"',
    () => '"status"',
  ),
  'dossier.duplicateColumn': m<{ header: string; first: string }>(
    (p) => `cột ${p.header} có cùng ý nghĩa với cột ${p.first}`,
    (p) => `the column ${p.header} means the same as the column ${p.first}`,
  ),
  'dossier.ignoredColumns': m<{ file: string; columns: string }>(
    (p) => `ntm: ${p.file}: bỏ qua các cột không dùng cho hồ sơ: ${p.columns}\n`,
    (p) => `ntm: ${p.file}: ignored columns that a dossier file does not use: ${p.columns}\n`,
  ),
  'dossier.communeEmpty': m(
    () => 'mã xã để trống',
    () => 'the commune id is empty',
  ),
  'dossier.criterionEmpty': m(
    () => 'tiêu chí để trống',
    () => 'the criterion is empty',
  ),
  'dossier.notText': m(
    () => 'ô này cần chữ',
    () => 'this cell needs text',
  ),
  'dossier.notADate': m(
    () =>
      'ngày cập nhật không phải một ngày có thật (ghi dạng 15/11/2023 hoặc 2023-11-15); bỏ qua ngày này, vẫn dùng dòng',
    () =>
      'the update date is not a real day (write it as 2023-11-15 or 15/11/2023); the date is ignored, the row is used',
  ),
  'dossier.notAnObject': m(
    () => 'mục hồ sơ phải là một đối tượng { "commune", "criterion", "status", … }',
    () => 'a dossier item must be an object { "commune", "criterion", "status", … }',
  ),
  'dossier.notAList': m<{ file: string }>(
    (p) => `${p.file}: cần một mảng các dòng hồ sơ, hoặc { "dossiers": [...] }`,
    (p) => `${p.file}: expected an array of dossier rows, or { "dossiers": [...] }`,
  ),
  'dossier.empty': m<{ file: string }>(
    (p) => `${p.file} rỗng: cần một dòng tiêu đề (Mã xã, Tiêu chí, Trạng thái hồ sơ, …)`,
    (p) => `${p.file} is empty: expected a header row (commune, criterion, status, …)`,
  ),
  'ruleset.invalidJson': m<{ file: string; why: string }>(
    (p) => `${p.file} không phải JSON hợp lệ: ${p.why}`,
    (p) => `${p.file} is not valid JSON: ${p.why}`,
  ),

  // ---------------------------------------------------------------------------------------------------------
  // Outputs (io/path-guard.ts, io/output.ts)
  'guard.outputIsInput': m<{ output: string; input: string; outputPath: string; inputPath: string }>(
    (p) =>
      `${p.output} ${p.outputPath} và ${p.input} ${p.inputPath} là cùng một tệp: ntm không bao giờ ghi đè lên tệp đầu vào. Hãy chọn tên khác cho ${p.output}; chưa có tệp nào được ghi`,
    (p) =>
      `${p.output} ${p.outputPath} and ${p.input} ${p.inputPath} are the same file: ntm never overwrites an input. Choose another name for ${p.output}; nothing was written`,
  ),
  'guard.outputsClash': m<{ first: string; second: string; firstPath: string; secondPath: string }>(
    (p) =>
      `${p.first} ${p.firstPath} và ${p.second} ${p.secondPath} là cùng một tệp: mỗi kết quả cần một tệp riêng. Hãy chọn tên khác cho ${p.second}; chưa có tệp nào được ghi`,
    (p) =>
      `${p.first} ${p.firstPath} and ${p.second} ${p.secondPath} are the same file: each output needs its own file. Choose another name for ${p.second}; nothing was written`,
  ),
  'guard.folderMissing': m<{ option: string; path: string; folder: string }>(
    (p) =>
      `${p.option} ${p.path}: thư mục ${p.folder} không tồn tại; hãy tạo thư mục trước, hoặc chọn nơi ghi khác`,
    (p) =>
      `${p.option} ${p.path}: the folder ${p.folder} does not exist; create it first, or write elsewhere`,
  ),
  'guard.parentNotFolder': m<{ option: string; path: string; folder: string }>(
    (p) => `${p.option} ${p.path}: ${p.folder} là một tệp, không phải thư mục`,
    (p) => `${p.option} ${p.path}: ${p.folder} is a file, not a folder`,
  ),
  'guard.outputIsFolder': m<{ option: string; path: string; example: string }>(
    (p) => `${p.option} ${p.path} là một thư mục: hãy ghi cả tên tệp, ví dụ ${p.example}`,
    (p) => `${p.option} ${p.path} is a folder: give a file name, e.g. ${p.example}`,
  ),
  'role.data': m(
    () => 'tệp dữ liệu',
    () => 'the data file',
  ),
  'output.failed': m<{ option: string; path: string; why: string }>(
    (p) => `không ghi được ${p.option} ${p.path}: ${p.why}; tệp cũ (nếu có) được giữ nguyên`,
    (p) => `cannot write ${p.option} ${p.path}: ${p.why}; the earlier file (if any) is left as it was`,
  ),
  'output.diskFull': m(
    () => 'đĩa đã đầy',
    () => 'the disk is full',
  ),
  'output.fileTooLarge': m(
    () => 'tệp vượt kích thước tối đa mà hệ thống cho phép',
    () => 'the file is larger than the system allows',
  ),
  'output.quota': m(
    () => 'vượt hạn mức dung lượng đĩa của người dùng',
    () => 'the disk quota is exceeded',
  ),
  'output.denied': m(
    () => 'không có quyền ghi vào thư mục này',
    () => 'permission denied',
  ),
  'output.readOnly': m(
    () => 'ổ đĩa chỉ cho phép đọc',
    () => 'the disk is read-only',
  ),
  'output.missingFolder': m(
    () => 'thư mục không tồn tại',
    () => 'the folder does not exist',
  ),
  'output.isFolder': m(
    () => 'đó là một thư mục',
    () => 'it is a folder',
  ),
  'output.system': m<{ code: string }>(
    (p) => `lỗi hệ thống ${p.code}`,
    (p) => `system error ${p.code}`,
  ),
  'output.binaryToTerminal': m(
    () => 'định dạng này là tệp nhị phân: hãy dùng --out <tệp>',
    () => 'this format is binary: give --out <file>',
  ),
  'output.interrupted': m<{ signal: string }>(
    (p) => `ntm: đã dừng (${p.signal}); các tệp đang ghi dở đã được xóa, tệp cũ (nếu có) được giữ nguyên\n`,
    (p) =>
      `ntm: stopped (${p.signal}); the files being written were removed, earlier files are left as they were\n`,
  ),

  // ---------------------------------------------------------------------------------------------------------
  // ntm evaluate: streamed outputs and threads (commands/evaluate.ts)
  'evaluate.explainNotJson': m<{ format: string }>(
    (p) => `--explain chỉ dùng với --format json hoặc jsonl (định dạng đang chọn: ${p.format})`,
    (p) => `--explain applies to --format json and jsonl only (the format chosen: ${p.format})`,
  ),

  // ---------------------------------------------------------------------------------------------------------
  // Writing reports
  'xlsx.truncated': m<{
    file: string;
    sheet: string;
    row: number;
    column: string;
    length: number;
    limit: number;
  }>(
    (p) =>
      `ntm: cảnh báo: ${p.file ? `${p.file}, ` : ''}trang "${p.sheet}", dòng ${p.row}, cột ${p.column}: nội dung dài ${nvi(p.length)} ký tự, vượt giới hạn ${nvi(p.limit)} ký tự một ô của Excel; đã cắt bớt (đánh dấu "…[đã cắt bớt]")\n`,
    (p) =>
      `ntm: warning: ${p.file ? `${p.file}, ` : ''}sheet "${p.sheet}", row ${p.row}, column ${p.column}: ${nen(p.length)} characters, over Excel's limit of ${nen(p.limit)} per cell; truncated (marked "…[truncated]")\n`,
  ),
  'xlsx.truncatedMore': m<{ count: number }>(
    (p) => `ntm: cảnh báo: thêm ${nvi(p.count)} ô khác cũng vượt giới hạn và đã được cắt bớt\n`,
    (p) => `ntm: warning: ${nen(p.count)} more cells were over the limit and truncated\n`,
  ),
  'xlsx.truncatedMarker': m(
    () => '…[đã cắt bớt]',
    () => '…[truncated]',
  ),

  // ---------------------------------------------------------------------------------------------------------
  // ntm review (commands/review.ts)
  'review.outRequired': m(
    () => 'hãy cho --out bao-cao.html, --out bao-cao.xlsx hoặc --out review.json',
    () => 'give --out report.html, --out report.xlsx or --out review.json',
  ),
  'review.outExtension': m<{ out: string }>(
    (p) => `--out phải có đuôi .html, .xlsx hoặc .json (nhận được ${p.out})`,
    (p) => `--out must end in .html, .xlsx or .json (got ${p.out})`,
  ),
  'review.asOfWithoutPrevious': m<{ date: string }>(
    (p) =>
      `--previous-as-of ${p.date} không đi sau một --previous nào: ghi ngày ngay sau tệp của nó, ví dụ --previous data-cu.csv --previous-as-of 2023-11-15`,
    (p) =>
      `--previous-as-of ${p.date} follows no --previous: give the date right after its file, e.g. --previous old.csv --previous-as-of 2023-11-15`,
  ),
  'review.previousDateUnknown': m<{ file: string }>(
    (p) =>
      `không biết số liệu ${p.file} là của ngày nào: tên tệp không có ngày (như data-2023-11-15.csv) và tệp không có cột "Ngày số liệu". Báo cáo không ghi một ngày không chắc chắn; hãy cho ngày ngay sau tệp, ví dụ: --previous ${p.file} --previous-as-of 2023-11-15`,
    (p) =>
      `cannot tell which day ${p.file} describes: its name holds no date (such as data-2023-11-15.csv) and it has no "Ngày số liệu" (data date) column. The report states no date it is not sure of; give it right after the file, e.g. --previous ${p.file} --previous-as-of 2023-11-15`,
  ),
  'review.currentDateUnclear': m<{ file: string; found: string }>(
    (p) =>
      `tên tệp ${p.file} có nhiều ngày, hoặc một ngày không có thật (${p.found}): hãy cho ngày của số liệu bằng --as-of, ví dụ --as-of 2023-12-31`,
    (p) =>
      `the name ${p.file} holds several dates, or one that does not exist (${p.found}): give the data's date with --as-of, e.g. --as-of 2023-12-31`,
  ),
  'review.previousDateUnclear': m<{ file: string; found: string }>(
    (p) =>
      `tên tệp ${p.file} có nhiều ngày, hoặc một ngày không có thật (${p.found}): hãy cho ngày ngay sau tệp, ví dụ --previous ${p.file} --previous-as-of 2023-11-15`,
    (p) =>
      `the name ${p.file} holds several dates, or one that does not exist (${p.found}): give the date right after the file, e.g. --previous ${p.file} --previous-as-of 2023-11-15`,
  ),
  'review.dataDatesMixed': m<{ file: string; dates: string }>(
    (p) =>
      `${p.file}: các dòng có ngày số liệu khác nhau (${p.dates}); mỗi tệp là một lần rà soát: hãy tách tệp, hoặc cho ngày bằng --as-of / --previous-as-of`,
    (p) =>
      `${p.file}: its rows carry different data dates (${p.dates}); each file is one review: split it, or give the date with --as-of / --previous-as-of`,
  ),
  'review.sameDate': m<{ first: string; second: string; date: string }>(
    (p) =>
      `${p.first} và ${p.second} cùng là số liệu ngày ${p.date}: mỗi lần rà soát phải có một ngày khác nhau`,
    (p) => `${p.first} and ${p.second} both describe ${p.date}: each review needs its own day`,
  ),
  'review.previousAfterCurrent': m<{ file: string; date: string; current: string }>(
    (p) =>
      `--previous ${p.file} là số liệu ngày ${p.date}, sau số liệu hiện tại (${p.current}): --previous là các lần rà soát trước`,
    (p) =>
      `--previous ${p.file} describes ${p.date}, after the current data (${p.current}): --previous takes earlier reviews`,
  ),
  'review.dateSource': m<{ file: string; date: string; source: string }>(
    (p) => `ntm: ${p.file}: số liệu ngày ${p.date} (${p.source})\n`,
    (p) => `ntm: ${p.file}: data of ${p.date} (${p.source})\n`,
  ),
  'review.sourceData': m(
    () => 'theo cột ngày số liệu trong tệp',
    () => "from the file's data-date column",
  ),
  'review.sourceFileName': m(
    () => 'theo ngày trong tên tệp',
    () => 'from the date in the file name',
  ),
  'review.sourceToday': m(
    () => 'không có ngày trong tệp: dùng ngày hôm nay; cho ngày khác bằng --as-of',
    () => 'the file names no date: today is used; give another with --as-of',
  ),
  'review.dataDateDiffers': m<{ file: string; option: string; given: string; data: string }>(
    (p) =>
      `ntm: cảnh báo: ${p.file}: ${p.option} là ${p.given} nhưng cột ngày số liệu trong tệp ghi ${p.data}; báo cáo dùng ${p.given}\n`,
    (p) =>
      `ntm: warning: ${p.file}: ${p.option} is ${p.given} but the file's data-date column says ${p.data}; the report uses ${p.given}\n`,
  ),
  'review.badMargin': m(
    () => 'cần số ngày nguyên từ 0 đến 3650, ví dụ 30',
    () => 'expected a whole number of days from 0 to 3650, e.g. 30',
  ),
  'review.badTimeZone': m<{ zone: string }>(
    (p) => `không biết múi giờ ${p.zone}; ghi tên múi giờ IANA, ví dụ Asia/Ho_Chi_Minh`,
    (p) => `unknown time zone ${p.zone}; give an IANA zone name, e.g. Asia/Ho_Chi_Minh`,
  ),
  'review.noBundle': m<{ why: string }>(
    (p) => `ntm: báo cáo không kèm phiếu tương tác: ${p.why}\n`,
    (p) => `ntm: the report has no interactive scorecards: ${p.why}\n`,
  ),
  'review.unknownOwnerIds': m<{ file: string; ids: string }>(
    (p) => `ntm: ${p.file} nêu các tiêu chí hoặc chỉ tiêu không có trong các cấp được đánh giá: ${p.ids}\n`,
    (p) => `ntm: ${p.file} names criteria or indicators that the evaluated tiers do not have: ${p.ids}\n`,
  ),
  'review.wrote': m<{ out: string; communes: number; gaps: number; since: string }>(
    (p) =>
      `ntm: đã ghi ${p.out}: ${nvi(p.communes)} xã, ${nvi(p.gaps)} lượt chỉ tiêu chưa đạt${p.since ? `, tiến độ so với ${p.since}` : ''}\n`,
    (p) =>
      `ntm: wrote ${p.out}: ${nen(p.communes)} communes, ${nen(p.gaps)} indicators not met${p.since ? `, progress since ${p.since}` : ''}\n`,
  ),

  // ---------------------------------------------------------------------------------------------------------
  // Command-level lines printed by the shared code
  'problems.ignoredColumns': m<{ columns: string }>(
    (p) => `ntm: đã bỏ qua các cột: ${p.columns}\n`,
    (p) => `ntm: ignored columns: ${p.columns}\n`,
  ),
  'problems.moreColumns': m<{ count: number }>(
    (p) => `và ${nvi(p.count)} cột khác`,
    (p) => `and ${nen(p.count)} more`,
  ),
  'ruleset.refused': m(
    () => 'ntm: một tệp bộ tiêu chí bị từ chối:\n',
    () => 'ntm: a ruleset file was refused:\n',
  ),
  'ruleset.at': m<{ path: string }>(
    (p) => ` tại ${p.path}`,
    (p) => ` at ${p.path}`,
  ),
  'unexpected.error': m<{ what: string }>(
    (p) =>
      `ntm: lỗi không mong đợi (${p.what}). Đây là lỗi của ntm, không phải của dữ liệu; chưa có tệp kết quả nào bị thay đổi. Chạy lại với --debug để xem chi tiết, và gửi chi tiết đó cho nhóm phát triển.\n`,
    (p) =>
      `ntm: unexpected error (${p.what}). This is a fault in ntm, not in your data; no output file was changed. Run again with --debug to see the details, and send them to the maintainers.\n`,
  ),
  'unexpected.outOfMemory': m(
    () =>
      'ntm: hết bộ nhớ khi xử lý dữ liệu. Hãy chia tệp thành nhiều tệp nhỏ hơn; chưa có tệp kết quả nào bị thay đổi.\n',
    () =>
      'ntm: out of memory while processing the data. Split the file into smaller ones; no output file was changed.\n',
  ),

  // Ruleset workbooks (rules-table/messages.ts)
  ...RULES_TABLE_MESSAGES,
} as const;

export type MessageId = keyof typeof MESSAGES;
export type MessageParams<Id extends MessageId> = (typeof MESSAGES)[Id] extends Texts<infer P> ? P : never;

/** Renders message `id` in `lang` with its parameters. */
export function tr<Id extends MessageId>(
  lang: Lang,
  id: Id,
  ...params: MessageParams<Id> extends Record<string, never> ? [] : [MessageParams<Id>]
): string {
  const texts = MESSAGES[id] as unknown as Texts<Params>;
  const values = (params[0] ?? {}) as Params;
  return (lang === 'en' ? texts.en : texts.vi)(values);
}

/** The language from a locale-like value ("en", "en_US.UTF-8", "vi-VN"), or null when it names neither. */
export function langOf(value: string | undefined | null): Lang | null {
  const code = (value ?? '').trim().toLowerCase().slice(0, 2);
  return code === 'en' ? 'en' : code === 'vi' ? 'vi' : null;
}

/** The language when no --lang is given: NTM_LANG (vi or en), else Vietnamese. */
export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  return langOf(env.NTM_LANG) ?? 'vi';
}

/** The language an `ntm` command line asks for (`--lang en`, `--lang=en`), else {@link defaultLang}. */
export function langFromArgv(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--lang') return langOf(argv[i + 1]) ?? defaultLang(env);
    if (arg.startsWith('--lang=')) return langOf(arg.slice('--lang='.length)) ?? defaultLang(env);
  }
  return defaultLang(env);
}
