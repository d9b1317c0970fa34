/**
 * Rule files that use every part of the format (for the workbook round trip and the import checks): an
 * edition with group and region tables, years, bounds, unknown cells, a placeholder, composite and computed
 * tests, commune groups, categories, region rules and a framework; an overlay with defaults, a stricter
 * comparator, partial tables and added indicators and criteria; an amendment with defaults and emptied region
 * rules. Their level (`thu-nghiem`) and years (2030–2039) keep them clear of the bundled rulesets.
 */
const text = (vi: string, en: string) => ({ vi, en });
const SOURCE = 'https://example.gov.vn/van-ban/1-2030';

export function fullEdition() {
  return {
    $schema: '../../edition.schema.json',
    id: 'test/bang-day-du/2030',
    family: 'test/bang-day-du',
    level: 'thu-nghiem',
    edition: '2030–2034',
    name: text('Bộ tiêu chí thử nghiệm đầy đủ', 'Full test set'),
    jurisdiction: 'national',
    effective: { from: '2030-01-01', to: '2034-12-31' },
    basis: [
      {
        number: '1/2030/QĐ-TTg',
        title: 'Ban hành bộ tiêu chí thử nghiệm',
        issuer: 'Thủ tướng Chính phủ',
        date: '2029-12-01',
        effective: '2030-01-01',
        url: SOURCE,
      },
      { number: '2/2030/TT-BNN', title: 'Hướng dẫn đo', issuer: 'Bộ Nông nghiệp', date: '2030-02-01' },
    ],
    framework: {
      id: 'thu-nghiem-2030',
      name: text('Khung thử nghiệm', 'Test framework'),
      levels: [
        { level: 'thu-nghiem', name: text('Xã thử nghiệm', 'Test commune'), encoded: true },
        { level: 'thu-nghiem-cao', name: text('Xã thử nghiệm cao', 'Advanced test commune'), encoded: false },
      ],
      note: text('Chỉ để kiểm thử', 'For tests only'),
    },
    communeGroups: {
      'nhom-1': {
        name: text('Xã nhóm 1', 'Group 1'),
        definition: text('xã ven đô', 'peri-urban commune'),
        citation: { document: '1/2030/QĐ-TTg', item: 'Nhóm 1' },
        confidence: 'official',
        source: SOURCE,
      },
      'nhom-2': {
        name: text('Xã nhóm 2', 'Group 2'),
        definition: text('xã còn lại', 'other communes'),
        citation: { document: '1/2030/QĐ-TTg', part: 'Điều 2', item: 'Nhóm 2', guidance: '2/2030/TT-BNN' },
        confidence: 'secondary',
        source: 'https://bao.example.vn/nhom-2',
      },
      'nhom-3': {
        name: text('Xã nhóm 3', 'Group 3'),
        definition: text('xã khu vực III', 'area-III commune'),
        citation: { document: '1/2030/QĐ-TTg' },
        confidence: 'assumed',
      },
    },
    categories: {
      'xa-thu-nghiem-dbkk': text('Xã đặc biệt khó khăn (thử)', 'Extremely disadvantaged (test)'),
    },
    regionRules: [
      {
        categories: ['xa-thu-nghiem-dbkk'],
        region: 'tdmnpb',
        reason: text('Dùng mức miền núi', 'Uses the mountain levels'),
        citation: { document: '1/2030/QĐ-TTg', part: 'Điều 3' },
      },
    ],
    coverage: { complete: false, note: text('Thiếu tiêu chí 3', 'Criterion 3 missing') },
    notes: text('Tệp kiểm thử', 'Test file'),
    groups: [
      { id: 'kinh-te', name: text('Kinh tế', 'Economy') },
      { id: 'xa-hoi', name: text('Xã hội', 'Society') },
    ],
    measures: {
      tn_income: {
        label: text('Thu nhập thử nghiệm', 'Test income'),
        type: 'money',
        unit: text('triệu đồng', 'million VND'),
        description: text('Bình quân đầu người', 'Per person'),
      },
      tn_roads_pct: {
        label: text('Đường thử nghiệm (%)', 'Test roads (%)'),
        type: 'percent',
        unit: text('%', '%'),
      },
      tn_has_plan: { label: text('Có quy hoạch thử nghiệm', 'Test plan'), type: 'boolean' },
      tn_kind: {
        label: text('Loại thử nghiệm', 'Test kind'),
        type: 'enum',
        values: [
          { id: 'loai-a', label: text('Loại A', 'Kind A') },
          { id: 'loai-b', label: text('Loại B', 'Kind B') },
        ],
      },
      tn_kinds: {
        label: text('Các lĩnh vực thử nghiệm', 'Test fields'),
        type: 'enum',
        multiple: true,
        values: [
          { id: 'linh-vuc-a', label: text('Lĩnh vực A', 'Field A') },
          { id: 'linh-vuc-b', label: text('Lĩnh vực B', 'Field B') },
        ],
      },
      tn_count: { label: text('Số điểm thử nghiệm', 'Test points'), type: 'count', min: 0, max: 500 },
      tn_share: { label: text('Tỷ lệ thử nghiệm', 'Test share'), type: 'number', min: -5, max: 5.5 },
    },
    criteria: [
      {
        id: '1',
        name: text('Kinh tế thử nghiệm', 'Test economy'),
        group: 'kinh-te',
        indicators: [
          {
            id: '1.1',
            name: text('Đường được cứng hóa', 'Hardened roads'),
            test: {
              measure: 'tn_roads_pct',
              op: '>=',
              target: {
                byGroup: {
                  'nhom-1': {
                    byYear: {
                      '2030': 90,
                      '2031-2032': 92.5,
                      '2033-': {
                        value: 95,
                        confidence: 'assumed',
                        bound: true,
                        rationale: { vi: 'Mức tối thiểu' },
                      },
                    },
                  },
                  'nhom-2': { value: 80, source: 'https://bao.example.vn/80', quote: 'đạt 80 %' },
                },
                default: { value: null, rationale: text('Chưa có mức nhóm 3', 'No group-3 level') },
              },
            },
            citation: {
              document: '1/2030/QĐ-TTg',
              part: 'Phụ lục I',
              item: 'Chỉ tiêu 1.1',
              guidance: '2/2030/TT-BNN',
            },
            confidence: 'official',
            source: SOURCE,
            quote: 'Tỷ lệ đường… đạt 90 %',
          },
          {
            id: '1.2',
            name: text('Có quy hoạch (giữ chỗ)', 'Plan (placeholder)'),
            test: { measure: 'tn_has_plan', op: '==', target: true },
            citation: { document: '1/2030/QĐ-TTg', part: 'Phụ lục I' },
            confidence: 'unknown',
            rationale: text('Các chỉ tiêu của tiêu chí chưa biết', 'Indicators not known'),
            placeholder: true,
          },
          {
            id: '1.3',
            name: text('Phép thử tổng hợp', 'Composite test'),
            test: {
              logic: { or: [{ '==': [{ var: 'tn_kind' }, 'loai-a'] }, { '>=': [{ var: 'tn_count' }, 3] }] },
              description: text('Loại A, hoặc ít nhất 3 điểm', 'Kind A, or at least 3 points'),
            },
            applicableIf: { '>': [{ var: 'tn_count' }, 0] },
            citation: { document: '1/2030/QĐ-TTg', item: 'Chỉ tiêu 1.3' },
            confidence: 'secondary',
            source: 'https://bao.example.vn/1-3',
            notes: text('Nếu có', 'If any'),
          },
          {
            id: '1.4',
            name: text('Phép thử không lời', 'Test without words'),
            test: { logic: { '==': [{ var: 'tn_has_plan' }, true] } },
            citation: { document: '1/2030/QĐ-TTg' },
            confidence: 'assumed',
            rationale: { vi: 'Suy ra', en: 'Inferred' },
          },
        ],
      },
      {
        id: '2',
        name: text('Xã hội thử nghiệm', 'Test society'),
        group: 'xa-hoi',
        indicators: [
          {
            id: '2.1',
            name: text('Thu nhập tính theo số điểm', 'Income from points'),
            test: { measure: 'tn_income', op: '>=', target: { logic: { '*': [1.1, { var: 'tn_count' }] } } },
            citation: { document: '1/2030/QĐ-TTg' },
            confidence: 'assumed',
            rationale: text('Công thức thử', 'Test formula'),
          },
          {
            id: '2.2',
            name: text('Thu nhập theo vùng', 'Income by region'),
            test: {
              measure: 'tn_income',
              op: '>',
              target: {
                byRegion: {
                  dbsh: { byYear: { '2030-2031': 64.123, '2032-': 70 } },
                  tdmnpb: 40,
                },
                default: { value: 55, confidence: 'secondary', source: 'https://bao.example.vn/55' },
              },
            },
            citation: { document: '1/2030/QĐ-TTg', item: 'Chỉ tiêu 2.2' },
            confidence: 'official',
            source: SOURCE,
            rationale: { vi: 'Theo phụ lục' },
            notes: text('Ghi chú chỉ tiêu', 'Indicator note'),
          },
          {
            id: '2.3',
            name: text('Số lĩnh vực', 'Number of fields'),
            test: { measure: 'tn_kinds', op: '>=', target: 2 },
            citation: { document: '1/2030/QĐ-TTg' },
            confidence: 'official',
            source: SOURCE,
          },
          {
            id: '2.4',
            name: text('Tỷ lệ âm được', 'A share that may be negative'),
            test: { measure: 'tn_share', op: '<=', target: -1.5 },
            citation: { document: '1/2030/QĐ-TTg' },
            confidence: 'assumed',
            rationale: text('Mức cận trên', 'Upper bound'),
          },
          {
            id: '2.5',
            name: text('Chưa có mức', 'Unknown target'),
            test: { measure: 'tn_count', op: '>=', target: { value: null } },
            citation: { document: '1/2030/QĐ-TTg' },
            confidence: 'unknown',
            rationale: text('Chưa tìm thấy', 'Not found'),
            source: 'https://bao.example.vn/tim',
          },
        ],
      },
    ],
  };
}

/**
 * An indicator whose common provenance differs from its first row's (the technical "common" columns):
 * every cell has its own rationale, and the indicator has another.
 */
export function commonProvenanceEdition() {
  const edition = fullEdition();
  edition.id = 'test/bang-chung/2040';
  edition.family = 'test/bang-chung';
  edition.effective = { from: '2040-01-01', to: '2040-12-31' };
  const first = edition.criteria[0]?.indicators[0] as Record<string, unknown>;
  first.test = {
    measure: 'tn_roads_pct',
    op: '>=',
    target: {
      byGroup: {
        'nhom-1': { value: 90, rationale: { vi: 'Riêng nhóm 1' } },
        'nhom-2': { value: 80, rationale: { vi: 'Riêng nhóm 2' }, confidence: 'assumed' },
        'nhom-3': { value: null, rationale: { vi: 'Riêng nhóm 3' } },
      },
    },
  };
  first.rationale = { vi: 'Chung của chỉ tiêu', en: 'Common' };
  return edition;
}

export function fullOverlay() {
  return {
    id: 'provinces/ninh-binh/thu-nghiem-2031',
    family: 'provinces/ninh-binh/thu-nghiem',
    level: 'thu-nghiem',
    edition: '2031',
    name: text('Bộ tiêu chí thử nghiệm của tỉnh Ninh Bình', 'Ninh Bình test set'),
    jurisdiction: { province: 'ninh-binh' },
    extends: ['test/bang-day-du/2030'],
    effective: { from: '2031-01-01', to: '2034-12-31' },
    basis: [
      { number: '5/2031/QĐ-UBND', title: 'Mức của tỉnh', issuer: 'UBND tỉnh Ninh Bình', date: '2030-12-20' },
    ],
    defaults: {
      citation: { document: '5/2031/QĐ-UBND' },
      confidence: 'official',
      source: 'https://ninhbinh.example.vn/5',
    },
    measures: {
      tn_wifi: { label: text('Điểm wifi thử nghiệm', 'Test wifi points'), type: 'count' },
      tn_has_plan: { label: text('Có quy hoạch thử nghiệm', 'Test plan'), type: 'boolean' },
    },
    targets: [
      {
        indicator: '1.1',
        op: '>',
        target: { byGroup: { 'nhom-1': { byYear: { '2030-2032': 93, '2033-': 96 } }, 'nhom-2': 85 } },
        quote: 'trên 93 %',
      },
      {
        indicator: '2.3',
        target: 3,
        citation: { document: '5/2031/QĐ-UBND', item: 'Điều 1' },
        confidence: 'secondary',
        source: 'https://bao.example.vn/tinh',
        rationale: { vi: 'Báo dẫn quyết định' },
      },
    ],
    indicators: [
      {
        id: '1.NB1',
        criterion: '1',
        name: text('Điểm wifi công cộng', 'Public wifi points'),
        test: { measure: 'tn_wifi', op: '>=', target: 2 },
        citation: { document: '5/2031/QĐ-UBND', item: 'Điều 2' },
        confidence: 'official',
        source: 'https://ninhbinh.example.vn/5',
      },
    ],
    groups: [{ id: 'rieng-tinh', name: text('Riêng của tỉnh', 'Province only') }],
    criteria: [
      {
        id: 'NB',
        name: text('Tiêu chí riêng', 'Province criterion'),
        group: 'rieng-tinh',
        indicators: [
          {
            id: 'NB.1',
            name: text('Có quy hoạch (tỉnh)', 'Plan (province)'),
            test: { measure: 'tn_has_plan', op: '==', target: true },
            citation: { document: '5/2031/QĐ-UBND', item: 'Điều 3' },
            confidence: 'official',
            source: 'https://ninhbinh.example.vn/5',
          },
        ],
      },
    ],
  };
}

export function fullAmendment() {
  return {
    id: 'test/bang-day-du/2035',
    family: 'test/bang-day-du',
    level: 'thu-nghiem',
    edition: '2035 (sửa đổi)',
    name: text('Bộ tiêu chí thử nghiệm sửa đổi', 'Amended test set'),
    jurisdiction: 'national',
    amends: 'test/bang-day-du/2030',
    effective: { from: '2035-01-01', to: '2039-12-31' },
    basis: [{ number: '9/2035/QĐ-TTg', title: 'Sửa đổi', issuer: 'Thủ tướng Chính phủ', date: '2034-12-01' }],
    regionRules: [],
    defaults: {
      citation: { document: '9/2035/QĐ-TTg' },
      confidence: 'official',
      source: 'https://example.gov.vn/9',
    },
    targets: [
      { indicator: '2.4', target: -2 },
      {
        indicator: '1.1',
        target: {
          byGroup: {
            'nhom-1': 91,
            'nhom-2': 82,
            'nhom-3': { value: 70, confidence: 'assumed', rationale: { vi: 'Ước' } },
          },
        },
        rationale: { vi: 'Theo sửa đổi', en: 'As amended' },
      },
    ],
  };
}

/** The fixtures as the engine takes them. */
export function fixtureRulesets() {
  return [
    { file: 'test/full-edition.json', ruleset: fullEdition() },
    { file: 'test/common-edition.json', ruleset: commonProvenanceEdition() },
    { file: 'test/full-overlay.json', ruleset: fullOverlay() },
    { file: 'test/full-amendment.json', ruleset: fullAmendment() },
  ];
}
