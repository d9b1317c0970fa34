import type { Evaluation } from '@nongthonmoi/core';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import {
  evaluateSample,
  mount,
  vi as num,
  sampleCommune,
  shadow,
  text,
  toJson,
  until,
} from '../../test/helpers.js';
import { defineElement } from '../internal/define-once.js';
import '../index.js';
import { NtmScorecard } from './ntm-scorecard.js';

const SAMPLE_URL = new URL('../../../../examples/sample-commune/commune.json', import.meta.url).href;

function criterion(card: NtmScorecard, id: string, tier = ''): HTMLElement {
  const items = [...shadow(card).querySelectorAll<HTMLElement>('.card > .groups .criterion')];
  const root = tier
    ? [...shadow(card).querySelectorAll<HTMLElement>('.prerequisite')].find((s) => text(s).includes(tier))
    : null;
  const pool = root ? [...root.querySelectorAll<HTMLElement>('.criterion')] : items;
  const found = pool.find(
    (item) =>
      text(item.querySelector('.criterion-name')).startsWith(`Tiêu chí ${id}.`) ||
      text(item.querySelector('.criterion-name')).startsWith(`Criterion ${id}.`),
  );
  if (!found) throw new Error(`criterion ${id} not found`);
  return found;
}

/** An indicator of the assessed tier (not of a prerequisite). */
function indicator(card: NtmScorecard, id: string): HTMLElement {
  const found = [...shadow(card).querySelectorAll<HTMLElement>('.card > .groups .indicator')].find(
    (item) => text(item.querySelector('.indicator-id')) === id,
  );
  if (!found) throw new Error(`indicator ${id} not found`);
  return found;
}

async function expandAll(card: NtmScorecard): Promise<void> {
  shadow(card).querySelector<HTMLButtonElement>('.toolbar button')?.click();
  await card.updateComplete;
}

async function axeViolations(element: Element): Promise<string[]> {
  const results = await axe.run(element, { resultTypes: ['violations'] });
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

describe('<ntm-scorecard> with a result from core', () => {
  it('shows the commune, the criteria set with its legal basis, the verdict and "N/19 tiêu chí đạt"', async () => {
    const result = evaluateSample();
    const card = await mount('ntm-scorecard', { result });
    const root = shadow(card);
    expect(text(root.querySelector('[part~="title"]'))).toBe('Xã Nam Mỹ (dữ liệu minh họa)');
    expect(root.querySelector('[part~="title"]')?.getAttribute('role')).toBe('heading');
    const header = text(root.querySelector('header'));
    expect(header).toContain('Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021–2025');
    expect(header).toContain('318/QĐ-TTg ngày 08/03/2022');
    expect(header).toContain('15/11/2023');
    expect(header).toContain('Đồng bằng sông Hồng');
    const verdict = root.querySelector('[part~="verdict"]') as HTMLElement;
    expect(text(verdict)).toContain('Chưa đạt chuẩn xã nông thôn mới nâng cao');
    // The counts come from the bundled rules; the element must show core's, whatever they are.
    const { criteriaMet, criteriaTotal, indicatorsMet, indicatorsTotal } = result.counts;
    expect(criteriaTotal).toBe(19);
    expect(text(verdict)).toContain(`${criteriaMet}/19 tiêu chí đạt`);
    expect(text(verdict)).toContain(`${indicatorsMet}/${indicatorsTotal} chỉ tiêu đạt`);
    expect(verdict.getAttribute('part')).toContain('verdict-not-met');
    expect(card.evaluation).toBe(result);
  });

  it('renders plain JSON exactly like core’s object', async () => {
    const result = evaluateSample();
    const a = await mount('ntm-scorecard', { result, expanded: true });
    const b = await mount('ntm-scorecard', { result: toJson(result), expanded: true });
    expect(text(shadow(b))).toBe(text(shadow(a)));
    expect(shadow(b).querySelectorAll('.indicator').length).toBeGreaterThan(80);
  });

  it('shows each criterion’s status by icon, text and class, as core gave it', async () => {
    const result = evaluateSample();
    const card = await mount('ntm-scorecard', { result });
    const items = shadow(card).querySelectorAll('.card > .groups .criterion');
    expect(items.length).toBe(19);
    for (const [index, item] of [...items].entries()) {
      const status = result.criteria[index]?.status as string;
      expect(item.classList.contains(`s-${status}`)).toBe(true);
      expect(item.querySelector('.criterion-icon svg')).not.toBeNull();
      const label = { met: 'Đạt', 'not-met': 'Chưa đạt', incomplete: 'Chưa đủ dữ liệu' }[status];
      expect(text(item.querySelector('.criterion-status'))).toBe(label);
    }
    expect(text(criterion(card, '14').querySelector('.criterion-status'))).toBe('Chưa đạt');
    expect(text(criterion(card, '2').querySelector('.criterion-status'))).toBe('Chưa đủ dữ liệu');
  });

  it('expands a criterion from the keyboard, with aria-expanded', async () => {
    const card = await mount('ntm-scorecard', { result: evaluateSample() });
    const item = criterion(card, '14');
    const toggle = item.querySelector('button') as HTMLButtonElement;
    const panel = shadow(card).getElementById(toggle.getAttribute('aria-controls') as string) as HTMLElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(panel.hidden).toBe(true);
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    await card.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    await userEvent.keyboard(' ');
    await card.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows actual against target with a meter, and the gap in words', async () => {
    const card = await mount('ntm-scorecard', { result: evaluateSample(), expanded: true });
    const item = indicator(card, '14.1');
    expect(text(item)).toContain('Thực tế: 92,5 %');
    expect(text(item)).toContain('Mức yêu cầu: ≥ 95 %');
    expect(text(item.querySelector('[part~="gap"]'))).toBe('còn thiếu 2,5 điểm %');
    expect(text(item.querySelector('.badge'))).toBe('Chưa đạt');
    const meter = item.querySelector('[role="meter"]') as HTMLElement;
    expect(meter.getAttribute('aria-valuenow')).toBe('92.5');
    expect(meter.getAttribute('aria-valuemin')).toBe('0');
    expect(meter.getAttribute('aria-valuemax')).toBe('100');
    expect(meter.getAttribute('aria-valuetext')).toBe('92,5 %, mức yêu cầu ≥ 95 %');
    expect(meter.getAttribute('aria-label')).toBeTruthy();
    const target = meter.querySelector('[part~="meter-target"]') as HTMLElement;
    expect(target.style.left).toBe('95%');
    expect(text(item.querySelector('[part~="citation"]'))).toContain('318/QĐ-TTg');
  });

  it('words ceilings and money gaps from core’s signed gap', async () => {
    const result = evaluateSample(
      { multidimensional_poverty_pct: 7.5, income_per_capita_mvnd: 40 },
      { level: 'ntm' },
    );
    const indicators = result.criteria.flatMap((c) => c.indicators);
    const ceiling = indicators.find((i) => i.comparator === '<=' && i.status === 'not-met');
    const money = indicators.find((i) => i.unit?.vi.startsWith('triệu đồng') && i.status === 'not-met');
    expect(ceiling && money).toBeTruthy();
    const card = await mount('ntm-scorecard', { result, expanded: true });
    if (!ceiling || !money || ceiling.gap === null || money.gap === null) throw new Error('no gaps');
    expect(text(indicator(card, ceiling.id).querySelector('[part~="gap"]'))).toBe(
      `vượt mức trần ${num(-ceiling.gap)} điểm %`,
    );
    expect(text(indicator(card, ceiling.id))).toContain(`Mức trần: ≤ ${num(ceiling.target as number)} %`);
    expect(text(indicator(card, money.id).querySelector('[part~="gap"]'))).toBe(
      `còn thiếu ${num(-money.gap)} ${money.unit?.vi}`,
    );
    expect(text(indicator(card, money.id))).toContain(`Thực tế: 40 ${money.unit?.vi}`);
  });

  it('marks unverified targets with their basis, and shows not-evaluable with its reason', async () => {
    const result = evaluateSample();
    const card = await mount('ntm-scorecard', { result, expanded: true });
    const unverified = result.criteria
      .flatMap((c) => c.indicators)
      .find((i) => !i.verified && i.status === 'met');
    if (!unverified) throw new Error('no unverified target');
    const marker = indicator(card, unverified.id).querySelector('.marker.unverified');
    expect(text(marker)).toContain('Mức chưa kiểm chứng');
    expect(text(marker)).toContain(unverified.rationale?.vi ?? '');
    const notEvaluable = indicator(card, '2.x');
    expect(text(notEvaluable.querySelector('.badge'))).toBe('Không đánh giá được');
    expect(text(notEvaluable)).toContain('chưa có mức chỉ tiêu chính thức cho vùng Đồng bằng sông Hồng');
    expect(notEvaluable.querySelector('[role="meter"]')).toBeNull();
  });

  it('shows province targets, missing data and several prerequisite tiers (kiểu mẫu, Nam Định)', async () => {
    const result = evaluateSample({}, { level: 'kieu-mau' });
    const card = await mount('ntm-scorecard', { result, expanded: true });
    const root = shadow(card);
    expect(text(root.querySelector('header'))).toContain('23/2022/QĐ-UBND');
    const province = indicator(card, 'KM.2');
    expect(text(province.querySelector('.marker.province'))).toContain(
      'Mức do tỉnh quy định (23/2022/QĐ-UBND)',
    );
    expect(text(province.querySelector('[part~="gap"]'))).toMatch(/^còn thiếu 32 triệu đồng/);
    const missing = indicator(card, 'KM.3');
    expect(text(missing.querySelector('.badge'))).toBe('Chưa có số liệu');
    expect(text(missing)).toContain('Thực tế: chưa có số liệu');
    expect(text(missing)).toContain('Mức yêu cầu: ≥ 1');
    const prerequisites = [...root.querySelectorAll('[part~="prerequisite"]')].map((s) =>
      text(s.querySelector('[role="heading"]')),
    );
    expect(prerequisites).toEqual([
      'Điều kiện: đạt chuẩn xã nông thôn mới nâng cao',
      'Điều kiện: đạt chuẩn xã nông thôn mới',
    ]);
    expect(text(root.querySelector('[part~="verdict"]'))).toContain('0/3 tiêu chí đạt');
  });

  it('shows the prerequisite NTM tier with its result and criteria, and not-applicable indicators', async () => {
    const card = await mount('ntm-scorecard', { result: evaluateSample() });
    const section = shadow(card).querySelector('[part~="prerequisite"]') as HTMLElement;
    expect(text(section)).toContain('Điều kiện: đạt chuẩn xã nông thôn mới');
    expect(text(section)).toContain('Chưa đạt');
    expect(text(section)).toContain(
      `${evaluateSample().prerequisites[0]?.counts.criteriaMet}/19 tiêu chí đạt`,
    );
    const toggle = section.querySelector('button.disclosure') as HTMLButtonElement;
    toggle.click();
    await card.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(section.querySelectorAll('.criterion').length).toBe(19);
    const item = [...section.querySelectorAll('.criterion')].find((c) =>
      text(c).includes('Tiêu chí 5.'),
    ) as HTMLElement;
    (item.querySelector('button') as HTMLButtonElement).click();
    await card.updateComplete;
    const notApplicable = [...item.querySelectorAll('.indicator')].find(
      (i) => text(i.querySelector('.indicator-id')) === '5.c',
    );
    expect(text(notApplicable?.querySelector('.badge'))).toBe('Không áp dụng');
  });

  it('shows when a category rule made the commune use another region’s targets', async () => {
    const result = evaluateSample({}, {}, { categories: ['xa-dac-biet-kho-khan'] });
    expect(result.regionBasis).not.toBeNull();
    const card = await mount('ntm-scorecard', { result });
    const note = shadow(card).querySelector('.region-basis');
    expect(text(note)).toContain(
      'Xã thuộc vùng Đồng bằng sông Hồng nhưng áp dụng mức của vùng Trung du và miền núi phía Bắc',
    );
  });

  it('shows the direction of change against a previous review (core’s compare)', async () => {
    const previous = evaluateSample({ health_insurance_pct: 90 }, { asOf: '2023-05-15' });
    const result = evaluateSample();
    const card = await mount('ntm-scorecard', { result, previous, expanded: true });
    const change = indicator(card, '14.1').querySelector('[part~="change"]');
    expect(text(change)).toBe('▲ Cải thiện (kỳ trước: 90 %)');
    expect(text(shadow(card).querySelector('[part~="progress"]'))).toContain('So với kỳ trước (15/05/2023)');
    card.previous = evaluateSample({ health_insurance_pct: 96 }, { asOf: '2023-05-15' });
    await card.updateComplete;
    expect(text(indicator(card, '14.1').querySelector('[part~="change"]'))).toBe(
      '▼ Giảm (kỳ trước: 96 %, Đạt)',
    );
    expect(text(criterion(card, '14').querySelector('[part~="change"]'))).toContain('▼ Giảm');
  });

  it('switches to English with lang="en" on the element or an ancestor, and back', async () => {
    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    const card = await mount(
      'ntm-scorecard',
      { result: evaluateSample(), expanded: true },
      { lang: 'en' },
      wrapper,
    );
    const met = evaluateSample().counts.criteriaMet;
    expect(text(shadow(card).querySelector('[part~="verdict"]'))).toContain(`${met}/19 criteria met`);
    expect(text(shadow(card).querySelector('[part~="verdict"]'))).toContain(
      'Does not yet meet the advanced new-rural commune standard',
    );
    expect(text(indicator(card, '14.1').querySelector('[part~="gap"]'))).toBe(
      '2.5 percentage points short of the target',
    );
    expect(text(indicator(card, '14.1'))).toContain('Actual: 92.5 %');
    expect(shadow(card).querySelector('article')?.getAttribute('lang')).toBe('en');
    card.removeAttribute('lang');
    await card.updateComplete;
    expect(text(shadow(card).querySelector('[part~="verdict"]'))).toContain(`${met}/19 tiêu chí đạt`);
    wrapper.setAttribute('lang', 'en-GB');
    await until(
      () => text(shadow(card).querySelector('[part~="verdict"]')).includes('criteria met'),
      2000,
      'English',
    );
    document.documentElement.setAttribute('lang', 'vi');
    wrapper.removeAttribute('lang');
    await until(
      () => text(shadow(card).querySelector('[part~="verdict"]')).includes('tiêu chí đạt'),
      2000,
      'Vietnamese',
    );
  });

  it('renders hostile strings as text', async () => {
    const result = toJson(evaluateSample());
    const hostile = '<img src=x onerror="window.__pwned=1">';
    result.commune.name = hostile;
    const first = result.criteria[0]?.indicators[0];
    if (!first) throw new Error('no indicator');
    first.source = 'javascript:window.__pwned=1';
    first.rationale = { vi: `<script>window.__pwned=1</script>${hostile}`, en: hostile };
    first.name = { vi: hostile, en: hostile };
    result.ruleset.basis = [
      { ...(result.ruleset.basis[0] as Evaluation['ruleset']['basis'][number]), url: 'javascript:alert(1)' },
    ];
    const card = await mount('ntm-scorecard', { result, expanded: true });
    const root = shadow(card);
    expect(text(root.querySelector('[part~="title"]'))).toBe(hostile);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('a[href^="javascript"]')).toBeNull();
    expect(text(root)).toContain('<script>window.__pwned=1</script>');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('<ntm-scorecard> with hostile results (issue 16)', () => {
  /** Mounts a card with `result`, collecting its ntm-error events; the page must see no exception. */
  async function mountHostile(result: unknown): Promise<{ card: NtmScorecard; codes: string[] }> {
    const codes: string[] = [];
    const listener = (event: GlobalEventHandlersEventMap['ntm-error']) => codes.push(event.detail.code);
    document.addEventListener('ntm-error', listener);
    const card = await mount('ntm-scorecard');
    card.result = result as Evaluation; // the setter must not throw
    await card.updateComplete;
    await card.updateComplete;
    document.removeEventListener('ntm-error', listener);
    return { card, codes };
  }

  const alertOf = (card: NtmScorecard) => text(shadow(card).querySelector('[role="alert"]'));

  it('shows its error state for a result whose getters throw', async () => {
    const result = toJson(evaluateSample());
    Object.defineProperty(result, 'status', {
      get() {
        throw new Error('boom');
      },
    });
    const { card, codes } = await mountHostile(result);
    expect(alertOf(card)).toContain('Không đọc được kết quả đánh giá');
    expect(alertOf(card)).toContain('result: không đọc được');
    expect(alertOf(card)).not.toContain('boom');
    expect(codes).toEqual(['unreadable-result']);
  });

  it('shows its error state for a Proxy that throws, and for a revoked Proxy', async () => {
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    );
    const first = await mountHostile(throwing);
    expect(first.codes).toEqual(['unreadable-result']);
    const { proxy, revoke } = Proxy.revocable(toJson(evaluateSample()), {});
    revoke();
    const second = await mountHostile(proxy);
    expect(alertOf(second.card)).toContain('Không đọc được kết quả đánh giá');
    expect(second.codes).toEqual(['unreadable-result']);
  });

  it('shows its error state when a value throws only when drawn (after the checks passed)', async () => {
    const result = toJson(evaluateSample());
    let reads = 0;
    const commune = result.commune;
    Object.defineProperty(result, 'commune', {
      get() {
        reads++;
        if (reads > 1) throw new Error('second read');
        return commune;
      },
    });
    const { card, codes } = await mountHostile(result);
    await card.updateComplete;
    expect(alertOf(card)).toContain('Kết quả có phần không hiển thị được');
    expect(codes).toEqual(['render']);
    // A good result afterwards is shown again.
    const good = evaluateSample();
    card.result = good;
    await card.updateComplete;
    expect(shadow(card).querySelector('[role="alert"]')).toBeNull();
    expect(text(shadow(card).querySelector('[part~="verdict"]'))).toContain(
      `${good.counts.criteriaMet}/${good.counts.criteriaTotal}`,
    );
  });

  it('refuses results beyond its documented sizes, at once', async () => {
    const result = toJson(evaluateSample());
    const criterion = result.criteria[0] as Evaluation['criteria'][number];
    result.criteria = Array.from({ length: 20_000 }, (_, i) => ({ ...criterion, id: `c${i}` }));
    const { card, codes } = await mountHostile(result);
    expect(alertOf(card)).toContain('Dữ liệu quá lớn để hiển thị');
    expect(alertOf(card)).toContain('result.criteria: có 20.000 mục, vượt giới hạn 100');
    expect(codes).toEqual(['too-large']);
    expect(shadow(card).querySelectorAll('.criterion')).toHaveLength(0);
    // Indicators: per criterion, and across the tiers of one result.
    const wide = toJson(evaluateSample());
    const first = wide.criteria[0] as Evaluation['criteria'][number];
    first.indicators = Array.from(
      { length: 201 },
      () => first.indicators[0] as (typeof first.indicators)[number],
    );
    const second = await mountHostile(wide);
    expect(alertOf(second.card)).toContain('result.criteria[0].indicators: có 201 mục, vượt giới hạn 200');
    const deep = toJson(evaluateSample());
    let tier: Evaluation = deep;
    for (let i = 0; i < 9; i++) {
      const next = toJson(evaluateSample());
      next.prerequisites = [];
      tier.prerequisites = [next];
      tier = next;
    }
    const third = await mountHostile(deep);
    expect(alertOf(third.card)).toContain('vượt giới hạn 8');
    expect(third.codes).toEqual(['too-large']);
  });

  it('shows bidi controls in names as visible codes, so they cannot reorder its text', async () => {
    const result = toJson(evaluateSample());
    result.commune.name = 'Xã \u202Eạđ mạN';
    const criterion = result.criteria[0] as Evaluation['criteria'][number];
    criterion.name = { vi: 'Quy \u2067hoạch', en: 'Planning' };
    (criterion.indicators[0] as { name: unknown }).name = { vi: '\u202Dchỉ tiêu', en: 'x' };
    const card = await mount('ntm-scorecard', { result, expanded: true });
    const all = shadow(card).textContent ?? '';
    expect(all).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(text(shadow(card).querySelector('[part~="title"]'))).toBe('Xã \\u202Eạđ mạN');
    expect(all).toContain('Quy \\u2067hoạch');
    expect(all).toContain('\\u202Dchỉ tiêu');
  });
});

describe('<ntm-scorecard> states', () => {
  it('shows an empty state without input', async () => {
    const card = await mount('ntm-scorecard');
    expect(text(shadow(card).querySelector('[part~="message"]'))).toBe('Chưa có kết quả để hiển thị.');
  });

  it('shows a malformed result as a readable error, fires ntm-error and recovers', async () => {
    const errors: string[] = [];
    document.addEventListener('ntm-error', (event) => errors.push(event.detail.code), { once: true });
    const card = await mount('ntm-scorecard', {
      result: { commune: { name: 'X' }, status: 'maybe' } as unknown as Evaluation,
    });
    const alert = shadow(card).querySelector('[role="alert"]');
    expect(text(alert)).toContain('Kết quả đánh giá không đúng định dạng');
    expect(text(alert)).toContain('result.status: phải là một trong các giá trị met, not-met, incomplete');
    expect(errors).toEqual(['malformed-result']);
    const broken = toJson(evaluateSample());
    (broken.criteria[3] as unknown as { indicators: unknown }).indicators = 'none';
    card.result = broken;
    await card.updateComplete;
    expect(text(shadow(card).querySelector('[role="alert"]'))).toContain(
      'result.criteria[3].indicators: phải là một danh sách',
    );
    // The same error in English, worded again when lang changes.
    card.setAttribute('lang', 'en');
    await card.updateComplete;
    const english = text(shadow(card).querySelector('[role="alert"]'));
    expect(english).toContain('The result cannot be shown');
    expect(english).toContain('The evaluation result is malformed');
    expect(english).toContain('result.criteria[3].indicators: expected an array');
    card.removeAttribute('lang');
    card.result = evaluateSample();
    await card.updateComplete;
    expect(shadow(card).querySelector('[role="alert"]')).toBeNull();
    expect(text(shadow(card).querySelector('[part~="verdict"]'))).toContain(
      `${evaluateSample().counts.criteriaMet}/19`,
    );
  });

  it('ignores a previous review that cannot be compared', async () => {
    const card = await mount('ntm-scorecard', {
      result: evaluateSample(),
      previous: { nope: true } as unknown as Evaluation,
    });
    expect(text(shadow(card).querySelector('[part~="verdict"]'))).toContain(
      `${evaluateSample().counts.criteriaMet}/19`,
    );
    expect(shadow(card).querySelector('[part~="progress"]')).toBeNull();
  });
});

describe('<ntm-scorecard src>', () => {
  it('evaluates a served commune in the browser, loading core on demand', async () => {
    const loads: Evaluation[] = [];
    document.addEventListener('ntm-load', (event) => loads.push(event.detail.evaluation), { once: true });
    const card = await mount(
      'ntm-scorecard',
      {},
      { src: SAMPLE_URL, level: 'nang-cao', 'as-of': '2023-11-15' },
    );
    expect(text(shadow(card).querySelector('[part~="message"]'))).toMatch(/Đang (tải|đánh giá)/);
    expect(shadow(card).querySelector('[role="status"]')).not.toBeNull();
    await until(() => !!shadow(card).querySelector('[part~="verdict"]'), 10000, 'the evaluation');
    const met = evaluateSample().counts.criteriaMet;
    expect(text(shadow(card).querySelector('[part~="verdict"]'))).toContain(`${met}/19 tiêu chí đạt`);
    expect(loads.length).toBe(1);
    expect(card.evaluation?.counts.criteriaMet).toBe(met);
  });

  it('evaluates a data: URL with region and province given as attributes', async () => {
    const commune = sampleCommune();
    commune.province = null;
    const src = `data:application/json,${encodeURIComponent(JSON.stringify(commune))}`;
    const card = await mount(
      'ntm-scorecard',
      {},
      { src, level: 'ntm', 'as-of': '2023-11-15', province: 'quang-binh' },
    );
    await until(() => !!shadow(card).querySelector('[part~="verdict"]'), 10000, 'the evaluation');
    expect(card.evaluation?.region).toBe('btb');
    expect(card.evaluation?.ruleset.overlays.map((overlay) => overlay.province)).toEqual(['quang-binh']);
    expect(text(shadow(card).querySelector('header'))).toContain('Bắc Trung Bộ');
  });

  it('shows a precomputed result given by src without loading core', async () => {
    const src = `data:application/json,${encodeURIComponent(JSON.stringify(evaluateSample()))}`;
    const card = await mount('ntm-scorecard', {}, { src });
    await until(() => !!shadow(card).querySelector('[part~="verdict"]'), 5000, 'the result');
    expect(text(shadow(card).querySelector('[part~="verdict"]'))).toContain(
      `${evaluateSample().counts.criteriaMet}/19`,
    );
  });

  const failures: Array<[string, Record<string, string>, string, string[]]> = [
    [
      'an invalid URL',
      { src: 'http://[::1', level: 'ntm' },
      'bad-url',
      ['Địa chỉ dữ liệu không hợp lệ: http://[::1'],
    ],
    [
      'an unsupported scheme',
      { src: 'javascript:alert(1)', level: 'ntm' },
      'bad-url',
      ['Địa chỉ dữ liệu không hợp lệ'],
    ],
    [
      'an HTTP error',
      { src: '/no-such-commune.json', level: 'ntm' },
      'http',
      ['(HTTP 404)', '/no-such-commune.json'],
    ],
    [
      'malformed JSON',
      { src: 'data:application/json,{oops', level: 'ntm' },
      'bad-json',
      ['không phải JSON hợp lệ'],
    ],
    [
      'no level',
      { src: 'data:application/json,{"id":"1","name":"A","values":{}}' },
      'no-level',
      ['Thiếu thuộc tính level'],
    ],
    [
      'an unknown level',
      { src: SAMPLE_URL, level: 'khong-co' },
      'edition-not-found',
      ['Không đánh giá được xã'],
    ],
    [
      'invalid commune data',
      {
        src: `data:application/json,${encodeURIComponent('{"id":"1","name":"A","province":"nam-dinh","values":{"health_insurance_pct":"nhiều"}}')}`,
        level: 'ntm',
        'as-of': '2023-11-15',
      },
      'invalid-commune',
      ['Dữ liệu xã không hợp lệ', 'health_insurance_pct'],
    ],
  ];
  for (const [what, attributes, code, messages] of failures) {
    it(`shows ${what} inside the element, without throwing`, async () => {
      const codes: string[] = [];
      const listener = (event: GlobalEventHandlersEventMap['ntm-error']) => codes.push(event.detail.code);
      document.addEventListener('ntm-error', listener);
      const card = await mount('ntm-scorecard', {}, attributes);
      await until(() => !!shadow(card).querySelector('[role="alert"]'), 10000, 'the error');
      document.removeEventListener('ntm-error', listener);
      const alert = text(shadow(card).querySelector('[role="alert"]'));
      expect(alert).toContain('Không hiển thị được kết quả');
      for (const message of messages) expect(alert).toContain(message);
      expect(codes).toEqual([code]);
    });
  }

  it('keeps only the latest of overlapping loads', async () => {
    const card = await mount(
      'ntm-scorecard',
      {},
      { src: '/no-such-commune.json', level: 'nang-cao', 'as-of': '2023-11-15' },
    );
    card.src = SAMPLE_URL;
    await card.updateComplete;
    await until(() => !!shadow(card).querySelector('[part~="verdict"]'), 10000, 'the evaluation');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shadow(card).querySelector('[role="alert"]')).toBeNull();
  });

  it('prefers result over src', async () => {
    const card = await mount(
      'ntm-scorecard',
      { result: evaluateSample({}, { level: 'ntm' }) },
      { src: '/no-such-commune.json', level: 'nang-cao' },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(text(shadow(card).querySelector('[part~="verdict"]'))).toContain(
      `${evaluateSample({}, { level: 'ntm' }).counts.criteriaMet}/19`,
    );
  });
});

describe('<ntm-scorecard> accessibility, theming and print', () => {
  it('has no axe violations, collapsed and expanded, light and dark, and in the error state', async () => {
    const card = await mount('ntm-scorecard', {
      result: evaluateSample({}, { level: 'kieu-mau' }),
      previous: evaluateSample({}, { level: 'kieu-mau', asOf: '2023-01-10' }),
    });
    expect(await axeViolations(card)).toEqual([]);
    await expandAll(card);
    for (const button of shadow(card).querySelectorAll<HTMLButtonElement>('button.disclosure'))
      button.click();
    await card.updateComplete;
    expect(await axeViolations(card)).toEqual([]);
    card.theme = 'dark';
    await card.updateComplete;
    expect(await axeViolations(card)).toEqual([]);
    const broken = await mount('ntm-scorecard', { result: {} as Evaluation });
    expect(await axeViolations(broken)).toEqual([]);
  });

  it('takes colours from --ntm-* custom properties and exposes parts', async () => {
    const style = document.createElement('style');
    style.textContent =
      'ntm-scorecard { --ntm-color-met: rgb(1, 2, 3); } ntm-scorecard::part(title) { color: rgb(9, 8, 7); }';
    document.body.append(style);
    const card = await mount('ntm-scorecard', { result: evaluateSample() });
    const met = shadow(card).querySelector('.criterion.s-met .criterion-status') as HTMLElement;
    expect(getComputedStyle(met).color).toBe('rgb(1, 2, 3)');
    expect(getComputedStyle(shadow(card).querySelector('[part~="title"]') as Element).color).toBe(
      'rgb(9, 8, 7)',
    );
  });

  it('follows prefers-color-scheme and the theme attribute', async () => {
    const card = await mount('ntm-scorecard', { result: evaluateSample() });
    const background = () => getComputedStyle(shadow(card).querySelector('.card') as Element).backgroundColor;
    expect(background()).toBe('rgb(255, 255, 255)');
    await cdp().send('Emulation.setEmulatedMedia', {
      features: [{ name: 'prefers-color-scheme', value: 'dark' }],
    });
    try {
      expect(background()).toBe('rgb(13, 17, 23)');
      card.theme = 'light';
      await card.updateComplete;
      expect(background()).toBe('rgb(255, 255, 255)');
    } finally {
      await cdp().send('Emulation.setEmulatedMedia', { features: [] });
    }
  });

  it('prints every criterion expanded, without interactive chrome', async () => {
    const card = await mount('ntm-scorecard', { result: evaluateSample() });
    const panel = shadow(card).querySelector('.criterion .panel') as HTMLElement;
    const toolbar = shadow(card).querySelector('[part~="toolbar"]') as HTMLElement;
    expect(getComputedStyle(panel).display).toBe('none');
    await cdp().send('Emulation.setEmulatedMedia', { media: 'print' });
    try {
      expect(getComputedStyle(panel).display).toBe('block');
      expect(getComputedStyle(toolbar).display).toBe('none');
      expect(getComputedStyle(shadow(card).querySelector('.card') as Element).backgroundColor).toBe(
        'rgb(255, 255, 255)',
      );
    } finally {
      await cdp().send('Emulation.setEmulatedMedia', { media: '' });
    }
  });

  it('survives a second definition of the same name', async () => {
    expect(defineElement('ntm-scorecard', class extends HTMLElement {})).toBe(false);
    expect(defineElement('ntm-scorecard', NtmScorecard)).toBe(false);
    await import('../index.js');
    expect(customElements.get('ntm-scorecard')).toBe(NtmScorecard);
  });
});
