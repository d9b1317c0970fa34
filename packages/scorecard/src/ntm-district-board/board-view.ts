/**
 * Which rows the board lists, in which order: the sort (`sort`, `sort-direction`) and the filter (`query`,
 * `status-filter`) of the host, applied to the rows of `BoardDataController`. A reactive controller: each input
 * is remembered, and only what depends on a changed input is recomputed (name ranks per list and language,
 * search keys per list, the order per sort, the filter per query), so that a keystroke in the search box over
 * 10,000 communes costs a scan of precomputed keys, not a sort.
 */
import type { CommuneRow } from '@nongthonmoi/core/review';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Kind } from './board-data.js';

/** `outlook`: worst outlook first (with `sort-direction="asc"`, its default), from the `forecast`. */
export type BoardSort = 'criteria' | 'name' | 'input' | 'outlook';

/**
 * The results the list can be filtered on: `met`, `not-met`, `missing-data` (the commune's data is missing,
 * whether or not targets are unknown too: ask the commune), `unknown-target` (only the official targets are
 * unknown: the commune's data is complete) and `undecided` (a result that does not say why).
 */
export type BoardStatus = Exclude<Kind, 'both'>;
/** @deprecated The same as {@link BoardStatus}. */
export type TierStatus = BoardStatus;

export const STATUSES: readonly BoardStatus[] = [
  'met',
  'not-met',
  'missing-data',
  'unknown-target',
  'undecided',
];
/** `incomplete` in `status-filter` (its meaning before the causes were told apart): every undecided result. */
const UNDECIDED: readonly BoardStatus[] = ['missing-data', 'unknown-target', 'undecided'];
const STATUS_RANK: Record<string, number> = { met: 2, 'not-met': 0 };

/** The filter a row belongs to: missing data with unknown targets is missing data (the commune can act on it). */
export function bucketOf(kind: Kind): BoardStatus {
  return kind === 'both' ? 'missing-data' : kind;
}

/**
 * A name as the search compares it: without diacritics (đ as d), lower case, single spaces. "nam my" finds
 * "Nam Mỹ", "DONG TAM" finds "Đồng Tâm".
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The statuses named in a `status-filter` value (space-separated; unknown words are ignored). */
export function parseStatuses(value: string | null | undefined): BoardStatus[] {
  const words = new Set<string>(String(value ?? '').split(/\s+/));
  if (words.has('incomplete')) for (const status of UNDECIDED) words.add(status);
  return STATUSES.filter((status) => words.has(status));
}

interface ViewInput {
  rows: readonly CommuneRow[];
  kinds: readonly Kind[];
  /** Rank of each row's outlook (worst first), from the forecast; null without one. */
  outlooks: Int8Array | null;
  locale: string;
}

interface ViewHost extends ReactiveControllerHost {
  sort: BoardSort;
  sortDirection: 'asc' | 'desc';
  query: string;
  statusFilter: string;
}

export class BoardViewController implements ReactiveController {
  /** Positions in the list → indexes of `rows`, sorted and filtered. */
  order: readonly number[] = [];
  /** Rows of the whole list per status (the filter buttons show them). */
  counts: Record<BoardStatus, number> = zeroCounts();
  /** The statuses the list is filtered on (none: all). */
  statuses: readonly BoardStatus[] = [];

  private rows_: readonly CommuneRow[] = [];
  private buckets_: BoardStatus[] = [];
  private outlooks_: Int8Array | null = null;
  private locale_ = '';
  /** Position of each row in the collator's order of names (ties by input order). */
  private ranks_: Int32Array | null = null;
  private keys_: string[] | null = null;
  private sorted_: number[] = [];
  private sortedBy_ = '';
  private filteredBy_ = '';

  constructor(
    private readonly host: ViewHost,
    private readonly input: () => ViewInput,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { rows, kinds, outlooks, locale } = this.input();
    const host = this.host;
    if (rows !== this.rows_) {
      this.rows_ = rows;
      this.ranks_ = null;
      this.keys_ = null;
      this.sortedBy_ = '';
      const counts = zeroCounts();
      this.buckets_ = kinds.map((kind) => {
        const bucket = bucketOf(kind);
        counts[bucket]++;
        return bucket;
      });
      this.counts = counts;
    }
    if (outlooks !== this.outlooks_) {
      this.outlooks_ = outlooks;
      if (host.sort === 'outlook') this.sortedBy_ = '';
    }
    if (locale !== this.locale_) {
      this.locale_ = locale;
      this.ranks_ = null;
      this.sortedBy_ = '';
    }
    const sortKey = `${host.sort}/${host.sortDirection}`;
    if (sortKey !== this.sortedBy_) {
      this.sorted_ = this.sort_(host.sort, host.sortDirection === 'asc' ? 1 : -1);
      this.sortedBy_ = sortKey;
      this.filteredBy_ = '';
    }
    this.statuses = parseStatuses(host.statusFilter);
    const tokens = searchKey(String(host.query ?? ''))
      .split(' ')
      .filter(Boolean);
    const filterKey = `${this.statuses.join(' ')}\u0000${tokens.join(' ')}`;
    if (filterKey !== this.filteredBy_) {
      this.order = this.filter_(tokens);
      this.filteredBy_ = filterKey;
    }
  }

  private ranks(): Int32Array {
    if (!this.ranks_) {
      const rows = this.rows_;
      const collator = new Intl.Collator(this.locale_, { sensitivity: 'base', numeric: true });
      const byName = rows.map((_, index) => index);
      byName.sort(
        (a, b) => collator.compare((rows[a] as CommuneRow).name, (rows[b] as CommuneRow).name) || a - b,
      );
      const ranks = new Int32Array(rows.length);
      byName.forEach((row, rank) => {
        ranks[row] = rank;
      });
      this.ranks_ = ranks;
    }
    return this.ranks_;
  }

  private sort_(sort: BoardSort, sign: number): number[] {
    const rows = this.rows_;
    const order = rows.map((_, index) => index);
    if (sort === 'input') return order;
    const ranks = this.ranks();
    if (sort === 'name') return order.sort((a, b) => sign * ((ranks[a] as number) - (ranks[b] as number)));
    // Criteria met, then the result, in one number per row (or the outlook's rank, worst first for `asc`);
    // ties by name, always A to Z.
    const keys = new Float64Array(rows.length);
    const outlooks = this.outlooks_;
    rows.forEach((row, index) => {
      keys[index] =
        sort === 'outlook' && outlooks
          ? sign * (outlooks[index] as number)
          : sign * (row.criteriaMet * 4 + (STATUS_RANK[row.status] ?? 1));
    });
    return order.sort(
      (a, b) => (keys[a] as number) - (keys[b] as number) || (ranks[a] as number) - (ranks[b] as number),
    );
  }

  private filter_(tokens: string[]): number[] {
    const statuses = this.statuses;
    if (tokens.length === 0 && statuses.length === 0) return this.sorted_;
    const rows = this.rows_;
    const buckets = this.buckets_;
    if (tokens.length > 0 && !this.keys_) this.keys_ = rows.map((row) => searchKey(row.name));
    const keys = this.keys_;
    return this.sorted_.filter((index) => {
      if (statuses.length > 0 && !statuses.includes(buckets[index] as BoardStatus)) return false;
      const key = keys?.[index] ?? '';
      return tokens.every((token) => key.includes(token));
    });
  }
}

function zeroCounts(): Record<BoardStatus, number> {
  return { met: 0, 'not-met': 0, 'missing-data': 0, 'unknown-target': 0, undecided: 0 };
}
