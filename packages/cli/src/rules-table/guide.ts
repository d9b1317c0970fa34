/** The guide sheet of a ruleset workbook: how an office reads, fills and sends it back (Vietnamese). */
import { TARGETS } from './layout.js';

const common = (file: string): string[] => [
  '1. Trang "Mức chỉ tiêu"',
  'Mỗi tiêu chí có một dòng tiêu chí (in đậm: mã tiêu chí và tên). Mỗi mức của một chỉ tiêu là một dòng: chỉ tiêu có mức khác nhau theo vùng, nhóm xã hoặc năm thì có nhiều dòng, mỗi dòng một vùng/nhóm xã và một năm hoặc khoảng năm.',
  'Mỗi ô tiêu đề có ghi chú giải thích cột (di chuột lên ô). Các cột có danh sách (So sánh, Vùng / nhóm xã, Mức độ tin cậy…) có mũi tên chọn giá trị.',
  'Ghi số như thường lệ: 64 hoặc 64,5. So sánh: ≥ hoặc >=, ≤ hoặc <=, =. Năm: 2023, 2022–2025 hoặc "từ 2026". Chỉ tiêu có/không: so sánh = và mức Đạt.',
  'Mức chưa biết: để trống cột Mức, Mức độ tin cậy "chưa có mức", ghi lý do ở cột Ghi chú.',
  'Mức độ tin cậy: "chính thức" chỉ khi đã đọc mức trong văn bản pháp luật hoặc bảng chính thức, kèm Nguồn (đường dẫn) và Trích dẫn (câu ghi mức); "nguồn thứ cấp" khi mức lấy từ văn bản của tỉnh hoặc báo chí dẫn lại (kèm Nguồn); "giả định" khi mức là suy ra (ghi lý do ở Ghi chú; nếu chỉ biết mức thật ít nhất chặt bằng mức này thì ghi Có ở cột "Chỉ là cận").',
  'Các cột có nền xám ở bên phải là phần kỹ thuật (tên tiếng Anh, mã số liệu, biểu thức…): thường không cần sửa; chúng giữ cho tệp nhập lại được đầy đủ. Khi in, chỉ in phần chính.',
  '2. Thêm chỉ tiêu',
  'Chèn một dòng, ghi mã tiêu chí, mã chỉ tiêu mới, nội dung, đơn vị, so sánh, mức, căn cứ, mức độ tin cậy và nguồn. Cột kỹ thuật "Mã số liệu" có thể để trống: ntm tự đặt mã (chi_tieu_<mã chỉ tiêu>) và khai báo số liệu theo nội dung, đơn vị (% là tỷ lệ) và mức (Đạt là có/không). Muốn đặt tên cột dữ liệu khác, khai báo số liệu ở trang "Số liệu" và ghi mã đó.',
  'Tiêu chí đang có chỉ tiêu giữ chỗ (cột "Giữ chỗ" = Có): khi đã ghi đủ các chỉ tiêu thật của tiêu chí, xóa dòng giữ chỗ.',
  '3. Các trang khác',
  '"Thông tin chung": mã, cấp, hiệu lực, văn bản căn cứ chính… "Căn cứ pháp lý": các văn bản. "Số liệu": các cột dữ liệu mà chỉ tiêu so sánh. "Nhóm xã", "Loại xã", "Quy tắc vùng", "Nhóm tiêu chí", "Khung bộ tiêu chí", "Giá trị lựa chọn": phần còn lại của bộ tiêu chí. Không đổi tên trang và tên cột.',
  '4. Nhập lại và kiểm tra',
  `Lưu tệp (Excel hoặc LibreOffice, định dạng .xlsx), rồi chạy: ntm rules import ${file} --out bo-tieu-chi.json`,
  'Lệnh kiểm tra từng ô; mỗi lỗi được báo theo trang, dòng và cột (ví dụ: trang "Mức chỉ tiêu", dòng 12, cột "Mức"). Có lỗi thì chưa ghi tệp nào: sửa các ô được nêu rồi chạy lại.',
  'Khi hợp lệ, đánh giá thử: ntm evaluate du-lieu.xlsx --level ntm --ruleset bo-tieu-chi.json. Nếu bộ tiêu chí cùng mã với bộ có sẵn, tệp của bạn thay bộ đó trong lần chạy này (ntm báo điều này).',
  '5. Gửi lại',
  'Gửi tệp .xlsx đã điền (và tệp .json nếu đã nhập) cho nơi tổng hợp, kèm văn bản hoặc đường dẫn nguồn của các mức chính thức.',
];

/** The guide of a ruleset's workbook. */
export function rulesetGuide(id: string, file: string): string[] {
  return [`Bảng tiêu chí ${id}: hướng dẫn`, ...common(file)];
}

/** The guide of the workbook of targets pending verification. */
export function pendingGuide(file: string): string[] {
  return [
    'Bảng mức chỉ tiêu cần đối chiếu: hướng dẫn',
    `Bảng này liệt kê mọi mức chỉ tiêu chưa chính thức của các bộ tiêu chí (cột "${TARGETS.columns[0]?.header}"): mức theo nguồn thứ cấp, mức giả định, mức chưa có, chỉ tiêu giữ chỗ. Văn phòng điều phối nông thôn mới hoặc cán bộ có văn bản gốc điền mức chính thức, nguồn và câu trích, rồi gửi lại.`,
    'Chỉ sửa những dòng biết chắc; dòng không sửa được giữ nguyên. Có thể xóa những dòng không liên quan: dòng vắng mặt nghĩa là giữ như cũ.',
    'Trang "Thông tin chung", dòng "Khi nhập, tạo": "Bản sửa của bộ tiêu chí (cùng mã)" khi mức điền vào là mức quốc gia đọc được trong văn bản (bộ tiêu chí được ghi lại với cùng mã, thay bộ có sẵn khi chạy với --ruleset); "Bộ tiêu chí của tỉnh (chỉ nâng mức)" khi mức điền vào là mức riêng của tỉnh (điền thêm Tỉnh và văn bản của tỉnh; mức của tỉnh chỉ được cao hơn hoặc bằng mức quốc gia).',
    ...common(file).map((line) =>
      line.startsWith('Lưu tệp')
        ? `Lưu tệp rồi chạy: ntm rules import ${file} --out-dir bo-tieu-chi-da-sua (mỗi bộ tiêu chí có dòng được sửa là một tệp .json; chỉ một bộ thì có thể dùng --out tep.json).`
        : line,
    ),
  ];
}
