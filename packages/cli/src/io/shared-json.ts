/**
 * Repeated parts of a JSON value written once. A review's evaluations repeat the same explanation for every
 * commune (an indicator's name, citation, basis, quote, target for the region…): the HTML report embeds them
 * for its scorecards, and written out in full they made 120 KB per commune (35 MB for 300 communes, read on
 * phones). `shareRepeated` keeps one copy of every object or array that occurs more than once and is not tiny,
 * and puts `{ "$shared": n }` in its places; `unshareRepeated` (also the report page's own decoder, through
 * `UNSHARE_SOURCE`) gives back the same JSON value.
 */

/** The key of a reference to a shared part. No object of a review has a key starting with "$". */
export const SHARED_KEY = '$shared';

/** A JSON value with its repeated parts written once. */
export interface SharedJson {
  shared: unknown[];
  value: unknown;
}

interface Node {
  /** The part (plain JSON data: objects, arrays, strings, numbers, booleans, null). */
  value: object;
  /** The length of its JSON text (about). */
  size: number;
  count: number;
  /** Index in `shared`, once written there. */
  index: number;
  /** Its number among the distinct parts: what its parents' keys hold in its place. */
  id: number;
}

/**
 * Writes `value` (plain JSON data) with every object or array that occurs at least twice, and whose JSON text
 * is at least `minLength` characters, written once in `shared`.
 *
 * @example
 * const name = { vi: 'Tỷ lệ hộ dùng nước sạch', en: 'Households with clean water' };
 * shareRepeated([{ name }, { name }], 10);
 * // { shared: [{ vi: 'Tỷ lệ…', en: 'Households…' }], value: [{ name: { $shared: 0 } }, { name: { $shared: 0 } }] }
 */
export function shareRepeated(value: unknown, minLength = 48): SharedJson {
  const byKey = new Map<string, Node>();
  const nodeOf = new Map<object, Node>();
  // Bottom-up: a part's key is made of its children's tokens, so equal parts get equal keys in one pass, and a
  // parent's key holds `#id` for each child part instead of its whole text.
  const visit = (part: unknown): { token: string; size: number } => {
    if (part === null || typeof part !== 'object') {
      const text = JSON.stringify(part) ?? 'null';
      return { token: text, size: text.length };
    }
    let size = 2;
    const tokens: string[] = [];
    if (Array.isArray(part)) {
      for (const item of part) {
        const child = visit(item);
        tokens.push(child.token);
        size += child.size + 1;
      }
    } else {
      for (const [name, item] of Object.entries(part)) {
        if (item === undefined) continue;
        const child = visit(item);
        const label = JSON.stringify(name);
        tokens.push(`${label}:${child.token}`);
        size += label.length + child.size + 2;
      }
    }
    const key = `${Array.isArray(part) ? '[' : '{'}${tokens.join(',')}`;
    let node = byKey.get(key);
    if (!node) {
      node = { value: part, size, count: 0, index: -1, id: byKey.size };
      byKey.set(key, node);
    }
    node.count++;
    nodeOf.set(part, node);
    return { token: `#${node.id}`, size };
  };
  visit(value);

  const shared: unknown[] = [];
  const write = (part: unknown, top: boolean): unknown => {
    if (part === null || typeof part !== 'object') return part;
    const node = nodeOf.get(part) as Node;
    const repeated = !top && node.count > 1 && node.size >= minLength;
    if (repeated && node.index >= 0) return { [SHARED_KEY]: node.index };
    const copy = Array.isArray(part)
      ? part.map((item) => write(item, false))
      : Object.fromEntries(
          Object.entries(part)
            .filter(([, item]) => item !== undefined)
            .map(([name, item]) => [name, write(item, false)]),
        );
    if (!repeated) return copy;
    node.index = shared.length;
    shared.push(copy);
    return { [SHARED_KEY]: node.index };
  };
  return { value: write(value, true), shared };
}

/**
 * The decoder, as the source of a page script: the report decodes its data with this text, and
 * `unshareRepeated` below is made from the same text, so the page and the tests run one implementation. (A
 * function's own `toString()` would not do: the build may add helpers to its body that a page does not have.)
 */
export const UNSHARE_SOURCE = `function unshareRepeated(packed) {
  const done = [];
  const read = (part) => {
    if (part === null || typeof part !== 'object') return part;
    if (Array.isArray(part)) return part.map(read);
    const ref = part.$shared;
    if (typeof ref === 'number' && Object.keys(part).length === 1) {
      if (!(ref in done)) done[ref] = read(packed.shared[ref]);
      return done[ref];
    }
    const copy = {};
    for (const [name, item] of Object.entries(part)) copy[name] = read(item);
    return copy;
  };
  return read(packed.value);
}`;

/**
 * The JSON value that `shareRepeated` wrote: every `{ "$shared": n }` replaced by its part (one object,
 * referenced from each place: treat the result as read-only).
 */
export const unshareRepeated = new Function(`${UNSHARE_SOURCE}\nreturn unshareRepeated;`)() as (
  packed: SharedJson,
) => unknown;
