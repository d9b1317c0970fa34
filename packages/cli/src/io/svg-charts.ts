/**
 * Small inline SVG pictures for the HTML report: drawn here as markup, so that the report needs no chart
 * library and nothing downloaded when it is opened, and prints as it shows.
 */
import type { Lang } from '../i18n.js';
import { escapeControls } from '../safe-text.js';

const h = (value: unknown): string =>
  escapeControls(String(value ?? ''))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const DAY = 86_400_000;

function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
}

/** 2023-11-15 → 15/11 (vi) or 15 Nov (en), with the year when the picture spans several. */
function shortDate(iso: string, lang: Lang, withYear: boolean): string {
  const day = Number(iso.slice(8, 10));
  const month = Number(iso.slice(5, 7));
  const year = iso.slice(2, 4);
  if (lang === 'en') {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    return `${day} ${months[month - 1]}${withYear ? ` ’${year}` : ''}`;
  }
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}${withYear ? `/${year}` : ''}`;
}

export interface TimelinePoint {
  asOf: string;
  /** Criteria met at that snapshot. */
  met: number;
}

export interface TimelineOptions {
  points: readonly TimelinePoint[];
  /** Criteria of the tier: the line every commune has to reach. */
  total: number;
  deadline: string | null;
  lang: Lang;
  /** What the picture shows, for screen readers (the commune's name and the figures). */
  label: string;
  /** The bottom of the axis (the same for pictures set side by side); default a little under the lowest value. */
  floor?: number;
}

/** The axis bottom shared by several timelines: a little under the lowest value of them all. */
export function timelineFloor(values: readonly number[], total: number): number {
  return values.length === 0 ? 0 : Math.max(0, Math.min(...values) - Math.max(2, Math.ceil(total * 0.15)));
}

/**
 * A commune's criteria met at each snapshot, with the line of all criteria and the deadline marked: the
 * picture of "will it get there in time". 260 × 120 user units, scaled to its box.
 */
export function timelineSvg(options: TimelineOptions): string {
  const { points, total, deadline, lang } = options;
  const width = 260;
  const height = 118;
  const left = 24;
  const right = 10;
  const top = 22;
  const bottom = 18;
  if (points.length === 0 || total <= 0) return '';
  const days = points.map((p) => dayNumber(p.asOf));
  const end = deadline ? Math.max(dayNumber(deadline), ...days) : Math.max(...days);
  const start = Math.min(...days);
  const span = Math.max(end - start, 1);
  // The axis starts a little under the lowest value, so that a change of one criterion can be seen.
  const low = Math.min(
    options.floor ??
      Math.max(0, Math.min(...points.map((p) => p.met)) - Math.max(2, Math.ceil(total * 0.15))),
    ...points.map((p) => p.met),
  );
  const x = (day: number) => left + ((day - start) / span) * (width - left - right);
  const y = (met: number) => top + (1 - (met - low) / Math.max(total - low, 1)) * (height - top - bottom);
  const years = new Set([
    ...points.map((p) => p.asOf.slice(0, 4)),
    ...(deadline ? [deadline.slice(0, 4)] : []),
  ]);
  const withYear = years.size > 1;
  const parts: string[] = [
    `<svg class="timeline" viewBox="0 0 ${width} ${height}" role="img" aria-label="${h(options.label)}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>${h(options.label)}</title>`,
    // The line of all criteria met, and the bottom of the axis.
    `<line x1="${left}" x2="${width - right}" y1="${y(total)}" y2="${y(total)}" class="goal"/>`,
    `<text x="${left - 4}" y="${y(total) + 3}" text-anchor="end" class="axis">${total}</text>`,
    `<line x1="${left}" x2="${width - right}" y1="${y(low)}" y2="${y(low)}" class="base"/>`,
    `<text x="${left - 4}" y="${y(low) + 3}" text-anchor="end" class="axis">${low}</text>`,
  ];
  if (deadline) {
    const dx = x(dayNumber(deadline));
    parts.push(
      `<line x1="${dx}" x2="${dx}" y1="${top - 4}" y2="${y(low)}" class="deadline"/>`,
      `<text x="${dx}" y="${top - 8}" text-anchor="end" class="deadline-label">${h(`${lang === 'en' ? 'Deadline' : 'Hạn'} ${shortDate(deadline, lang, withYear)}`)}</text>`,
    );
  }
  const coords = points.map((p) => `${x(dayNumber(p.asOf)).toFixed(1)},${y(p.met).toFixed(1)}`);
  if (points.length > 1) parts.push(`<polyline points="${coords.join(' ')}" class="series"/>`);
  points.forEach((point, index) => {
    const px = x(dayNumber(point.asOf));
    const py = y(point.met);
    const last = index === points.length - 1;
    parts.push(
      `<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="${last ? 4 : 3}" class="${last ? 'point now' : 'point'}"/>`,
      // The value under its point when the point is on the top line, above it otherwise.
      `<text x="${px.toFixed(1)}" y="${(point.met >= total ? py + 13 : py - 6).toFixed(1)}" text-anchor="middle" class="value">${point.met}</text>`,
      `<text x="${px.toFixed(1)}" y="${height - 4}" text-anchor="${index === 0 ? 'start' : last && points.length > 1 ? 'middle' : 'middle'}" class="axis">${h(shortDate(point.asOf, lang, withYear))}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

/**
 * A bar showing `value` out of `total`, optionally with an earlier value as a thin mark under it: communes
 * meeting a criterion now and before. Drawn in SVG so that it prints with its colours.
 */
export function barSvg(options: {
  value: number;
  before: number | null;
  total: number;
  label: string;
}): string {
  const width = 120;
  const height = 14;
  const scale = (n: number) => (options.total > 0 ? (n / options.total) * width : 0);
  const parts = [
    `<svg class="bar" viewBox="0 0 ${width} ${height}" role="img" aria-label="${h(options.label)}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>${h(options.label)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${height - 4}" class="track"/>`,
    `<rect x="0" y="0" width="${scale(options.value).toFixed(1)}" height="${height - 4}" class="now"/>`,
  ];
  if (options.before !== null) {
    parts.push(
      `<rect x="0" y="${height - 3}" width="${scale(options.before).toFixed(1)}" height="3" class="before"/>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
