/** Text helpers shared by the readers: folding for tolerant matching, suggestions, names in messages. */
import { escapeControls } from '../safe-text.js';

/** A file name as messages show it: control and bidi characters made visible. */
export function shownFile(file: string): string {
  return escapeControls(file);
}

/**
 * Folds text for tolerant matching: lower case, no diacritics (đ → d), every run of spaces and punctuation
 * collapsed to one space. "Tỷ lệ tham gia BHYT (%)" and "ty le tham gia bhyt %" fold to the same text.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** Replaces the spaces Excel and word processors put inside numbers (no-break, thin) with plain spaces. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u2007\u2009\u202f]/g, ' ');
}

/** Folded candidates, computed once: the same dictionary's names are compared with every unknown header. */
const folded = new Map<string, string>();

function foldedCandidate(candidate: string): string {
  let value = folded.get(candidate);
  if (value === undefined) {
    value = fold(candidate);
    if (folded.size < 100_000) folded.set(candidate, value);
  }
  return value;
}

/**
 * Edit distance between `a` and `b`, or a number above `limit` as soon as it is sure to exceed it: the cost is
 * at most |a| × |b|, and usually far less.
 */
function distance(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
      if ((row[j] as number) < best) best = row[j] as number;
    }
    if (best > limit) return limit + 1;
  }
  return row[b.length] as number;
}

/** Words longer than this get no suggestion: no column name is that long, and comparing would cost time. */
const HINT_LENGTH = 100;

/** The closest candidate to `word` (folded comparison), when it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | null {
  if (word.length > HINT_LENGTH * 4) return null;
  const target = fold(word);
  if (target.length > HINT_LENGTH) return null;
  const limit = Math.max(2, Math.floor(target.length / 4));
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const d = distance(target, foldedCandidate(candidate), Math.min(limit, bestDistance - 1));
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
      if (d === 0) break;
    }
  }
  return best;
}

/** Shortens a value for an error message (a value too deep to print shows as "…"). */
export function preview(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = '…';
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
