import { availableParallelism } from 'node:os';
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Tests run on the sources of this package and of core through the "@nongthonmoi/source" condition.
const conditions = ['@nongthonmoi/source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@nongthonmoi/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Most tests wait on the `ntm` binary they start: one file per core (at least two) keeps the cores busy;
    // vitest's default (cores - 1) ran them one at a time on a 2-core CI machine.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
