/**
 * Text from data and rule files shown to a person: control characters (C0, DEL, C1: terminal escape
 * sequences such as `ESC [1A ESC [2K`, which would move the cursor and hide the line above) and the invisible
 * characters that reorder text (bidi embeddings, overrides, isolates and marks, line/paragraph separators)
 * are shown as visible escapes such as `\u202E`, so that a value can neither drive the terminal nor change the
 * order in which a reader sees the text around it. Data files and JSON/CSV outputs keep the value itself.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to find
const ANY = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
/** The same, but keeping line feeds and tabs (multi-line text: a report cell, a message of several lines). */
const KEEP_LINES =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to find
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const visible = (char: string) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * `text` with every control and bidi character shown as `\uXXXX`. With `keepLines`, line feeds and tabs stay
 * (the text may span several lines); otherwise they are escaped too (one table cell, one line).
 */
export function escapeControls(text: string, options: { keepLines?: boolean } = {}): string {
  return text.replace(options.keepLines ? KEEP_LINES : ANY, visible);
}

/** True when `text` holds a character {@link escapeControls} would escape (line feeds and tabs aside). */
export function hasControls(text: string): boolean {
  return KEEP_LINES_ONCE.test(text);
}

const KEEP_LINES_ONCE = new RegExp(KEEP_LINES.source);

/**
 * A copy of `value` with {@link escapeControls} (keeping lines) applied to every string in it, object keys
 * included: the display copy of data embedded in a report.
 */
export function escapeControlsDeep<T>(value: T): T {
  if (typeof value === 'string') return escapeControls(value, { keepLines: true }) as T;
  if (Array.isArray(value)) return value.map((item) => escapeControlsDeep(item)) as T;
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[escapeControls(key, { keepLines: true })] = escapeControlsDeep(item);
    }
    return copy as T;
  }
  return value;
}
