/**
 * Provinces of Vietnam with the NTM region (vùng) whose targets their communes use.
 *
 * Administrative facts, not targets:
 * - 2021 to 2025-06-30: the 63 provinces and centrally-run cities. Their regions are the seven regions of the
 *   national NTM criteria (1980/QĐ-TTg, 318/QĐ-TTg), which differ from the six GSO statistical regions:
 *   TDMNPB 14 provinces, ĐBSH 11 (Quảng Ninh included), BTB 6 (Thanh Hóa to Thừa Thiên Huế),
 *   DHNTB 8 (Đà Nẵng to Bình Thuận), TN 5, ĐNB 6 (Bình Phước and Tây Ninh included), ĐBSCL 13.
 * - Thừa Thiên Huế became the centrally-run city of Huế on 2025-01-01 (Nghị quyết 1314/NQ-UBTVQH15),
 *   so it appears under two ids.
 * - From 2025-07-01: the 34 provinces and cities of Nghị quyết 202/2025/QH15 (12/06/2025). A merged province
 *   keeps the slug of the unit whose name it took (e.g. `ninh-binh` = Ninh Bình + Hà Nam + Nam Định), with one
 *   record per period; its `regions` are the union of the regions of its parts, main part first.
 * - The 11 provinces left unchanged by 202/2025/QH15 have one record with no `from`/`to`.
 * `from` and `to` are inclusive ISO dates; an absent bound means "open".
 */
import type { Region } from '../schema/common.js';

export interface ProvinceRecord {
  /** ASCII slug, e.g. nam-dinh, ho-chi-minh. */
  id: string;
  /** Vietnamese name. */
  name: string;
  /** NTM region(s); several only for a post-2025 merged province spanning regions. */
  regions: Region[];
  /** First day of validity (inclusive). */
  from?: string;
  /** Last day of validity (inclusive). */
  to?: string;
  /** Slugs of the pre-merger provinces (for provinces formed on 2025-07-01). */
  mergedFrom?: string[];
}

const BEFORE = '2025-06-30';
const AFTER = '2025-07-01';

function old(id: string, name: string, region: Region): ProvinceRecord {
  return { id, name, regions: [region], to: BEFORE };
}

function merged(id: string, name: string, regions: Region[], mergedFrom: string[]): ProvinceRecord {
  return { id, name, regions, from: AFTER, mergedFrom };
}

function unchanged(id: string, name: string, region: Region): ProvinceRecord {
  return { id, name, regions: [region] };
}

export const PROVINCES: readonly ProvinceRecord[] = Object.freeze([
  // ---- Unchanged by 202/2025/QH15 (valid throughout) ----
  unchanged('ha-noi', 'Hà Nội', 'dbsh'),
  unchanged('cao-bang', 'Cao Bằng', 'tdmnpb'),
  unchanged('dien-bien', 'Điện Biên', 'tdmnpb'),
  unchanged('lai-chau', 'Lai Châu', 'tdmnpb'),
  unchanged('son-la', 'Sơn La', 'tdmnpb'),
  unchanged('lang-son', 'Lạng Sơn', 'tdmnpb'),
  unchanged('quang-ninh', 'Quảng Ninh', 'dbsh'),
  unchanged('thanh-hoa', 'Thanh Hóa', 'btb'),
  unchanged('nghe-an', 'Nghệ An', 'btb'),
  unchanged('ha-tinh', 'Hà Tĩnh', 'btb'),
  { id: 'thua-thien-hue', name: 'Thừa Thiên Huế', regions: ['btb'], to: '2024-12-31' },
  { id: 'hue', name: 'Huế', regions: ['btb'], from: '2025-01-01' },

  // ---- The other 52 of the 63 provinces, to 2025-06-30 ----
  // Trung du và miền núi phía Bắc (14 with Cao Bằng, Điện Biên, Lai Châu, Sơn La, Lạng Sơn above)
  old('ha-giang', 'Hà Giang', 'tdmnpb'),
  old('bac-kan', 'Bắc Kạn', 'tdmnpb'),
  old('tuyen-quang', 'Tuyên Quang', 'tdmnpb'),
  old('lao-cai', 'Lào Cai', 'tdmnpb'),
  old('yen-bai', 'Yên Bái', 'tdmnpb'),
  old('thai-nguyen', 'Thái Nguyên', 'tdmnpb'),
  old('phu-tho', 'Phú Thọ', 'tdmnpb'),
  old('bac-giang', 'Bắc Giang', 'tdmnpb'),
  old('hoa-binh', 'Hòa Bình', 'tdmnpb'),
  // Đồng bằng sông Hồng (11 with Hà Nội, Quảng Ninh above)
  old('vinh-phuc', 'Vĩnh Phúc', 'dbsh'),
  old('bac-ninh', 'Bắc Ninh', 'dbsh'),
  old('hai-duong', 'Hải Dương', 'dbsh'),
  old('hai-phong', 'Hải Phòng', 'dbsh'),
  old('hung-yen', 'Hưng Yên', 'dbsh'),
  old('thai-binh', 'Thái Bình', 'dbsh'),
  old('ha-nam', 'Hà Nam', 'dbsh'),
  old('nam-dinh', 'Nam Định', 'dbsh'),
  old('ninh-binh', 'Ninh Bình', 'dbsh'),
  // Bắc Trung Bộ (6 with Thanh Hóa, Nghệ An, Hà Tĩnh, Thừa Thiên Huế above)
  old('quang-binh', 'Quảng Bình', 'btb'),
  old('quang-tri', 'Quảng Trị', 'btb'),
  // Duyên hải Nam Trung Bộ (8)
  old('da-nang', 'Đà Nẵng', 'dhntb'),
  old('quang-nam', 'Quảng Nam', 'dhntb'),
  old('quang-ngai', 'Quảng Ngãi', 'dhntb'),
  old('binh-dinh', 'Bình Định', 'dhntb'),
  old('phu-yen', 'Phú Yên', 'dhntb'),
  old('khanh-hoa', 'Khánh Hòa', 'dhntb'),
  old('ninh-thuan', 'Ninh Thuận', 'dhntb'),
  old('binh-thuan', 'Bình Thuận', 'dhntb'),
  // Tây Nguyên (5)
  old('kon-tum', 'Kon Tum', 'tn'),
  old('gia-lai', 'Gia Lai', 'tn'),
  old('dak-lak', 'Đắk Lắk', 'tn'),
  old('dak-nong', 'Đắk Nông', 'tn'),
  old('lam-dong', 'Lâm Đồng', 'tn'),
  // Đông Nam Bộ (6)
  old('binh-phuoc', 'Bình Phước', 'dnb'),
  old('tay-ninh', 'Tây Ninh', 'dnb'),
  old('binh-duong', 'Bình Dương', 'dnb'),
  old('dong-nai', 'Đồng Nai', 'dnb'),
  old('ba-ria-vung-tau', 'Bà Rịa - Vũng Tàu', 'dnb'),
  old('ho-chi-minh', 'Thành phố Hồ Chí Minh', 'dnb'),
  // Đồng bằng sông Cửu Long (13)
  old('long-an', 'Long An', 'dbscl'),
  old('tien-giang', 'Tiền Giang', 'dbscl'),
  old('ben-tre', 'Bến Tre', 'dbscl'),
  old('tra-vinh', 'Trà Vinh', 'dbscl'),
  old('vinh-long', 'Vĩnh Long', 'dbscl'),
  old('dong-thap', 'Đồng Tháp', 'dbscl'),
  old('an-giang', 'An Giang', 'dbscl'),
  old('kien-giang', 'Kiên Giang', 'dbscl'),
  old('can-tho', 'Cần Thơ', 'dbscl'),
  old('hau-giang', 'Hậu Giang', 'dbscl'),
  old('soc-trang', 'Sóc Trăng', 'dbscl'),
  old('bac-lieu', 'Bạc Liêu', 'dbscl'),
  old('ca-mau', 'Cà Mau', 'dbscl'),

  // ---- The 23 provinces formed by merger on 2025-07-01 (202/2025/QH15) ----
  merged('tuyen-quang', 'Tuyên Quang', ['tdmnpb'], ['tuyen-quang', 'ha-giang']),
  merged('lao-cai', 'Lào Cai', ['tdmnpb'], ['lao-cai', 'yen-bai']),
  merged('thai-nguyen', 'Thái Nguyên', ['tdmnpb'], ['thai-nguyen', 'bac-kan']),
  merged('phu-tho', 'Phú Thọ', ['tdmnpb', 'dbsh'], ['phu-tho', 'vinh-phuc', 'hoa-binh']),
  merged('bac-ninh', 'Bắc Ninh', ['dbsh', 'tdmnpb'], ['bac-ninh', 'bac-giang']),
  merged('hung-yen', 'Hưng Yên', ['dbsh'], ['hung-yen', 'thai-binh']),
  merged('hai-phong', 'Hải Phòng', ['dbsh'], ['hai-phong', 'hai-duong']),
  merged('ninh-binh', 'Ninh Bình', ['dbsh'], ['ninh-binh', 'ha-nam', 'nam-dinh']),
  merged('quang-tri', 'Quảng Trị', ['btb'], ['quang-tri', 'quang-binh']),
  merged('da-nang', 'Đà Nẵng', ['dhntb'], ['da-nang', 'quang-nam']),
  merged('quang-ngai', 'Quảng Ngãi', ['dhntb', 'tn'], ['quang-ngai', 'kon-tum']),
  merged('gia-lai', 'Gia Lai', ['tn', 'dhntb'], ['gia-lai', 'binh-dinh']),
  merged('khanh-hoa', 'Khánh Hòa', ['dhntb'], ['khanh-hoa', 'ninh-thuan']),
  merged('lam-dong', 'Lâm Đồng', ['tn', 'dhntb'], ['lam-dong', 'dak-nong', 'binh-thuan']),
  merged('dak-lak', 'Đắk Lắk', ['tn', 'dhntb'], ['dak-lak', 'phu-yen']),
  merged('ho-chi-minh', 'Thành phố Hồ Chí Minh', ['dnb'], ['ho-chi-minh', 'binh-duong', 'ba-ria-vung-tau']),
  merged('dong-nai', 'Đồng Nai', ['dnb'], ['dong-nai', 'binh-phuoc']),
  merged('tay-ninh', 'Tây Ninh', ['dnb', 'dbscl'], ['tay-ninh', 'long-an']),
  merged('can-tho', 'Cần Thơ', ['dbscl'], ['can-tho', 'soc-trang', 'hau-giang']),
  merged('vinh-long', 'Vĩnh Long', ['dbscl'], ['vinh-long', 'ben-tre', 'tra-vinh']),
  merged('dong-thap', 'Đồng Tháp', ['dbscl'], ['dong-thap', 'tien-giang']),
  merged('ca-mau', 'Cà Mau', ['dbscl'], ['ca-mau', 'bac-lieu']),
  merged('an-giang', 'An Giang', ['dbscl'], ['an-giang', 'kien-giang']),
]);
