import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Run from the repository root: `vitest run --config bench/vitest.config.ts`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  cacheDir: fileURLToPath(new URL('../node_modules/.vite/bench', import.meta.url)),
  resolve: { conditions: ['@nongthonmoi/source'] },
  test: { include: ['**/*.test.ts'], testTimeout: 60_000 },
});
