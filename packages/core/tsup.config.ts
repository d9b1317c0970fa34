import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', review: 'src/review/index.ts' },
  format: ['esm', 'cjs'],
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  dts: { compilerOptions: { composite: false } },
});
