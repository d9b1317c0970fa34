/**
 * The texts of the command line itself, in Vietnamese (default) and English: the `--help` of every command
 * (descriptions, options, arguments, headings), commander's own errors, the errors for option values as
 * people type them (`--level "nâng cao"`, `--as-of 15/11/2023`, `--province "Nam Định"`), usage errors, and
 * the status lines and notices the commands print. Part of the one catalogue: `MESSAGES` in messages.ts
 * spreads these in, and `tr(lang, id, params)` renders them.
 *
 * Option flags (`--as-of`), ids (`nang-cao`), file names and example commands stay as the user types them.
 */
import { m, nen, nvi, viDate } from './message-kit.js';

export const CLI_MESSAGES = {
  // ---------------------------------------------------------------------------------------------------------
  // Help layout (commander's headings and the words it adds to option descriptions)
  'help.title.usage': m(
    () => 'Cách dùng:',
    () => 'Usage:',
  ),
  'help.title.options': m(
    () => 'Tùy chọn:',
    () => 'Options:',
  ),
  'help.title.globalOptions': m(
    () => 'Tùy chọn chung:',
    () => 'Global Options:',
  ),
  'help.title.arguments': m(
    () => 'Tham số:',
    () => 'Arguments:',
  ),
  'help.title.commands': m(
    () => 'Lệnh:',
    () => 'Commands:',
  ),
  'help.title.examples': m(
    () => 'Ví dụ:',
    () => 'Examples:',
  ),
  'help.usage.options': m(
    () => '[tùy-chọn]',
    () => '[options]',
  ),
  'help.usage.command': m(
    () => '[lệnh]',
    () => '[command]',
  ),
  'help.choices': m<{ choices: string }>(
    (p) => `chọn một trong: ${p.choices}`,
    (p) => `choices: ${p.choices}`,
  ),
  'help.default': m<{ value: string }>(
    (p) => `mặc định: ${p.value}`,
    (p) => `default: ${p.value}`,
  ),
  'help.helpOption': m(
    () => 'hiển thị trợ giúp của lệnh',
    () => 'display help for command',
  ),
  'help.helpCommand': m(
    () => 'hiển thị trợ giúp của một lệnh',
    () => 'display help for command',
  ),
  'help.versionOption': m(
    () => 'in số phiên bản',
    () => 'output the version number',
  ),
  'help.afterError': m(
    () => '(thêm --help để xem cách dùng và ví dụ)',
    () => '(add --help for usage and examples)',
  ),

  // ---------------------------------------------------------------------------------------------------------
  // Value placeholders in option flags and argument names (`--as-of <ngày>`, `<tệp>`)
  'placeholder.level': m(
    () => 'cấp',
    () => 'level',
  ),
  'placeholder.date': m(
    () => 'ngày',
    () => 'date',
  ),
  'placeholder.region': m(
    () => 'vùng',
    () => 'region',
  ),
  'placeholder.province': m(
    () => 'tỉnh',
    () => 'province',
  ),
  'placeholder.file': m(
    () => 'tệp',
    () => 'file',
  ),
  'placeholder.files': m(
    () => 'tệp...',
    () => 'files...',
  ),
  'placeholder.csv': m(
    () => 'tệp.csv',
    () => 'file.csv',
  ),
  'placeholder.xlsx': m(
    () => 'tệp.xlsx',
    () => 'file.xlsx',
  ),
  'placeholder.name': m(
    () => 'tên',
    () => 'name',
  ),
  'placeholder.number': m(
    () => 'số',
    () => 'n',
  ),
  'placeholder.detail': m(
    () => 'mức',
    () => 'detail',
  ),
  'placeholder.format': m(
    () => 'dạng',
    () => 'format',
  ),
  'placeholder.lang': m(
    () => 'ngôn-ngữ',
    () => 'lang',
  ),
  'placeholder.id': m(
    () => 'mã',
    () => 'id',
  ),
  'placeholder.folder': m(
    () => 'thư-mục',
    () => 'folder',
  ),
  'placeholder.current': m(
    () => 'tệp-hiện-tại',
    () => 'current',
  ),
  'placeholder.from': m(
    () => 'từ',
    () => 'from',
  ),
  'placeholder.to': m(
    () => 'đến',
    () => 'to',
  ),

  // ---------------------------------------------------------------------------------------------------------
  // Help: the program
  'help.program.description': m(
    () =>
      'Đánh giá các xã theo Bộ tiêu chí quốc gia về xã nông thôn mới (NTM, nâng cao, kiểu mẫu) và lập báo cáo rà soát cho ban chỉ đạo tỉnh (trước 7/2025: huyện).\n' +
      'Số liệu: mỗi xã một dòng (CSV, Excel hoặc JSON); tiêu đề cột là mã chỉ tiêu hoặc tên tiếng Việt của chỉ tiêu.',
    () =>
      "Evaluate communes against Vietnam's New Rural Development (Nông thôn mới) criteria, and write review reports for the province's (before July 2025, the district's) steering committee.\n" +
      'Data: one row per commune (CSV, Excel or JSON); headers are measure keys or their Vietnamese labels.',
  ),
  'help.program.debug': m(
    () => 'khi gặp lỗi không mong đợi, in thêm chi tiết kỹ thuật của lỗi (để gửi cho nhóm phát triển)',
    () => 'on an unexpected error, also print its details (the stack trace)',
  ),
  'help.program.exitCodes': m(
    () =>
      'Mã thoát: 0 mọi thứ đều ổn, 1 có dòng bị lỗi (kết quả của các dòng còn lại vẫn được ghi), 2 gọi lệnh sai hoặc không đọc được tệp.',
    () =>
      'Exit codes: 0 all good, 1 some rows had errors (results for the rest written), 2 usage error or unreadable file.',
  ),

  // ---------------------------------------------------------------------------------------------------------
  // Help: options shared by several commands (commands/common.ts)
  'help.option.lang': m(
    () => 'ngôn ngữ hiển thị: vi (tiếng Việt) hoặc en (tiếng Anh)',
    () => 'language of the output: vi (Vietnamese) or en (English)',
  ),
  'help.option.level': m<{ levels: string }>(
    (p) => `cấp cần đánh giá: ${p.levels}; ghi mã hoặc tên, có dấu hay không dấu đều được`,
    (p) => `tier to assess: ${p.levels}; its id or its name, with or without diacritics`,
  ),
  'help.option.asOf': m(
    () =>
      'ngày đánh giá, ví dụ 15/11/2023 (hoặc 2023-11-15): chọn bộ tiêu chí có hiệu lực và năm của mức mục tiêu (mặc định: hôm nay)',
    () =>
      'assessment date, e.g. 2023-11-15 (or 15/11/2023): picks the edition in force and the target year (default: today)',
  ),
  'help.option.region': m<{ regions: string }>(
    (p) => `vùng cho các dòng không ghi vùng: ${p.regions} (mã hoặc tên vùng)`,
    (p) => `region for rows that carry none: ${p.regions} (its id or name)`,
  ),
  'help.option.province': m(
    () =>
      'tỉnh cho các dòng không ghi tỉnh (áp dụng bộ tiêu chí riêng của tỉnh): mã hoặc tên, ví dụ nam-dinh hoặc "Nam Định"',
    () =>
      'province for rows that carry none (applies the province\'s overlay): its id or name, e.g. nam-dinh or "Nam Định"',
  ),
  'help.option.ruleset': m(
    () => 'thêm một tệp bộ tiêu chí (bộ tiêu chí riêng của tỉnh, văn bản sửa đổi); ghi được nhiều lần',
    () => 'add a ruleset file (province overlay, amendment); repeatable',
  ),
  'help.option.sheet': m(
    () => 'Excel: trang tính cần đọc (mặc định: trang đầu tiên)',
    () => 'Excel: the sheet to read (default: the first)',
  ),
  'help.option.headerRow': m(
    () =>
      'số thứ tự của dòng tiêu đề trong tệp (mặc định: tự nhận ra trong các dòng đầu, bỏ qua các dòng tên bảng ở trên)',
    () => 'the number of the header row (default: found among the first rows, skipping title rows above it)',
  ),
  'help.option.ignoreUnknownColumns': m(
    () => 'bỏ qua các cột không phải thông tin của xã cũng không phải chỉ tiêu đã biết',
    () => 'skip columns that are neither commune fields nor known measures',
  ),
  'help.option.errors': m(
    () => 'ghi thêm mọi lỗi vào tệp CSV này (tệp, dòng, cột, giá trị, lý do)',
    () => 'also write every problem to this CSV file (file,row,column,value,reason)',
  ),
  'help.option.requireVerified': m(
    () =>
      'coi các mức mục tiêu chưa được văn bản nào xác nhận là chưa đánh giá được (dùng khi báo cáo chính thức)',
    () => 'treat targets no source confirms as not evaluable (for official use)',
  ),
  'help.option.recognition': m(
    () => 'kiểm tra thêm các điều kiện công nhận (18/2022/QĐ-TTg)',
    () => 'also check the recognition conditions (18/2022/QĐ-TTg)',
  ),

  // ---------------------------------------------------------------------------------------------------------
  // Help: ntm evaluate
  'help.evaluate.summary': m(
    () => 'đánh giá mọi xã trong một tệp số liệu (CSV, Excel hoặc JSON)',
    () => 'evaluate every commune of a data file (CSV, Excel or JSON)',
  ),
  'help.evaluate.description': m(
    () =>
      'Đánh giá từng xã (mỗi dòng một xã) theo cấp ghi ở --level, với bộ tiêu chí có hiệu lực vào ngày --as-of.\n' +
      'Dòng có lỗi được báo trên màn hình (tệp, dòng, cột, giá trị, lý do) và không được đánh giá; các dòng khác vẫn được đánh giá.\n' +
      'Mã thoát: 0 mọi dòng đều được đánh giá, 1 có dòng bị lỗi, 2 gọi lệnh sai hoặc không đọc được tệp.',
    () =>
      'Evaluate every commune (one per row) against the tier given by --level, under the edition in force on --as-of.\n' +
      'Rows with errors are reported on stderr (file, row, column, value, reason) and left out; the others are evaluated.\n' +
      'Exit code: 0 all rows evaluated, 1 some rows had errors, 2 usage error or unreadable file.',
  ),
  'help.evaluate.file': m(
    () => 'tệp số liệu: .csv, .xlsx hoặc .json',
    () => 'data file: .csv, .xlsx or .json',
  ),
  'help.evaluate.format': m(
    () =>
      'dạng kết quả; table là bảng tóm tắt trên màn hình, jsonl là mỗi xã một dòng JSON, html là báo cáo (mặc định: theo đuôi tệp của --out, nếu không có thì table)',
    () =>
      'output format; table is the terminal summary, jsonl one JSON line per commune, html the report (default: from --out, else table)',
  ),
  'help.evaluate.explain': m(
    () =>
      'với json, jsonl: compact là gọn (kết quả, giá trị thực tế và phần còn thiếu của từng chỉ tiêu; mặc định), full là đầy đủ (mọi mức chỉ tiêu, căn cứ và lý do)',
    () =>
      'json, jsonl: compact (statuses, actual values and gaps per indicator; default) or full (every target, citation and reason)',
  ),
  'help.evaluate.jobs': m(
    () =>
      'với csv, json, jsonl: đánh giá trên n luồng xử lý song song, thứ tự kết quả giữ nguyên (mặc định: bằng số lõi của máy, cho tệp từ 1 MiB trở lên)',
    () =>
      'csv, json, jsonl: evaluate on n threads, results kept in file order (default: the number of processors, for files of 1 MiB or more)',
  ),
  'help.evaluate.out': m(
    () => 'ghi kết quả vào tệp này thay vì in ra màn hình',
    () => 'write the output to this file instead of stdout',
  ),

  // ---------------------------------------------------------------------------------------------------------
  // Help: ntm review
  'help.review.summary': m(
    () => 'lập báo cáo rà soát (HTML, Excel hoặc JSON)',
    () => 'write the review report (HTML, Excel or JSON)',
  ),
  'help.review.description': m(
    () =>
      'Lập báo cáo rà soát cho cuộc họp Ban Chỉ đạo: bảng xã × tiêu chí, các chỉ tiêu chưa đạt và phần còn thiếu, những gì chưa đánh giá được và lý do (thiếu số liệu hay chưa có mức chỉ tiêu chính thức), tiến độ so với các lần số liệu trước (--previous, ghi được nhiều lần), triển vọng của từng chỉ tiêu đến hạn (--deadline), tình trạng hồ sơ (--dossier), phần việc còn lại theo đơn vị phụ trách (--owners), và kết quả của từng xã.\n' +
      '--out bao-cao.html: MỘT tệp đầy đủ (mở không cần mạng, in được trên khổ A4, đọc được trên điện thoại).\n' +
      '--out bao-cao.xlsx: sổ tính (bảng xã × tiêu chí, chỉ tiêu còn thiếu, dự báo, hồ sơ, tiến độ, theo đơn vị phụ trách), đã đặt sẵn để in.\n' +
      '--out ra-soat.json: toàn bộ kết quả rà soát dạng JSON (lược đồ: review.schema.json trong gói này).\n' +
      'Ngày của mỗi lần số liệu là --as-of / --previous-as-of (ghi ngay sau --previous của nó), nếu không thì cột "Ngày số liệu" của tệp, nếu không nữa thì ngày trong tên tệp (du-lieu-15-11-2023.csv); tệp số liệu trước không rõ ngày sẽ bị từ chối. Mỗi lần số liệu được đánh giá theo bộ tiêu chí có hiệu lực vào ngày của nó. Bản tóm tắt được in ra màn hình.',
    () =>
      'Write the review report for a steering-committee meeting: the communes × criteria matrix, the unmet indicators with their gaps, what could not be judged and why (missing data or no official target), progress since the earlier snapshots (--previous, repeatable), the outlook of every gap by the deadline (--deadline), the dossiers (--dossier), the remaining gaps by owner (--owners), and every commune.\n' +
      '--out report.html: ONE self-contained file (no network needed, prints on A4, readable on a phone).\n' +
      '--out report.xlsx: a workbook (matrix, gaps, forecast, dossiers, progress, by owner), set up for printing.\n' +
      '--out review.json: the whole review as JSON (schema: review.schema.json in this package).\n' +
      'Each snapshot\'s date is --as-of / --previous-as-of (the one just after its --previous), else the file\'s "Ngày số liệu" column, else a date in its name (data-2023-11-15.csv); an earlier snapshot with none is refused. Each snapshot is evaluated under the rules in force on its date. The summary is printed on stdout.',
  ),

  'help.review.current': m(
    () => 'tệp số liệu hiện tại: .csv, .xlsx hoặc .json',
    () => 'current data file: .csv, .xlsx or .json',
  ),
  'help.review.out': m(
    () => 'tệp báo cáo: bao-cao.html, bao-cao.xlsx hoặc ra-soat.json',
    () => 'report.html, report.xlsx or review.json',
  ),
  'help.review.previous': m(
    () => 'một lần số liệu trước (ghi được nhiều lần), để thấy tiến độ và dự báo',
    () => 'an earlier snapshot (repeatable), for progress and the forecast',
  ),
  'help.review.previousAsOf': m(
    () => 'ngày của tệp --previous ghi ngay trước nó (mặc định: theo số liệu hoặc tên tệp)',
    () => 'the date of the --previous given just before it (default: its data or file name)',
  ),
  'help.review.deadline': m(
    () => 'hạn hoàn thành mọi chỉ tiêu: thêm dự báo từng chỉ tiêu có kịp hạn không',
    () => 'the day every gap should be closed by: adds the forecast',
  ),
  'help.review.margin': m(
    () => 'số ngày sau hạn vẫn tính là "có nguy cơ trễ" (mặc định 30)',
    () => 'days after the deadline still counted "at risk" (default 30)',
  ),
  'help.review.dossier': m(
    () => 'tình trạng hồ sơ theo xã và tiêu chí (.csv, .xlsx, .json; mẫu: ntm template --dossier)',
    () => 'dossier status per commune and criterion (.csv, .xlsx, .json; template: ntm template --dossier)',
  ),
  'help.review.owners': m(
    () => 'đơn vị phụ trách từng tiêu chí: các cột Tiêu chí,Phụ trách[,Cấp] (hoặc criterion,owner[,level])',
    () =>
      'who is responsible for each criterion: columns criterion,owner[,level] (or Tiêu chí,Phụ trách[,Cấp])',
  ),
  'help.review.illustrative': m(
    () => 'số liệu là dữ liệu minh họa: ghi rõ trên mọi trang của báo cáo',
    () => 'the data are made up (dữ liệu minh họa): say so on every page of the report',
  ),
  'help.review.timeZone': m(
    () => 'múi giờ của các thời điểm ghi trong báo cáo (mặc định Asia/Ho_Chi_Minh)',
    () => 'time zone of the times shown (default Asia/Ho_Chi_Minh)',
  ),
  'help.review.format': m(
    () => 'html, xlsx hoặc json (mặc định: theo đuôi tệp của --out)',
    () => 'html, xlsx or json (default: from --out)',
  ),

  // ---------------------------------------------------------------------------------------------------------
  // Help: ntm template
  'help.template.summary': m(
    () => 'tạo sổ tính Excel để nhập số liệu cho một cấp',
    () => 'write a data-entry workbook for a tier',
  ),
  'help.template.description': m(
    () =>
      'Tạo sổ tính Excel để nhập số liệu cho cấp --level (và các cấp phải đạt trước) theo bộ tiêu chí có hiệu lực vào ngày --as-of: mỗi chỉ tiêu một cột, tiêu đề là tên tiếng Việt, mã chỉ tiêu ở dòng thứ hai được ẩn (ntm đọc dòng này trước), ghi chú trên mỗi tiêu đề nêu đơn vị, khoảng giá trị hợp lệ và mức mục tiêu, kiểm tra dữ liệu của Excel (khoảng giá trị, danh sách Có/Không, danh sách giá trị), một dòng ví dụ (mã bắt đầu bằng # nên không được đọc) và các dòng trống cho các xã. Trang thứ hai liệt kê mọi chỉ tiêu.',
    () =>
      'Write an Excel data-entry workbook for the tier --level (and the tiers it requires) under the edition in force on --as-of: one column per measure with the Vietnamese label as header, the measure key in a hidden second row (what ntm reads first), a note on each header with the unit, valid range and target, Excel data validation (ranges, Có/Không lists, value lists), an example row (its id starts with #, so it is skipped) and empty rows for the communes. A second sheet lists every measure.',
  ),

  'help.template.out': m(
    () => 'sổ tính cần tạo',
    () => 'the workbook to write',
  ),
  'help.template.rows': m(
    () => 'số dòng trống chuẩn bị cho các xã',
    () => 'empty rows prepared for communes',
  ),
  'help.template.communes': m(
    () => 'điền sẵn mã, tên và huyện của các xã từ một tệp số liệu có sẵn',
    () => 'pre-fill commune ids, names and districts from an existing data file',
  ),
  'help.template.dossier': m(
    () =>
      'tạo mẫu hồ sơ thay cho mẫu số liệu (mỗi dòng một xã × tiêu chí; .xlsx hoặc .csv), dùng cho ntm review --dossier',
    () =>
      'write the dossier template instead (one row per commune × criterion; .xlsx or .csv) for ntm review --dossier',
  ),

  // ---------------------------------------------------------------------------------------------------------
  // Help: ntm rules
  'help.rules.summary': m(
    () => 'liệt kê, xem, so sánh, xuất và nhập các bộ tiêu chí',
    () => 'list, show, compare, export and import the editions of the criteria',
  ),
  'help.rules.description': m(
    () =>
      'Liệt kê các bộ tiêu chí quốc gia và bộ tiêu chí riêng của tỉnh, xem một bộ với các mức mục tiêu, hoặc so sánh hai bộ;\n' +
      'xuất một bộ thành sổ tính để cán bộ đọc và sửa, nhập lại sổ tính đó, hoặc liệt kê các mức chưa chính thức.',
    () =>
      'List the editions and province overlays, show one edition with its targets, or compare two;\n' +
      'export one as a workbook an official can edit, import it back, or list the targets not yet official.',
  ),
  'help.rules.export.summary': m(
    () => 'xuất một bộ tiêu chí thành sổ tính (hoặc CSV) để cán bộ đọc và sửa',
    () => 'write a ruleset as a workbook (or CSV) an official can read and edit',
  ),
  'help.rules.export.description': m(
    () =>
      'Ghi bộ tiêu chí <mã> (bộ quốc gia, văn bản sửa đổi hoặc bộ riêng của tỉnh; có sẵn hoặc từ --ruleset) thành sổ tính Excel: trang mức chỉ tiêu (mỗi dòng một tiêu chí và một ô mức, cột tiếng Việt, danh sách chọn, ghi chú trên mỗi tiêu đề, cố định dòng tiêu đề, đặt sẵn để in A4), và các trang thông tin chung, căn cứ pháp lý, số liệu và phần còn lại.\n' +
      '`ntm rules import` đọc lại sổ tính này. --format csv (hoặc --out x.csv) chỉ ghi trang mức chỉ tiêu.',
    () =>
      'Write the ruleset <id> (edition, amendment or province overlay; bundled or from --ruleset) as an Excel workbook: the targets sheet (one row per criterion and per target cell, Vietnamese columns, lists, notes on every header, frozen header, A4 print setup), the header, legal basis, measures and the rest on their own sheets. `ntm rules import` reads it back. --format csv (or --out x.csv) writes the targets sheet only.',
  ),
  'help.rules.export.id': m(
    () => 'mã bộ tiêu chí (xem `ntm rules list`), ví dụ vn/xa-ntm/2026-2030',
    () => 'ruleset id (see `ntm rules list`), e.g. vn/xa-ntm/2026-2030',
  ),
  'help.rules.export.out': m(
    () => 'sổ tính (.xlsx) hoặc bảng (.csv) cần ghi',
    () => 'the workbook (.xlsx) or table (.csv) to write',
  ),
  'help.rules.export.format': m(
    () => 'xlsx hoặc csv (mặc định: theo đuôi tệp của --out)',
    () => 'xlsx or csv (default: from --out)',
  ),
  'help.rules.ruleset': m(
    () => 'thêm một tệp bộ tiêu chí (tệp có mã trùng một bộ có sẵn sẽ thay bộ đó); ghi được nhiều lần',
    () => 'add a ruleset file (one with the id of a bundled ruleset replaces it); repeatable',
  ),
  'help.rules.import.summary': m(
    () => 'đọc lại sổ tính (hoặc CSV) bộ tiêu chí thành tệp quy tắc đã kiểm tra',
    () => 'read a ruleset workbook (or CSV) back into a validated rule file',
  ),
  'help.rules.import.description': m(
    () =>
      'Đọc sổ tính do `ntm rules export` hoặc `ntm rules pending` tạo ra (hoặc trang mức chỉ tiêu dạng CSV), kiểm tra từng ô, dựng tệp quy tắc và kiểm tra như lõi (cấu trúc, biểu thức, bộ của tỉnh chỉ được nâng mức quốc gia). Mọi lỗi được báo theo trang, dòng và cột; khi có lỗi thì không ghi gì. Tệp CSV chỉ có các mức: phần còn lại lấy từ bộ tiêu chí ghi ở cột "Bộ tiêu chí". Mã thoát: 0 đã ghi, 1 bảng có lỗi, 2 dùng sai lệnh hoặc không đọc được tệp.',
    () =>
      'Read a workbook written by `ntm rules export` or `ntm rules pending` (or its targets sheet as CSV), check every cell, build the rule file and validate it as core does (schema, expressions, an overlay only raises national targets). Every problem is reported by sheet, row and column; nothing is written then.\n' +
      'A CSV holds only the targets: the rest comes from the ruleset named in its "Bộ tiêu chí" column.\n' +
      'Exit code: 0 written, 1 problems in the table, 2 usage error or unreadable file.',
  ),
  'help.rules.import.file': m(
    () => 'sổ tính (.xlsx) hoặc bảng (.csv) đã điền',
    () => 'the filled workbook (.xlsx) or table (.csv)',
  ),
  'help.rules.import.out': m(
    () => 'tệp quy tắc (.json) cần ghi',
    () => 'the rule file to write',
  ),
  'help.rules.import.outDir': m(
    () => 'ghi mỗi bộ tiêu chí một tệp, thành <thư-mục>/<mã>.json (sổ tính cần đối chiếu)',
    () => 'write one rule file per ruleset, as <folder>/<id>.json (pending workbooks)',
  ),
  'help.rules.import.errors': m(
    () => 'ghi thêm mọi lỗi vào tệp CSV này (file,row,column,value,reason)',
    () => 'also write every problem to this CSV file (file,row,column,value,reason)',
  ),
  'help.rules.pending.summary': m(
    () => 'xuất mọi mức chỉ tiêu chưa chính thức thành sổ tính để điền',
    () => 'write every target not yet official as a workbook to fill in',
  ),
  'help.rules.pending.description': m(
    () =>
      'Ghi mọi mức chỉ tiêu chưa chính thức (nguồn thứ cấp, giả định, chưa có mức, chỉ tiêu tạm) của mọi bộ tiêu chí thành một sổ tính theo mẫu của `ntm rules export`, có ghi bộ tiêu chí của từng dòng, để văn phòng điền mức chính thức và gửi lại. Trang thông tin ghi khi nhập sẽ tạo ra gì: các bộ tiêu chí đã sửa (cùng mã) hay một bộ riêng của tỉnh.',
    () =>
      'Write every target that is not official (secondary sources, assumed values, unknown targets, placeholders) of every ruleset as one workbook in the layout of `ntm rules export`, with the ruleset of each row, so that an office can fill in the official values and send the file back. Its information sheet says what importing it makes: corrected rulesets (same ids) or a province overlay.',
  ),
  'help.rules.pending.out': m(
    () => 'sổ tính cần ghi',
    () => 'the workbook to write',
  ),
  'help.rules.format': m(
    () => 'dạng kết quả: text (chữ) hoặc json',
    () => 'text or json',
  ),
  'help.rules.list.description': m(
    () =>
      'Liệt kê mọi bộ tiêu chí quốc gia và bộ tiêu chí riêng của tỉnh (có sẵn trong ntm, và các tệp --ruleset).',
    () => 'List every edition and province overlay (bundled, plus --ruleset files).',
  ),
  'help.rules.list.level': m(
    () => 'chỉ liệt kê cấp này',
    () => 'only this tier',
  ),
  'help.rules.list.ruleset': m(
    () => 'thêm một tệp bộ tiêu chí; ghi được nhiều lần',
    () => 'add a ruleset file; repeatable',
  ),
  'help.rules.show.description': m(
    () =>
      'Xem bộ tiêu chí của <cấp> có hiệu lực vào ngày --as-of: tiêu chí, chỉ tiêu, số liệu cần nhập và mức mục tiêu (theo vùng của --province hoặc --region; nếu không ghi thì theo từng vùng khi các vùng có mức khác nhau).',
    () =>
      'Show the edition of <level> in force on --as-of: criteria, indicators, measures and targets (for the region of --province or --region; otherwise per region where they differ).',
  ),

  'help.rules.show.level': m<{ levels: string }>(
    (p) => `cấp: ${p.levels} (mã hoặc tên)`,
    (p) => `the tier: ${p.levels} (its id or name)`,
  ),
  'help.rules.show.measures': m(
    () => 'liệt kê thêm các số liệu cần nhập (các cột dữ liệu)',
    () => 'also list the measures (the data columns)',
  ),
  'help.rules.diff.description': m(
    () =>
      'So sánh hai bộ tiêu chí theo mã (xem ntm rules list): tiêu chí, chỉ tiêu, mức mục tiêu, số liệu cần nhập.',
    () =>
      'Compare two editions or overlays by id (see `ntm rules list`): criteria, indicators, targets, measures.',
  ),
  'help.rules.diff.id': m(
    () => 'mã bộ tiêu chí quốc gia hoặc của tỉnh',
    () => 'edition or overlay id',
  ),
  'help.rules.diff.ruleset': m(
    () => 'thêm một tệp bộ tiêu chí (ví dụ bản dự thảo của tỉnh) để so sánh; ghi được nhiều lần',
    () => 'add a ruleset file (e.g. a draft overlay) so that it can be compared; repeatable',
  ),

  // ---------------------------------------------------------------------------------------------------------
  // Help: ntm validate
  'help.validate.summary': m(
    () => 'kiểm tra tệp số liệu hoặc tệp bộ tiêu chí và báo mọi lỗi',
    () => 'check data files or ruleset files and report every problem',
  ),
  'help.validate.description': m(
    () =>
      'Kiểm tra tệp số liệu (CSV, Excel, JSON: từng ô, từng dòng) hoặc tệp bộ tiêu chí (bộ tiêu chí quốc gia, văn bản sửa đổi hoặc bộ tiêu chí riêng của tỉnh, nhận ra theo cấu trúc: lược đồ, biểu thức, và độ khớp với các bộ có sẵn).\n' +
      'Báo mọi lỗi, không chỉ lỗi đầu tiên. Mã thoát: 0 không có lỗi, 1 có lỗi, 2 không đọc được tệp.\n' +
      'Với --level (và --as-of), từng dòng số liệu còn được kiểm tra theo bộ tiêu chí (vùng, tỉnh, loại xã).',
    () =>
      'Check data files (CSV, Excel, JSON: every cell, every row) or ruleset files (an edition, amendment or province overlay, recognised by its shape: schema, expressions, and how it fits the bundled rulesets).\n' +
      'Every problem is reported, not just the first. Exit code: 0 no problem, 1 problems found, 2 unreadable file.\n' +
      'With --level (and --as-of), data rows are also checked against the edition (region, province, categories).',
  ),

  'help.validate.files': m(
    () => 'tệp số liệu (.csv, .xlsx, .json) hoặc tệp bộ tiêu chí (.json)',
    () => 'data files (.csv, .xlsx, .json) or ruleset files (.json)',
  ),
  'help.validate.level': m(
    () => 'kiểm tra thêm từng dòng theo cấp này (cùng với --as-of)',
    () => 'also check rows against this tier (with --as-of)',
  ),

  // ---------------------------------------------------------------------------------------------------------
  // Commander's own errors, re-worded (see cli-help.ts)
  'commander.unknownOption': m<{ flag: string; suggestion: string | null }>(
    (p) => `không có tùy chọn ${p.flag}${p.suggestion ? ` (có phải ${p.suggestion}?)` : ''}`,
    (p) => `unknown option '${p.flag}'${p.suggestion ? ` (did you mean ${p.suggestion}?)` : ''}`,
  ),
  'commander.unknownCommand': m<{ name: string; suggestion: string | null }>(
    (p) => `không có lệnh ${p.name}${p.suggestion ? ` (có phải ${p.suggestion}?)` : ''}`,
    (p) => `unknown command '${p.name}'${p.suggestion ? ` (did you mean ${p.suggestion}?)` : ''}`,
  ),
  'commander.missingArgument': m<{ name: string }>(
    (p) => `thiếu tham số <${p.name}>`,
    (p) => `missing required argument '${p.name}'`,
  ),
  'commander.optionMissingArgument': m<{ flags: string }>(
    (p) => `tùy chọn ${p.flags} cần một giá trị`,
    (p) => `option '${p.flags}' argument missing`,
  ),
  'commander.missingMandatoryOptionValue': m<{ flags: string }>(
    (p) => `thiếu tùy chọn bắt buộc ${p.flags}`,
    (p) => `required option '${p.flags}' not specified`,
  ),
  'commander.conflictingOption': m<{ first: string; second: string }>(
    (p) => `không ghi được cả ${p.first} và ${p.second}; hãy chọn một`,
    (p) => `option '${p.first}' cannot be used with option '${p.second}'`,
  ),
  'commander.excessArguments': m<{ command: string | null; expected: number; got: number }>(
    (p) =>
      `thừa tham số${p.command ? ` cho lệnh ${p.command}` : ''}: cần ${p.expected}, nhận được ${p.got} (tên tệp có dấu cách thì đặt trong ngoặc kép)`,
    (p) =>
      `too many arguments${p.command ? ` for '${p.command}'` : ''}. Expected ${p.expected} argument${p.expected === 1 ? '' : 's'} but got ${p.got}.`,
  ),
  'commander.invalidOptionValue': m<{ flags: string; value: string; why: string }>(
    (p) => `${p.flags} "${p.value}" không dùng được: ${p.why}`,
    (p) => `option '${p.flags}' argument '${p.value}' is invalid. ${p.why}`,
  ),
  'commander.invalidArgumentValue': m<{ name: string; value: string; why: string }>(
    (p) => `<${p.name}> "${p.value}" không dùng được: ${p.why}`,
    (p) => `command-argument value '${p.value}' is invalid for argument '${p.name}'. ${p.why}`,
  ),

  // ---------------------------------------------------------------------------------------------------------
  // Option values as people type them (commands/options.ts)
  'option.choice': m<{ choices: string }>(
    (p) => `cần một trong: ${p.choices}`,
    (p) => `expected one of: ${p.choices}`,
  ),
  'option.wholeNumber': m<{ min: number; max: number }>(
    (p) => `cần một số nguyên từ ${nvi(p.min)} đến ${nvi(p.max)}`,
    (p) => `expected a whole number from ${nen(p.min)} to ${nen(p.max)}`,
  ),
  'option.dateFormat': m(
    () => 'cần một ngày như 15/11/2023 (ngày/tháng/năm) hoặc 2023-11-15',
    () => 'expected a date such as 2023-11-15 (or 15/11/2023, day/month/year)',
  ),
  'option.dateMonth': m<{ month: number }>(
    (p) => `không có tháng ${p.month}: ngày được ghi theo thứ tự ngày/tháng/năm, ví dụ 15/11/2023`,
    (p) => `there is no month ${p.month}: dates are written year-month-day (2023-11-15) or day/month/year`,
  ),
  'option.dateDay': m<{ day: number; month: number; year: number; days: number }>(
    (p) =>
      `ngày ${p.day}/${p.month}/${p.year} không tồn tại: tháng ${p.month}/${p.year} chỉ có ${p.days} ngày`,
    (p) =>
      `the date ${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')} does not exist: month ${p.month} of ${p.year} has ${p.days} days`,
  ),
  'option.dateYear': m<{ year: number }>(
    (p) => `năm ${p.year} nằm ngoài khoảng ntm có thể đánh giá (1900–2200)`,
    (p) => `the year ${p.year} is outside what ntm can assess (1900–2200)`,
  ),
  'option.levelUnknown': m<{ hint: string | null; levels: string }>(
    (p) => `không có cấp này${p.hint ? ` (có phải ${p.hint}?)` : ''}; các cấp: ${p.levels}`,
    (p) => `unknown level${p.hint ? ` (did you mean ${p.hint}?)` : ''}; the levels are ${p.levels}`,
  ),
  'option.levelNotBundled': m<{ level: string; levels: string }>(
    (p) =>
      `không có cấp ${p.level}; các cấp: ${p.levels} (một cấp khác chỉ dùng được khi tệp --ruleset định nghĩa nó)`,
    (p) =>
      `unknown level ${p.level}; the levels are ${p.levels} (another level needs a --ruleset file that defines it)`,
  ),
  'option.asOfToday': m<{ today: string; example: string | null }>(
    (p) =>
      `Không ghi --as-of nên ngày đánh giá là hôm nay (${viDate(p.today)})${p.example ? `; để đánh giá theo bộ tiêu chí cũ, hãy ghi ngày, ví dụ --as-of ${viDate(p.example)}` : ''}.`,
    (p) =>
      `Without --as-of the assessment date is today (${p.today})${p.example ? `; to assess under an earlier edition, give its date, e.g. --as-of ${p.example}` : ''}.`,
  ),

  // ---------------------------------------------------------------------------------------------------------
  // Usage errors of the commands
  'usage.xlsxNeedsOut': m(
    () => '--format xlsx tạo ra một sổ tính: hãy ghi --out <tệp.xlsx>',
    () => '--format xlsx writes a workbook: give --out <file.xlsx>',
  ),
  'usage.templateNeedsOut': m(
    () => 'hãy ghi --out mau-nhap-lieu.xlsx',
    () => 'give --out template.xlsx',
  ),
  'usage.templateOutExtension': m<{ out: string }>(
    (p) => `tệp --out phải có đuôi .xlsx (đã ghi ${p.out})`,
    (p) => `--out must end in .xlsx (got ${p.out})`,
  ),
  'usage.dossierTemplateOutExtension': m<{ out: string }>(
    (p) => `tệp --out của mẫu hồ sơ phải có đuôi .xlsx hoặc .csv (đã ghi ${p.out})`,
    (p) => `the dossier template's --out must end in .xlsx or .csv (got ${p.out})`,
  ),

  // ---------------------------------------------------------------------------------------------------------
  // Reading: the header row, percentages typed as fractions (io/rows.ts, io/cells.ts)
  'header.rowFound': m<{ file: string; sheet: string | null; row: number; skipped: number }>(
    (p) =>
      `ntm: ${p.file}${p.sheet ? `, trang "${p.sheet}"` : ''}: lấy dòng ${p.row} làm dòng tiêu đề; bỏ qua ${p.skipped} dòng phía trên (tên bảng, ghi chú)\n`,
    (p) =>
      `ntm: ${p.file}${p.sheet ? `, sheet "${p.sheet}"` : ''}: row ${p.row} taken as the header row; the ${p.skipped} row(s) above it are skipped (title, notes)\n`,
  ),
  'header.rowHint': m(
    () =>
      'nếu dòng tiêu đề không phải dòng 1 (có dòng tên bảng ở trên), hãy ghi --header-row với số của dòng đó',
    () => 'if the header is not on row 1 (a title row above it), give --header-row with its number',
  ),
  'header.rowBeyond': m<{ file: string; sheet: string | null; row: number; rows: number }>(
    (p) =>
      `${p.file}${p.sheet ? `, trang "${p.sheet}"` : ''}: không có dòng ${nvi(p.row)} (--header-row); ${p.sheet ? 'trang' : 'tệp'} có ${nvi(p.rows)} dòng`,
    (p) =>
      `${p.file}${p.sheet ? `, sheet "${p.sheet}"` : ''}: there is no row ${nen(p.row)} (--header-row); the ${p.sheet ? 'sheet' : 'file'} has ${nen(p.rows)} rows`,
  ),
  'header.rowEmpty': m<{ file: string; sheet: string | null; row: number }>(
    (p) =>
      `${p.file}${p.sheet ? `, trang "${p.sheet}"` : ''}: dòng ${nvi(p.row)} (--header-row) để trống, không phải dòng tiêu đề`,
    (p) =>
      `${p.file}${p.sheet ? `, sheet "${p.sheet}"` : ''}: row ${nen(p.row)} (--header-row) is empty, not a header row`,
  ),
  'percent.fraction': m<{ value: string; percent: string; others: string }>(
    (p) =>
      `${p.value} có thể là tỷ lệ viết dạng phân số (${p.percent} %?): các giá trị khác của cột đều lớn hơn 1 (${p.others}); ntm vẫn đọc là ${p.value} %, nếu là ${p.percent} % hãy ghi ${p.percent}`,
    (p) =>
      `${p.value} may be a percentage written as a fraction (${p.percent} %?): the column's other values are all above 1 (${p.others}); ntm reads it as ${p.value} %; if ${p.percent} % is meant, write ${p.percent}`,
  ),
  'warning.line': m<{ line: string }>(
    (p) => `ntm: cảnh báo: ${p.line}\n`,
    (p) => `ntm: warning: ${p.line}\n`,
  ),

  // ---------------------------------------------------------------------------------------------------------
  // Status lines of the commands
  'status.evaluate.rowErrors': m<{ rows: number; evaluated: number }>(
    (p) => `ntm: ${nvi(p.rows)} dòng có lỗi, không được đánh giá; đã đánh giá ${nvi(p.evaluated)} xã.\n`,
    (p) =>
      `ntm: ${nen(p.rows)} row(s) with errors were not evaluated; ${nen(p.evaluated)} commune(s) evaluated.\n`,
  ),
  'status.evaluate.wrote': m<{ out: string; communes: number }>(
    (p) => `ntm: đã ghi ${p.out} (${nvi(p.communes)} xã)\n`,
    (p) => `ntm: wrote ${p.out} (${nen(p.communes)} communes)\n`,
  ),
  'status.validate.rulesetProblems': m<{ file: string; count: number }>(
    (p) => `ntm: ${p.file}: ${nvi(p.count)} lỗi trong bộ tiêu chí\n`,
    (p) => `ntm: ${p.file}: ${nen(p.count)} problem(s) in the ruleset\n`,
  ),
  'status.validate.bundledProblems': m<{ file: string; count: number }>(
    (p) => `ntm: ${p.file}: ${nvi(p.count)} lỗi khi ghép với các bộ tiêu chí có sẵn\n`,
    (p) => `ntm: ${p.file}: ${nen(p.count)} problem(s) with the bundled rulesets\n`,
  ),
  'status.validate.rulesetOk': m<{ file: string; parts: string }>(
    (p) => `${p.file}: hợp lệ (${p.parts})`,
    (p) => `${p.file}: OK (${p.parts})`,
  ),
  'status.validate.kind': m<{ kind: string }>(
    (p) =>
      p.kind === 'overlay'
        ? 'bộ tiêu chí riêng của tỉnh'
        : p.kind === 'amendment'
          ? 'văn bản sửa đổi'
          : 'bộ tiêu chí quốc gia',
    (p) => p.kind,
  ),
  'status.validate.level': m<{ level: string }>(
    (p) => `cấp ${p.level}`,
    (p) => `level ${p.level}`,
  ),
  'status.validate.extends': m<{ ids: string }>(
    (p) => `mở rộng ${p.ids}`,
    (p) => `extends ${p.ids}`,
  ),
  'status.validate.amends': m<{ id: string }>(
    (p) => `sửa đổi ${p.id}`,
    (p) => `amends ${p.id}`,
  ),
  'status.validate.targets': m<{ count: number }>(
    (p) => `${nvi(p.count)} mức mục tiêu`,
    (p) => `${nen(p.count)} target(s)`,
  ),
  'status.validate.addedIndicators': m<{ count: number }>(
    (p) => `thêm ${nvi(p.count)} chỉ tiêu`,
    (p) => `${nen(p.count)} added indicator(s)`,
  ),
  'status.validate.criteria': m<{ criteria: number; indicators: number }>(
    (p) => `${nvi(p.criteria)} tiêu chí, ${nvi(p.indicators)} chỉ tiêu`,
    (p) => `${nen(p.criteria)} criteria, ${nen(p.indicators)} indicators`,
  ),
  'rules.list.header': m(
    () => 'mã|loại|cấp|hiệu lực|phạm vi|căn cứ|tên',
    () => 'id|kind|level|effective|jurisdiction|basis|name',
  ),
  'rules.list.national': m(
    () => 'toàn quốc',
    () => 'national',
  ),
  'rules.measures.header': m(
    () => 'mã|kiểu|đơn vị|nhỏ nhất|lớn nhất|nhãn',
    () => 'key|type|unit|min|max|label',
  ),
  'rules.measures.type': m<{ type: string; multiple: boolean }>(
    (p) => {
      const words: Record<string, string> = {
        percent: 'tỷ lệ %',
        boolean: 'có/không',
        money: 'tiền',
        count: 'số đếm',
        number: 'số',
        enum: 'danh sách',
      };
      return `${words[p.type] ?? p.type}${p.multiple ? ' (nhiều giá trị)' : ''}`;
    },
    (p) => `${p.type}${p.multiple ? '[]' : ''}`,
  ),
  'rules.list.kind': m<{ kind: string }>(
    (p) => (p.kind === 'overlay' ? 'của tỉnh' : p.kind === 'amendment' ? 'sửa đổi' : 'quốc gia'),
    (p) => p.kind,
  ),
} as const;
