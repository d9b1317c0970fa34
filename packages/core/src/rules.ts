import kieuMauNamDinh2022 from '../rules/provinces/nam-dinh/xa-kieu-mau-2022.json' with { type: 'json' };
import ntmQuangBinh2022 from '../rules/provinces/quang-binh/xa-ntm-2022.json' with { type: 'json' };
import congNhan2022 from '../rules/vn/dieu-kien-cong-nhan/2022.json' with { type: 'json' };
import kieuMau2021 from '../rules/vn/xa-kieu-mau/2021-2025.json' with { type: 'json' };
import nangCao2021 from '../rules/vn/xa-nang-cao/2021-2025.json' with { type: 'json' };
import nangCao2024 from '../rules/vn/xa-nang-cao/2024-sua-doi.json' with { type: 'json' };
import ntm2021 from '../rules/vn/xa-ntm/2021-2025.json' with { type: 'json' };
import ntm2024 from '../rules/vn/xa-ntm/2024-sua-doi.json' with { type: 'json' };
import ntm2026 from '../rules/vn/xa-ntm/2026-2030.json' with { type: 'json' };
import type { RulesetInput } from './editions/registry.js';

/** The editions and overlays shipped with the package, with the file each comes from (used in error messages). */
export const BUNDLED_RULESETS: readonly RulesetInput[] = [
  { file: 'rules/vn/xa-ntm/2021-2025.json', ruleset: ntm2021 },
  { file: 'rules/vn/xa-ntm/2024-sua-doi.json', ruleset: ntm2024 },
  { file: 'rules/vn/xa-ntm/2026-2030.json', ruleset: ntm2026 },
  { file: 'rules/vn/xa-nang-cao/2021-2025.json', ruleset: nangCao2021 },
  { file: 'rules/vn/xa-nang-cao/2024-sua-doi.json', ruleset: nangCao2024 },
  { file: 'rules/vn/xa-kieu-mau/2021-2025.json', ruleset: kieuMau2021 },
  { file: 'rules/vn/dieu-kien-cong-nhan/2022.json', ruleset: congNhan2022 },
  { file: 'rules/provinces/nam-dinh/xa-kieu-mau-2022.json', ruleset: kieuMauNamDinh2022 },
  { file: 'rules/provinces/quang-binh/xa-ntm-2022.json', ruleset: ntmQuangBinh2022 },
];
