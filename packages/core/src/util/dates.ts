/** Today's date on this machine's calendar, YYYY-MM-DD. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** True when `date` lies in [from, to] (both inclusive; `to` absent = open-ended). ISO dates compare as text. */
export function inPeriod(date: string, period: { from: string; to?: string | null | undefined }): boolean {
  return date >= period.from && (!period.to || date <= period.to);
}

export function formatPeriod(period: { from: string; to?: string | null | undefined }): string {
  return `${period.from} – ${period.to ?? 'open'}`;
}

export function periodsOverlap(
  a: { from: string; to?: string | null | undefined },
  b: { from: string; to?: string | null | undefined },
): boolean {
  return a.from <= (b.to ?? '9999-12-31') && b.from <= (a.to ?? '9999-12-31');
}
