/**
 * Which rows the board lists, in which order: the sort (`sort`, `sort-direction`) and the filter (`query`,
 * `status-filter`) of the host, applied to the rows of `BoardDataController`. A reactive controller: each input
 * is remembered, and only what depends on a changed input is recomputed (name ranks per list and language,
 * search keys per list, the order per sort, the filter per query), so that a keystroke in the search box over
 * 10,000 communes costs a scan of precomputed keys, not a sort.
 */
import type { CommuneRow } from '@nongthonmoi/core/review';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type BoardSort = 'criteria' | 'name' | 'input';
export type TierStatus = 'met' | 'not-met' | 'incomplete';

export const STATUSES: readonly TierStatus[] = ['met', 'not-met', 'incomplete'];
const STATUS_RANK: Record<string, number> = { met: 2, incomplete: 1, 'not-met': 0 };

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
export function parseStatuses(value: string | null | undefined): TierStatus[] {
  const words = new Set(String(value ?? '').split(/\s+/));
  return STATUSES.filter((status) => words.has(status));
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
  counts: Record<TierStatus, number> = { met: 0, 'not-met': 0, incomplete: 0 };
  /** The statuses the list is filtered on (none: all). */
  statuses: readonly TierStatus[] = [];

  private rows_: readonly CommuneRow[] = [];
  private locale_ = '';
  /** Position of each row in the collator's order of names (ties by input order). */
  private ranks_: Int32Array | null = null;
  private keys_: string[] | null = null;
  private sorted_: number[] = [];
  private sortedBy_ = '';
  private filteredBy_ = '';

  constructor(
    private readonly host: ViewHost,
    private readonly input: () => { rows: readonly CommuneRow[]; locale: string },
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { rows, locale } = this.input();
    const host = this.host;
    if (rows !== this.rows_) {
      this.rows_ = rows;
      this.ranks_ = null;
      this.keys_ = null;
      this.sortedBy_ = '';
      const counts = { met: 0, 'not-met': 0, incomplete: 0 };
      for (const row of rows) counts[row.status]++;
      this.counts = counts;
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
    // Criteria met, then the result, in one number per row; ties by name, always A to Z.
    const keys = new Float64Array(rows.length);
    rows.forEach((row, index) => {
      keys[index] = sign * (row.criteriaMet * 4 + (STATUS_RANK[row.status] ?? 0));
    });
    return order.sort(
      (a, b) => (keys[a] as number) - (keys[b] as number) || (ranks[a] as number) - (ranks[b] as number),
    );
  }

  private filter_(tokens: string[]): number[] {
    const statuses = this.statuses;
    if (tokens.length === 0 && statuses.length === 0) return this.sorted_;
    const rows = this.rows_;
    if (tokens.length > 0 && !this.keys_) this.keys_ = rows.map((row) => searchKey(row.name));
    const keys = this.keys_;
    return this.sorted_.filter((index) => {
      if (statuses.length > 0 && !statuses.includes((rows[index] as CommuneRow).status as TierStatus))
        return false;
      const key = keys?.[index] ?? '';
      return tokens.every((token) => key.includes(token));
    });
  }
}
