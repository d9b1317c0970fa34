import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const src = new URL('../src/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

async function bundle(code: string): Promise<string> {
  const result = await build({
    stdin: { contents: code, resolveDir: src, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('package', () => {
  it('imports nothing Node-only, so it runs unchanged in browsers', () => {
    for (const file of sources(src)) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from ['"]node:|require\(|process\.|Buffer\./);
    }
  });

  it('bundles for the browser', async () => {
    const text = await bundle(`import { evaluate } from './index.ts'; console.log(evaluate);`);
    expect(text.includes('vn/xa-ntm/2021-2025')).toBe(true);
  });

  it('is tree-shakable: the review functions alone bring neither the rules nor zod', async () => {
    const text = await bundle(
      `import { summarize, compare } from './index.ts'; console.log(summarize, compare);`,
    );
    expect(text.includes('vn/xa-ntm/2021-2025')).toBe(false);
    expect(/ZodError|_zod/.test(text)).toBe(false);
    expect(text.length).toBeLessThan(40_000);
  });
});
