// TypeDoc plugin: document each package from the TypeScript sources of the workspace, without a prior `tsc -b`.
//
// Each package's tsconfig.json is a composite project that references core. In a program built from it,
// TypeScript reads a referenced project through its declaration output (packages/core/build-tsc/…), so on a
// fresh clone TypeDoc stopped with "TS6305: Output file … has not been built from source file …" for every
// import of @nongthonmoi/core. This reader runs after TypeDoc has read a package's tsconfig.json and turns it
// into a plain program over the package's `src/` files: no project references, not composite, no rootDir.
// Imports of the other packages then resolve to their sources through the `@nongthonmoi/source` export
// condition (customConditions in tsconfig.base.json), as they do for tsx and vitest.
import { join, sep } from 'node:path';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.options.addReader({
    name: 'nongthonmoi-workspace-sources',
    // After TypeDoc's tsconfig reader (order 200), which sets the file names, options and references.
    order: 250,
    supportsPackages: true,
    /** @param {import('typedoc').Options} options @param {import('typedoc').Logger} logger @param {string} cwd */
    read(options, logger, cwd) {
      // The root run (entryPointStrategy "packages") has no program of its own; each package is read again.
      if (options.getValue('entryPointStrategy') === 'packages') return;
      const sources = join(cwd, 'src') + sep;
      // Tests and build configs are not part of the API, and may import tools the docs do not need.
      const files = options
        .getFileNames()
        .filter((file) => file.startsWith(sources) && !/\.test\.tsx?$/.test(file));
      const compilerOptions = { ...options.getCompilerOptions(logger) };
      delete compilerOptions.composite;
      delete compilerOptions.rootDir;
      delete compilerOptions.tsBuildInfoFile;
      compilerOptions.incremental = false;
      options.setCompilerOptions(files, compilerOptions, []);
    },
  });
}
