/**
 * What the message catalogues are built from: a message is a Vietnamese and an English text, each rendered
 * from the same named parameters. Kept apart from the catalogues so that each can be its own module.
 */

export type Params = Record<string, string | number | boolean | null | undefined>;
export type Render<P> = (p: P) => string;
export interface Texts<P> {
  vi: Render<P>;
  en: Render<P>;
}

/** One message: its Vietnamese and English texts, typed by the parameters they take. */
export function m<P extends Params = Record<string, never>>(vi: Render<P>, en: Render<P>): Texts<P> {
  return { vi, en };
}

const vnNumber = new Intl.NumberFormat('vi-VN');
const enNumber = new Intl.NumberFormat('en-GB');
/** 16384 → "16.384" (vi) / "16,384" (en). */
export const nvi = (n: number | string | null | undefined) =>
  typeof n === 'number' ? vnNumber.format(n) : `${n}`;
export const nen = (n: number | string | null | undefined) =>
  typeof n === 'number' ? enNumber.format(n) : `${n}`;

/** 2023-11-15 → 15/11/2023, as Vietnamese readers write dates. */
export function viDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}
