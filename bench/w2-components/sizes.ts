// W2 bundle sizes: minified bytes and gzip -9 bytes of what a page downloads for each entry of
// packages/scorecard/dist (the entry and the files it imports statically), computed the way the package's own
// scripts/size.mjs does (kB = 1,024 bytes; gzip per file, summed), plus the on-demand core-and-rules file and,
// for information, what the element build imports from core (`@nongthonmoi/core/review`, left to the portal's
// bundler).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { TargetRow } from '../workload.js';

export const SCORECARD_ROOT = fileURLToPath(new URL('../../packages/scorecard/', import.meta.url));
const CORE_ROOT = fileURLToPath(new URL('../../packages/core/', import.meta.url));

export interface SizeRow {
  id: string;
  name: string;
  entry: string;
  files: string[];
  minBytes: number;
  gzipBytes: number;
  /** Budget in gzip bytes (issue 6; the element build's moved in issue 16), when there is one. */
  budgetGzip: number | null;
}

/** The file and every file it imports statically (relative imports only, not `import()`). */
function closure(path: string, seen = new Set<string>()): Set<string> {
  if (seen.has(path)) return seen;
  seen.add(path);
  const code = readFileSync(path, 'utf8');
  for (const match of code.matchAll(
    /(?:^|[;}])\s*import\s*(?:[\w${},\s*]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g,
  ))
    closure(resolve(dirname(path), match[1] as string), seen);
  return seen;
}

function measure(
  root: string,
  id: string,
  name: string,
  entry: string,
  budgetGzip: number | null,
): SizeRow | null {
  const path = resolve(root, entry);
  if (!existsSync(path)) return null;
  const files = [...closure(path)];
  let minBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const code = readFileSync(file);
    minBytes += code.length;
    gzipBytes += gzipSync(code, { level: 9 }).length;
  }
  return {
    id,
    name,
    entry: relative(resolve(root, '../..'), path),
    files: files.map((file) => relative(root, file)),
    minBytes,
    gzipBytes,
    budgetGzip,
  };
}

export function bundleSizes(): SizeRow[] {
  const rows = [
    measure(
      SCORECARD_ROOT,
      'standalone',
      'standalone bundle, lit included (<script type=module>)',
      'dist/standalone/ntm-scorecard.js',
      30 * 1024,
    ),
    measure(
      SCORECARD_ROOT,
      'element-scorecard',
      'element build <ntm-scorecard>, without lit (and without core/review)',
      'dist/ntm-scorecard.js',
      13 * 1024, // 12 kB before issues 12 and 16 (scripts/size.mjs says why)
    ),
    measure(
      SCORECARD_ROOT,
      'element-board',
      'element build <ntm-district-board>, without lit (and without core/review)',
      'dist/ntm-district-board.js',
      null,
    ),
    measure(SCORECARD_ROOT, 'element-all', 'element build, both elements (index.js)', 'dist/index.js', null),
    measure(
      SCORECARD_ROOT,
      'standalone-evaluate',
      'on-demand core + rules (loaded only by <ntm-scorecard src>)',
      'dist/standalone/ntm-scorecard-evaluate.js',
      null,
    ),
    measure(
      CORE_ROOT,
      'core-review',
      '(info) @nongthonmoi/core/review, imported by the element build',
      'dist/review.js',
      null,
    ),
  ];
  return rows.filter((row): row is SizeRow => row !== null);
}

export const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export function sizeTargets(rows: readonly SizeRow[]): TargetRow[] {
  return rows
    .filter((row) => row.budgetGzip !== null)
    .map((row) => {
      const pass = row.gzipBytes <= (row.budgetGzip as number);
      return {
        workload: 'W2' as const,
        description: `${row.name} ≤ ${kB(row.budgetGzip as number)} gzip`,
        measured: `${kB(row.gzipBytes)} gzip = ${row.gzipBytes.toLocaleString('en-US')} of ${(row.budgetGzip as number).toLocaleString('en-US')} bytes (${kB(row.minBytes)} minified)`,
        pass,
        passFromMin: pass,
      };
    });
}
