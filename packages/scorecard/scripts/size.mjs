// Sizes of the built files (minified and gzip -9), with what a page downloads for each entry: the entry and
// the chunks it imports statically. Fails when a budget (issue 6) is exceeded.
//   node scripts/size.mjs          (after `pnpm build`)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

/** Budgets in bytes of gzip, for what a page loads up front (issue 6). */
const BUDGETS = [
  { entry: 'dist/standalone/ntm-scorecard.js', gzip: 30 * 1024, label: 'standalone, lit included' },
  {
    // 12 kB until issue 16 / issue 12: +0.9 kB for the checks of hostile and oversized results (getters and
    // Proxies that throw, size limits), every error detail worded in Vietnamese and English, and bidi controls
    // shown rather than obeyed (docs/performance.md, W2).
    entry: 'dist/ntm-scorecard.js',
    gzip: 13 * 1024,
    label: 'element build, <ntm-scorecard> only, without lit',
  },
];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.js') ? [path] : [];
  });
}

function sizes(path) {
  const code = readFileSync(path);
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/** The file and every file it imports statically (not `import()`), relative imports only. */
function closure(path, seen = new Set()) {
  if (seen.has(path)) return seen;
  seen.add(path);
  const code = readFileSync(path, 'utf8');
  for (const match of code.matchAll(
    /(?:^|[;}])\s*import\s*(?:[\w${},\s*]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g,
  )) {
    closure(resolve(dirname(path), match[1]), seen);
  }
  return seen;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const rows = files(dist).map((path) => ({ file: relative(root, path), ...sizes(path) }));
console.log('file'.padEnd(58), 'min'.padStart(10), 'gzip'.padStart(10));
for (const row of rows) console.log(row.file.padEnd(58), kb(row.min).padStart(10), kb(row.gzip).padStart(10));

let failed = false;
console.log('\nloaded up front (entry + static imports):');
const entries = [
  'dist/index.js',
  'dist/ntm-scorecard.js',
  'dist/ntm-district-board.js',
  'dist/standalone/ntm-scorecard.js',
];
for (const entry of entries) {
  const path = join(root, entry);
  try {
    statSync(path);
  } catch {
    continue;
  }
  const parts = [...closure(path)];
  const min = parts.reduce((sum, part) => sum + sizes(part).min, 0);
  const gzip = parts.reduce((sum, part) => sum + sizes(part).gzip, 0);
  const budget = BUDGETS.find((item) => item.entry === entry);
  const verdict = budget
    ? gzip <= budget.gzip
      ? `ok (budget ${kb(budget.gzip)}, ${budget.label})`
      : `OVER BUDGET ${kb(budget.gzip)}`
    : '';
  if (budget && gzip > budget.gzip) failed = true;
  console.log(
    `${entry.padEnd(40)} ${String(parts.length).padStart(2)} file(s) ${kb(min).padStart(10)} ${kb(gzip).padStart(10)}  ${verdict}`,
  );
}

// The standalone bundle must not carry core's engine or rules: they belong to the on-demand file.
const standalone = readFileSync(join(dist, 'standalone/ntm-scorecard.js'), 'utf8');
for (const marker of ['commune_roads_paved_pct', 'EvaluateOptionsSchema', 'json-logic', 'ZodError']) {
  if (standalone.includes(marker)) {
    console.error(
      `dist/standalone/ntm-scorecard.js contains "${marker}": core's engine or rules leaked into it`,
    );
    failed = true;
  }
}
if (failed) process.exit(1);
