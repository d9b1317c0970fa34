import { defineConfig, type Options } from 'tsup';
import { inlineOnDemand, lazyEvaluate, minifyTemplates } from './scripts/esbuild-plugins.js';
import { litReservedProps } from './scripts/reserved-props.js';

const common: Options = {
  format: ['esm'],
  target: 'es2022',
  platform: 'browser',
  minify: true,
  sourcemap: true,
};

function esbuildOptions(options: Parameters<NonNullable<Options['esbuildOptions']>>[0]): void {
  options.charset = 'utf8';
  options.legalComments = 'none';
  // Private members end with an underscore (lit's convention): safe to shorten.
  options.mangleProps = /[^_]_$/;
}

export default defineConfig([
  {
    // Element build: lit and core stay imports, resolved by the portal's bundler. `src` mode lives in
    // on-demand chunks (dist/chunks/), so results-only pages never load it.
    ...common,
    name: 'elements',
    entry: {
      index: 'src/index.ts',
      'ntm-scorecard': 'src/ntm-scorecard/define.ts',
      'ntm-district-board': 'src/ntm-district-board/define.ts',
    },
    outDir: 'dist',
    splitting: true,
    external: ['lit', /^lit\//, /^@lit\//, /^@nongthonmoi\/core(\/|$)/],
    dts: { compilerOptions: { composite: false } },
    esbuildPlugins: [minifyTemplates],
    esbuildOptions(options) {
      esbuildOptions(options);
      // lit is external here: keep the mangled names clear of lit's own (scripts/reserved-props.ts).
      options.mangleCache = litReservedProps(import.meta.dirname);
      options.chunkNames = 'chunks/[name]-[hash]';
    },
  },
  {
    // Standalone bundle for <script type="module">: lit and core's review functions (@nongthonmoi/core/review) included, one file.
    ...common,
    name: 'standalone',
    entry: { 'ntm-scorecard': 'src/standalone.ts' },
    outDir: 'dist/standalone',
    splitting: false,
    noExternal: [/.*/],
    esbuildPlugins: [lazyEvaluate, inlineOnDemand],
    esbuildOptions(options) {
      esbuildOptions(options);
      options.conditions = ['@nongthonmoi/source'];
    },
  },
  {
    // Its second file, fetched only by <ntm-scorecard src>: loading, core's engine and the bundled rules.
    ...common,
    name: 'standalone-evaluate',
    entry: { 'ntm-scorecard-evaluate': 'src/internal/load-src.ts' },
    outDir: 'dist/standalone',
    splitting: false,
    noExternal: [/.*/],
    esbuildPlugins: [minifyTemplates],
    esbuildOptions(options) {
      esbuildOptions(options);
      options.conditions = ['@nongthonmoi/source'];
    },
  },
]);
