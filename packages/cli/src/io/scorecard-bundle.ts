/**
 * Finds the standalone build of @nongthonmoi/scorecard (`<ntm-scorecard>`, `<ntm-district-board>`) to inline
 * in the HTML report. It is read at run time through the package's `./standalone` export. When it is not
 * there (not built yet), the report is written without it and stays a complete static document.
 *
 * `NTM_SCORECARD_BUNDLE=<path>` uses another file; `NTM_SCORECARD_BUNDLE=none` leaves it out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

export interface ScorecardBundle {
  /** The entry module's path (for messages). */
  file: string;
  /** The entry module's code. */
  code: string;
  /**
   * Other modules the entry imports statically ("./chunk-X.js" → code), when the build is split into
   * chunks. Empty when the entry stands alone.
   */
  chunks: Record<string, string>;
}

export type BundleLookup = { bundle: ScorecardBundle } | { bundle: null; reason: string };

/** Static imports and re-exports of sibling files: `import{a}from"./chunk-X.js"`, `import"./x.js"`. */
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w*$\s{},]*?\s*from\s*)?["'](\.\/[^"']+)["']/g;

export function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(STATIC_IMPORT)) {
    // `import("./x.js")` is dynamic: loaded only when used (the evaluation chunk, for `src`), so not needed.
    const before = code.slice(Math.max(0, (match.index ?? 0) - 1), match.index ?? 0);
    if (before === '.') continue;
    if (/^import\s*\(/.test(match[0])) continue;
    found.add(match[1] as string);
  }
  return [...found];
}

function entryPath(): string | null {
  const override = process.env.NTM_SCORECARD_BUNDLE;
  if (override) return override === 'none' ? null : resolve(override);
  const require = createRequire(import.meta.url);
  let manifest: string;
  try {
    manifest = require.resolve('@nongthonmoi/scorecard/package.json');
  } catch {
    return join('(not installed)', 'ntm-scorecard.js');
  }
  const root = dirname(manifest);
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports?: Record<string, unknown>;
  };
  const entry = pkg.exports?.['./standalone'];
  // The built file, never the `@nongthonmoi/source` TypeScript entry.
  let target: string | null = null;
  if (typeof entry === 'string') target = entry;
  else if (entry && typeof entry === 'object') {
    const conditions = entry as Record<string, unknown>;
    for (const key of ['browser', 'import', 'default']) {
      const value = conditions[key];
      if (typeof value === 'string' && value.endsWith('.js')) {
        target = value;
        break;
      }
      if (
        value &&
        typeof value === 'object' &&
        typeof (value as { default?: unknown }).default === 'string'
      ) {
        target = (value as { default: string }).default;
        break;
      }
    }
  }
  return join(root, target ?? 'dist/standalone/ntm-scorecard.js');
}

export function findScorecardBundle(): BundleLookup {
  const file = entryPath();
  if (file === null) return { bundle: null, reason: 'left out (NTM_SCORECARD_BUNDLE=none)' };
  if (!existsSync(file)) return { bundle: null, reason: `${file} not found (build @nongthonmoi/scorecard)` };
  const code = readFileSync(file, 'utf8');
  const chunks: Record<string, string> = {};
  const pending = staticImports(code);
  const base = dirname(file);
  while (pending.length > 0) {
    const specifier = pending.shift() as string;
    if (specifier in chunks) continue;
    const path = join(base, specifier);
    if (!existsSync(path)) return { bundle: null, reason: `${file} imports ${specifier}, which is missing` };
    const chunk = readFileSync(path, 'utf8');
    chunks[specifier] = chunk;
    pending.push(...staticImports(chunk));
  }
  return { bundle: { file, code, chunks } };
}
