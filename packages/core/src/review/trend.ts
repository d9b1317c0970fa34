// The arithmetic of a forecast: a least-squares pace and the day a target is reached at that pace.

/** One observation: a day number (days since 1970-01-01, UTC) and the value on that day. */
export interface DayValue {
  day: number;
  value: number;
}

/** The comparators whose target a value can move towards. */
export type OrderComparator = '>=' | '>' | '<=' | '<';

export function isOrderComparator(comparator: unknown): comparator is OrderComparator {
  return comparator === '>=' || comparator === '>' || comparator === '<=' || comparator === '<';
}

/** Whether `value` meets `target` under `comparator`. */
export function meets(value: number, target: number, comparator: OrderComparator): boolean {
  switch (comparator) {
    case '>=':
      return value >= target;
    case '>':
      return value > target;
    case '<=':
      return value <= target;
    case '<':
      return value < target;
  }
}

/** A number rounded to 12 significant digits: enough for any indicator, and free of float noise in the output. */
export function tidy(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(12));
}

/**
 * Slope of the least-squares line through the points, in value units per day. The points must hold at
 * least two different days. A slope that moves the value by less than a billionth of its size over the
 * whole span is float noise from a flat series and is returned as 0.
 */
export function slopePerDay(points: readonly DayValue[]): number {
  const n = points.length;
  let sumDay = 0;
  let sumValue = 0;
  for (const point of points) {
    sumDay += point.day;
    sumValue += point.value;
  }
  const meanDay = sumDay / n;
  const meanValue = sumValue / n;
  let sxy = 0;
  let sxx = 0;
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  let largest = 1;
  for (const point of points) {
    const dx = point.day - meanDay;
    sxy += dx * (point.value - meanValue);
    sxx += dx * dx;
    firstDay = Math.min(firstDay, point.day);
    lastDay = Math.max(lastDay, point.day);
    largest = Math.max(largest, Math.abs(point.value));
  }
  const slope = sxy / sxx;
  if (Math.abs(slope) * (lastDay - firstDay) <= 1e-9 * largest) return 0;
  return tidy(slope);
}

/**
 * Whole days from a value that does not meet its target until it does, moving at `ratePerDay`; null when
 * the rate does not move the value towards the target. For `>=` and `<=` the target value itself is enough;
 * for `>` and `<` the value must pass it, so reaching it exactly on a day counts from the next day.
 */
export function daysToTarget(
  latest: number,
  target: number,
  comparator: OrderComparator,
  ratePerDay: number,
): number | null {
  const rising = comparator === '>=' || comparator === '>';
  if (rising ? ratePerDay <= 0 : ratePerDay >= 0) return null;
  const exact = tidy((target - latest) / ratePerDay);
  if (!Number.isFinite(exact)) return null;
  const strict = comparator === '>' || comparator === '<';
  return Math.max(strict ? Math.floor(exact) + 1 : Math.ceil(exact), 1);
}
