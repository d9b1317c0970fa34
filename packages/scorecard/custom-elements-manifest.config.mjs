// custom-elements.json: `pnpm run cem` (also run by `pnpm build`).
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/standalone.ts'],
  outdir: '.',
  litelement: true,
  // package.json's "customElements" field is written by hand: the analyzer must not rewrite it (the manifest
  // test runs it with another --outdir).
  packagejson: false,
  plugins: [
    {
      // Internal members (private, or named with a trailing underscore) are not part of the API.
      name: 'drop-internal-members',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.members) {
              declaration.members = declaration.members.filter(
                (member) =>
                  member.privacy !== 'private' &&
                  member.privacy !== 'protected' &&
                  !member.name.endsWith('_'),
              );
            }
            if (declaration.attributes) {
              declaration.attributes = declaration.attributes.filter(
                (attribute) => !attribute.name.endsWith('_'),
              );
            }
          }
        }
      },
    },
  ],
};
