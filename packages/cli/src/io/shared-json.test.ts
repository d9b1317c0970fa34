import { describe, expect, it } from 'vitest';
import { SHARED_KEY, shareRepeated, UNSHARE_SOURCE, unshareRepeated } from './shared-json.js';

const name = { vi: 'Tỷ lệ hộ gia đình sử dụng nước sạch theo quy chuẩn', en: 'Households with clean water' };
const citation = { document: '318/QĐ-TTg', part: 'Phụ lục I', item: 'Tiêu chí 17, chỉ tiêu 17.1' };

/** A value with repeated parts at several depths, small ones, arrays, nulls and `undefined` fields. */
function sample(): unknown {
  const indicator = (actual: number) => ({
    id: '17.1',
    name: { ...name },
    citation: { ...citation },
    actual,
    gap: null,
  });
  return {
    evaluations: [
      { commune: { id: 'a', name: 'Xã A' }, indicators: [indicator(80), indicator(90)], note: undefined },
      {
        commune: { id: 'b', name: 'Xã B' },
        indicators: [indicator(80), { ...indicator(70), extra: [1, 2, 3] }],
      },
    ],
    small: [{ x: 1 }, { x: 1 }],
    empty: [{}, {}, []],
  };
}

describe('shareRepeated', () => {
  it('gives back the same JSON value, through unshareRepeated and through its JSON text', () => {
    const value = sample();
    const packed = shareRepeated(value, 20);
    expect(unshareRepeated(packed)).toEqual(JSON.parse(JSON.stringify(value)));
    expect(unshareRepeated(JSON.parse(JSON.stringify(packed)))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('writes each repeated part once, whole parts before their pieces, and leaves small ones in place', () => {
    const packed = shareRepeated(sample(), 20);
    const text = JSON.stringify(packed);
    expect(text.split('Households with clean water')).toHaveLength(2);
    expect(text.split('Tiêu chí 17, chỉ tiêu 17.1')).toHaveLength(2);
    // The indicator with actual 80 occurs twice: shared whole, so its name is not a separate shared part.
    expect(packed.shared.filter((part) => JSON.stringify(part).includes('"actual":80'))).toHaveLength(1);
    expect(JSON.stringify((packed.value as { small: unknown }).small)).toBe('[{"x":1},{"x":1}]');
    expect(text).not.toContain('"note"');
  });

  it('shares nothing when nothing repeats, and never the value itself', () => {
    const packed = shareRepeated({ a: { long: 'x'.repeat(100) } });
    expect(packed.shared).toEqual([]);
    expect(packed.value).toEqual({ a: { long: 'x'.repeat(100) } });
  });

  it('the page decoder is the same code', () => {
    const packed = JSON.parse(JSON.stringify(shareRepeated(sample(), 20)));
    const decode = new Function(`${UNSHARE_SOURCE}; return unshareRepeated;`)() as typeof unshareRepeated;
    expect(decode(packed)).toEqual(JSON.parse(JSON.stringify(sample())));
    expect(SHARED_KEY).toBe('$shared');
  });
});
