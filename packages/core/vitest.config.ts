import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Tests run on src/ through the "@nongthonmoi/source" export condition, never on a stale dist/.
const conditions = ['@nongthonmoi/source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@nongthonmoi/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // A cap against hangs, not a measurement: property tests take seconds on a busy, shared machine.
    testTimeout: 60_000,
  },
});
