// Single-file components, for the TypeScript files of the theme (tsc does not read .vue files).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';

  const component: DefineComponent;
  export default component;
}
