import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// `@nongthonmoi/core/review` is loaded by pages that only show evaluations: the forecast and the dossier
// review must not pull in the engine, zod or the rule data.
async function bundle(code: string): Promise<string> {
  const result = await build({
    stdin: { contents: code, resolveDir: new URL('.', import.meta.url).pathname, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('the review entry', () => {
  it('brings neither the rules nor zod with the forecast and the dossier review', async () => {
    const text = await bundle(
      `import { forecast, reviewDossiers, parseDossierStatus, compareOutlooks, OUTLOOKS } from './index.ts';
       console.log(forecast, reviewDossiers, parseDossierStatus, compareOutlooks, OUTLOOKS);`,
    );
    expect(text.includes('vn/xa-ntm/2021-2025')).toBe(false);
    expect(/ZodError|_zod/.test(text)).toBe(false);
    expect(text.length).toBeLessThan(20_000);
  });

  it('stays small with every review function', async () => {
    const text = await bundle(`import * as review from './index.ts'; console.log(review);`);
    expect(text.includes('vn/xa-ntm/2021-2025')).toBe(false);
    expect(/ZodError|_zod/.test(text)).toBe(false);
    expect(text.length).toBeLessThan(32_000);
  });
});
