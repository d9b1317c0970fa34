/**
 * The layers of core point one way: logic and schema at the bottom, then editions, engine, result, review.
 * This test reads every import of `src/` and fails when one points the wrong way (or when core imports the
 * scorecard or the CLI), naming the file and the import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** What each top-level folder (or file) of src may import, besides itself. */
const ALLOWED: Record<string, readonly string[]> = {
  logic: [],
  schema: ['zod'],
  util: [],
  'errors.ts': ['schema'],
  editions: ['logic', 'schema', 'util', 'errors.ts', 'zod'],
  engine: ['editions', 'logic', 'schema', 'util', 'errors.ts', 'result', 'zod'],
  // errors.ts depends on schema only: result's compact reader throws a typed error (CompactEvaluationError).
  result: ['schema', 'errors.ts'],
  review: ['result', 'schema', 'util', 'errors.ts'],
  'rules.ts': ['editions', 'rules'],
  'index.ts': ['*'],
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every module a file imports or re-exports (static and dynamic). */
function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;'"]*?from\s*['"]([^'"]+)['"]/g)) {
    found.push(match[1] as string);
  }
  for (const match of text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) found.push(match[1] as string);
  for (const match of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1] as string);
  return found;
}

/** The layer of a path inside src: its top folder, or the file name for files at the top. */
function layerOf(path: string): string {
  const first = relative(SRC, path).split(/[\\/]/)[0] as string;
  return first.replace(/\.js$/, '.ts');
}

describe('core layers', () => {
  const files = sources(SRC);

  it('reads the sources', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files.map((file) => [relative(SRC, file), file]))('%s imports only lower layers', (_, file) => {
    const layer = layerOf(file);
    const allowed = ALLOWED[layer];
    expect(allowed, `no rule for the layer '${layer}': add it to ALLOWED`).toBeDefined();
    const wrong: string[] = [];
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        const inSrc = !relative(SRC, target).startsWith('..');
        const targetLayer = inSrc ? layerOf(target) : relative(join(SRC, '..'), target).split(/[\\/]/)[0];
        if (targetLayer === layer) continue;
        if (allowed?.includes('*') || allowed?.includes(targetLayer as string)) continue;
        wrong.push(`${specifier} (${targetLayer})`);
      } else {
        if (/^@nongthonmoi\/(scorecard|cli)/.test(specifier)) wrong.push(specifier);
        else if (!specifier.startsWith('node:') && !allowed?.includes('*') && !allowed?.includes(specifier))
          wrong.push(specifier);
      }
    }
    expect(wrong, `${relative(SRC, file)} (layer ${layer}) imports upward or outside its layer`).toEqual([]);
  });

  it('catches an upward import (the check itself works)', () => {
    expect(importsOf("import type { Tier } from '../engine/lower.js';\nexport { x } from './y.js';")).toEqual(
      ['../engine/lower.js', './y.js'],
    );
  });
});
