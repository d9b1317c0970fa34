// The default VitePress theme, plus the demo components (registered globally so that Markdown pages can use
// <NamTrucDemo view="board" /> and <CommuneFormDemo />) and the demo styles.
import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import CommuneFormDemo from './CommuneFormDemo.vue';
import NamTrucDemo from './NamTrucDemo.vue';
import './custom.css';

const theme: Theme = {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('NamTrucDemo', NamTrucDemo);
    app.component('CommuneFormDemo', CommuneFormDemo);
  },
};

export default theme;
