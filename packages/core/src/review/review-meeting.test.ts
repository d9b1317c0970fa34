import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluateMany } from '../index.js';
import { type DossierRow, reviewDossiers } from './dossier.js';
import { parseDossierStatus } from './dossier-status.js';
import { compareOutlooks, forecast, type GapForecast, type Snapshot } from './forecast.js';

// The example of docs/review-meeting.md, run on the bundled rules: every number the page shows is checked here.
const fixtures = parse(
  readFileSync(new URL('../../test-cases/_fixtures.yaml', import.meta.url), 'utf8'),
) as Record<string, Record<string, unknown>>;
const meetsNtm = fixtures['ntm-2021-2025-met'] as Record<string, unknown>;
const names: Record<string, string> = {
  'nam-thang': 'Xã Nam Thắng',
  'nam-hoa': 'Xã Nam Hoa',
  'nam-my': 'Xã Nam Mỹ',
};

function review(asOf: string, values: Record<string, Record<string, unknown>>): Snapshot {
  const communes = Object.entries(values).map(([id, own]) => ({
    id,
    name: names[id],
    region: 'dbsh',
    values: { ...meetsNtm, ...own },
  }));
  return { asOf, evaluations: evaluateMany(communes, { level: 'ntm', asOf }).results };
}

const snapshots = [
  review('2023-04-01', {
    'nam-thang': {
      households_safe_electricity_pct: 94,
      multidimensional_poverty_pct: 7.4,
      has_rural_market_or_trading_place: false,
    },
    'nam-hoa': { health_insurance_pct: 84, public_green_land_m2_per_person: 1.2 },
  }),
  review('2023-07-01', {
    'nam-thang': {
      households_safe_electricity_pct: 95.8,
      multidimensional_poverty_pct: 6.9,
      has_rural_market_or_trading_place: false,
    },
    'nam-hoa': { health_insurance_pct: 84, public_green_land_m2_per_person: 1.5 },
  }),
  review('2023-10-01', {
    'nam-thang': {
      households_safe_electricity_pct: 96.6,
      multidimensional_poverty_pct: 6.4,
      has_rural_market_or_trading_place: false,
    },
    'nam-hoa': { health_insurance_pct: 84, public_green_land_m2_per_person: 1.6 },
    'nam-my': { households_safe_electricity_pct: 97 },
  }),
];

describe('docs/review-meeting.md', () => {
  const report = forecast(snapshots, { deadline: '2023-12-31' });
  const gap = (commune: string, indicator: string) =>
    report.communes.find((c) => c.id === commune)?.gaps.find((g) => g.indicator === indicator);

  it('the worked example: 94 → 95.8 → 96.6 against ≥ 98', () => {
    expect(report.daysLeft).toBe(91);
    expect(gap('nam-thang', '4.2')).toMatchObject({
      target: 98,
      ratePerDay: 0.0141975554405,
      projected: '2024-01-08',
      outlook: 'at-risk',
      requiredRatePerDay: 0.0153846153846,
    });
    // With the last two reviews only: 0.8 in 92 days.
    expect(forecast(snapshots.slice(1), { deadline: '2023-12-31' }).communes[0]?.gaps).toContainEqual(
      expect.objectContaining({ indicator: '4.2', projected: '2024-03-10', outlook: 'off-track' }),
    );
  });

  it('the table of gaps', () => {
    const shown = (g: GapForecast | undefined) => [g?.outlook, g?.ratePerDay, g?.projected];
    expect(shown(gap('nam-thang', '11'))).toEqual(['on-track', -0.00546442648405, '2023-12-14']);
    expect(shown(gap('nam-thang', '7'))).toEqual(['needs-action', null, null]);
    expect(shown(gap('nam-hoa', '15.1'))).toEqual(['stalled', 0, null]);
    expect(shown(gap('nam-hoa', '17.4'))).toEqual(['off-track', 0.00218377991002, '2024-04-02']);
    expect(shown(gap('nam-my', '4.2'))).toEqual(['insufficient-data', null, null]);
    expect(report.communes.map((c) => [c.id, c.outlook, c.counts['unknown-target']])).toEqual([
      ['nam-thang', 'at-risk', 12],
      ['nam-hoa', 'off-track', 12],
      ['nam-my', 'insufficient-data', 12],
    ]);
  });

  it('the agenda: gaps sorted by outlook, then by projected date', () => {
    const agenda = report.communes
      .flatMap((c) => c.gaps.map((g) => ({ commune: c.name, ...g })))
      .filter((g) => g.outlook !== 'unknown-target')
      .sort(
        (a, b) =>
          compareOutlooks(a.outlook, b.outlook) || (a.projected ?? '').localeCompare(b.projected ?? ''),
      )
      .map((g) => `${g.commune} ${g.indicator} ${g.outlook}`);
    expect(agenda).toEqual([
      'Xã Nam Hoa 17.4 off-track',
      'Xã Nam Hoa 15.1 stalled',
      'Xã Nam Thắng 4.2 at-risk',
      'Xã Nam Thắng 7 needs-action',
      'Xã Nam Mỹ 4.2 insufficient-data',
      'Xã Nam Thắng 11 on-track',
    ]);
  });

  it('the dossiers', () => {
    const typed: Array<[string, string]> = [
      ['1', 'Đã đủ'],
      ['2', 'đã đủ'],
      ['3', 'đủ'],
      ['4', 'xong'],
      ['5', 'hoàn thành'],
      ['6', 'da du'],
      ['7', 'đã đủ'],
      ['8', 'đủ'],
      ['9', 'đủ'],
      ['10', 'có'],
      ['11', 'đang hoàn thiện'],
      ['12', 'đủ'],
      ['13', 'đủ'],
      ['14', 'đủ'],
      ['15', 'dở dang'],
      ['16', 'đủ'],
      ['18', 'đủ'],
    ];
    const rows: DossierRow[] = typed.map(([criterion, word]) => {
      const parsed = parseDossierStatus(word);
      if (!parsed.ok) throw new Error(parsed.problem.reason.en);
      return { commune: 'nam-thang', criterion, status: parsed.status, owner: 'Trần Văn B' };
    });
    rows.push({ commune: 'nam-hoa', criterion: 'TC 15', status: 'complete' });
    const latest = (snapshots[2] as Snapshot).evaluations;
    const dossiers = reviewDossiers(latest, rows);
    const namThang = dossiers.communes[0];
    expect(namThang?.completeness.label).toBe('15/19');
    expect(namThang?.metIncomplete.map((e) => [e.criterion, e.dossier])).toEqual([
      ['15', 'in-progress'],
      ['19', null],
    ]);
    expect(namThang?.completeNotMet.map((e) => e.criterion)).toEqual(['4', '7']);
    expect(namThang?.completeUnconfirmed.map((e) => e.criterion)).toEqual(['2', '10', '12', '14']);
    expect(namThang?.noRow.map((e) => e.criterion)).toEqual(['17', '19']);
    expect(dossiers.problems).toEqual([
      expect.objectContaining({ row: 17, code: 'unknown-criterion', suggestion: '15' }),
    ]);
    expect(dossiers.problems[0]?.reason.vi).toBe(
      'Xã «nam-hoa» (ntm) không có tiêu chí «TC 15» (có phải «15»?); bỏ qua dòng này.',
    );
  });
});
