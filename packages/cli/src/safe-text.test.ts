import { describe, expect, it } from 'vitest';
import { escapeControls, escapeControlsDeep, hasControls } from './safe-text.js';

describe('escapeControls', () => {
  it('shows C0, DEL, C1 and escape sequences as \\uXXXX', () => {
    expect(escapeControls('a\u001b[1A\u001b[2Kb')).toBe('a\\u001B[1A\\u001B[2Kb');
    expect(escapeControls('\u0000\u0007\u007f\u0085\u009b')).toBe('\\u0000\\u0007\\u007F\\u0085\\u009B');
  });

  it('shows every bidi embedding, override, isolate and mark, and the line separators', () => {
    const bidi = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u2028\u2029';
    expect(escapeControls(`x${bidi}y`)).toBe(
      'x\\u202A\\u202B\\u202C\\u202D\\u202E\\u2066\\u2067\\u2068\\u2069\\u200E\\u200F\\u061C\\u2028\\u2029y',
    );
  });

  it('escapes line feeds and tabs in one line, and keeps them in text of several lines', () => {
    expect(escapeControls('a\nb\tc\rd')).toBe('a\\u000Ab\\u0009c\\u000Dd');
    expect(escapeControls('a\nb\tc\rd', { keepLines: true })).toBe('a\nb\tc\\u000Dd');
  });

  it('leaves Vietnamese text, emoji and ordinary punctuation alone', () => {
    const text = 'Xã Nam Mỹ — Tỷ lệ 85,5 % ✔ 👍 “trích dẫn”';
    expect(escapeControls(text)).toBe(text);
    expect(hasControls(text)).toBe(false);
    expect(hasControls('a\u202eb')).toBe(true);
    expect(hasControls('a\nb')).toBe(false);
  });

  it('makes a display copy of nested data, keys included, without touching the original', () => {
    const data = { commune: { name: 'A\u202eB', 'k\u001b': [1, 'x\u2066'] }, n: 1, ok: true, none: null };
    expect(escapeControlsDeep(data)).toEqual({
      commune: { name: 'A\\u202EB', 'k\\u001B': [1, 'x\\u2066'] },
      n: 1,
      ok: true,
      none: null,
    });
    expect(data.commune.name).toBe('A\u202eB');
  });
});
