import { defineConfig } from 'tsup';

export default defineConfig({
  // The worker thread of `ntm evaluate --jobs` is an entry of its own: jobs.ts starts dist/evaluate-worker.js.
  entry: ['src/bin.ts', 'src/index.ts', 'src/evaluate-worker.ts'],
  format: ['esm'],
  clean: true,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
  dts: { entry: 'src/index.ts', compilerOptions: { composite: false } },
});
