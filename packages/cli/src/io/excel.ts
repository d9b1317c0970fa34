/** exceljs, loaded on first use: commands that never touch Excel start faster without it. */
import type * as Excel from 'exceljs';

export type { Excel };

let loaded: typeof Excel | null = null;

export async function loadExcel(): Promise<typeof Excel> {
  if (!loaded) {
    const module = (await import('exceljs')) as unknown as { default?: typeof Excel } & typeof Excel;
    loaded = module.default ?? module;
  }
  return loaded;
}
