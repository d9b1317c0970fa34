// VitePress configuration of the documentation site. Generated parts (docs/api/, docs/public/demo/) come from
// prepare.ts, which the docs:build and docs:dev scripts run first.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DefaultTheme, defineConfig } from 'vitepress';

const docs = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPOSITORY = 'https://github.com/nongthonmoi/nongthonmoi';
// The GitHub mark (simple-icons), inline: with a named icon, `vitepress dev` fetches it from api.iconify.design.
const GITHUB_ICON =
  '<svg role="img" viewBox="0 0 24 24" xmlns="http://www.w3.org/2000/svg"><title>GitHub</title><path fill="currentColor" d="M12 .297c-6.63 0-12 5.373-12 12c0 5.303 3.438 9.8 8.205 11.385c.6.113.82-.258.82-.577c0-.285-.01-1.04-.015-2.04c-3.338.724-4.042-1.61-4.042-1.61C4.422 18.07 3.633 17.7 3.633 17.7c-1.087-.744.084-.729.084-.729c1.205.084 1.838 1.236 1.838 1.236c1.07 1.835 2.809 1.305 3.495.998c.108-.776.417-1.305.76-1.605c-2.665-.3-5.466-1.332-5.466-5.93c0-1.31.465-2.38 1.235-3.22c-.135-.303-.54-1.523.105-3.176c0 0 1.005-.322 3.3 1.23c.96-.267 1.98-.399 3-.405c1.02.006 2.04.138 3 .405c2.28-1.552 3.285-1.23 3.285-1.23c.645 1.653.24 2.873.12 3.176c.765.84 1.23 1.91 1.23 3.22c0 4.61-2.805 5.625-5.475 5.92c.42.36.81 1.096.81 2.22c0 1.606-.015 2.896-.015 3.286c0 .315.21.69.825.57C20.565 22.092 24 17.592 24 12.297c0-6.627-5.373-12-12-12"/></svg>';

/** The generated criteria catalog (docs/criteria, written by `pnpm --filter @nongthonmoi/core docs:criteria`). */
function criteriaSidebar(): DefaultTheme.SidebarItem[] {
  const dir = join(docs, 'criteria');
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file !== 'index.md' && file !== 'pending-verification.md')
    .sort();
  const item = (file: string): DefaultTheme.SidebarItem => {
    const ids = file.replace(/\.md$/, '');
    // Edition pages are titled in Vietnamese; the id is what the catalog and the API use.
    const text = ids.startsWith('diff-')
      ? ids
          .slice('diff-'.length)
          .split('--')
          .map((id) => id.replace(/^(vn|provinces)-/, '$1/'))
          .join(' → ')
      : ids.replace(/^(vn|provinces)-/, '$1/');
    return { text, link: `/criteria/${ids}` };
  };
  return [
    { text: 'Catalog of editions', link: '/criteria/' },
    { text: 'Targets pending verification', link: '/criteria/pending-verification' },
    {
      text: 'Editions',
      collapsed: true,
      items: files.filter((file) => !file.startsWith('diff-')).map(item),
    },
    {
      text: 'Edition diffs',
      collapsed: true,
      items: files.filter((file) => file.startsWith('diff-')).map(item),
    },
  ];
}

interface NavigationItem {
  title: string;
  path?: string;
  children?: NavigationItem[];
}

/** The API reference's sidebar, from the navigation TypeDoc writes next to the pages (navigationJson). */
function apiSidebar(): DefaultTheme.SidebarItem[] {
  const file = join(docs, 'api', 'navigation.json');
  const commands: DefaultTheme.SidebarItem = { text: 'ntm commands', link: '/api/ntm-commands' };
  if (!existsSync(file)) return [{ text: 'API reference', link: '/api/' }, commands];
  const navigation = JSON.parse(readFileSync(file, 'utf8')) as NavigationItem[];
  const link = (path: string) => `/api/${path.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, '')}`;
  const moduleTitles: Record<string, string> = {
    index: '@nongthonmoi/core',
    review: '@nongthonmoi/core/review',
  };
  const convert = (item: NavigationItem, depth: number): DefaultTheme.SidebarItem => {
    const text = depth === 1 ? (moduleTitles[item.title] ?? item.title) : item.title;
    const result: DefaultTheme.SidebarItem = { text };
    if (item.path) result.link = link(item.path);
    if (item.children?.length) {
      result.items = item.children.map((child) => convert(child, depth + 1));
      result.collapsed = depth > 0;
    }
    return result;
  };
  const order = ['@nongthonmoi/core', '@nongthonmoi/scorecard', '@nongthonmoi/cli'];
  const packages = [...navigation].sort((a, b) => order.indexOf(a.title) - order.indexOf(b.title));
  return [
    { text: 'API reference', link: '/api/' },
    ...packages.map((item) => ({ ...convert(item, 0), collapsed: item.title !== '@nongthonmoi/core' })),
    { text: 'Command line', items: [commands, { text: 'ntm for analysts (guide)', link: '/analysts' }] },
  ];
}

const guideSidebar: DefaultTheme.SidebarItem[] = [
  {
    text: 'Getting started',
    items: [
      { text: 'Overview', link: '/getting-started/' },
      { text: 'App developers', link: '/getting-started/app-developers' },
      { text: 'Portal integrators', link: '/getting-started/portal-integrators' },
      { text: 'Analysts', link: '/getting-started/analysts' },
    ],
  },
  {
    text: 'Live demos',
    items: [
      { text: 'Overview', link: '/demos/' },
      { text: 'Nam Trực district review', link: '/demos/nam-truc' },
      { text: 'Evaluate a commune', link: '/demos/evaluate-a-commune' },
    ],
  },
  {
    text: 'Guides',
    items: [
      { text: 'Embedding in a portal', link: '/portal-integrators' },
      { text: 'ntm for analysts', link: '/analysts' },
      { text: 'Publishing a province edition', link: '/province-editions' },
      { text: 'Releasing', link: '/releasing' },
    ],
  },
  {
    text: 'Concepts',
    items: [
      { text: 'Rule format', link: '/rule-format' },
      { text: 'Evaluation semantics', link: '/evaluation' },
    ],
  },
  { text: 'Criteria (Bộ tiêu chí)', collapsed: false, items: criteriaSidebar() },
  {
    text: 'Reference',
    items: [
      { text: 'API reference', link: '/api/' },
      { text: 'ntm commands', link: '/api/ntm-commands' },
      { text: 'Performance', link: '/performance' },
      { text: 'Security and reliability', link: '/security' },
    ],
  },
];

export default defineConfig({
  title: 'nongthonmoi',
  description:
    "Vietnam's New Rural Development criteria (Nông thôn mới) as versioned rules, an engine that explains every result, embeddable scorecards and the ntm command.",
  lang: 'en-US',
  base: process.env.NTM_DOCS_BASE ?? '/',
  // Dead internal links fail the build (VitePress's default, kept on purpose).
  ignoreDeadLinks: false,
  // README.md files are GitHub pages of the repository, not site pages.
  srcExclude: ['**/README.md'],
  transformPageData(pageData) {
    // Generated pages are not edited on GitHub: their sources are the code and the rule files.
    if (/^(api|criteria)\//.test(pageData.relativePath)) pageData.frontmatter.editLink = false;
    // The criteria pages are wide bilingual tables: give them the whole width (see custom.css).
    if (pageData.relativePath.startsWith('criteria/'))
      pageData.frontmatter.pageClass = 'ntm-wide ntm-criteria';
    // The catalog is one large table: no outline column next to it.
    if (pageData.relativePath === 'criteria/index.md') {
      pageData.frontmatter.aside = false;
      pageData.frontmatter.pageClass += ' ntm-criteria-catalog';
    }
  },
  head: [['meta', { name: 'theme-color', content: '#2e7d32' }]],
  vue: {
    template: {
      // <ntm-scorecard> and <ntm-district-board> are web components, not Vue components.
      compilerOptions: { isCustomElement: (tag) => tag.startsWith('ntm-') },
    },
  },
  vite: {
    // The local search index of the criteria pages and the API reference is one chunk of about 1 MB,
    // loaded only when the search box is opened.
    build: { chunkSizeWarningLimit: 1200 },
  },
  markdown: {
    // The criteria pages put Vietnamese and English side by side in long tables.
    lineNumbers: false,
  },
  themeConfig: {
    nav: [
      { text: 'Getting started', link: '/getting-started/', activeMatch: '^/getting-started/' },
      { text: 'Demos', link: '/demos/', activeMatch: '^/demos/' },
      { text: 'Criteria', link: '/criteria/', activeMatch: '^/criteria/' },
      {
        text: 'Reference',
        items: [
          { text: 'Rule format', link: '/rule-format' },
          { text: 'Evaluation semantics', link: '/evaluation' },
          { text: 'API reference', link: '/api/' },
          { text: 'ntm commands', link: '/api/ntm-commands' },
          { text: 'Performance', link: '/performance' },
          { text: 'Security', link: '/security' },
        ],
      },
    ],
    sidebar: {
      '/api/': apiSidebar(),
      '/': guideSidebar,
    },
    outline: { level: [2, 3] },
    search: { provider: 'local' },
    socialLinks: [{ icon: { svg: GITHUB_ICON }, link: REPOSITORY, ariaLabel: 'GitHub repository' }],
    editLink: {
      pattern: `${REPOSITORY}/edit/main/docs/:path`,
      text: 'Edit this page on GitHub',
    },
    footer: {
      message:
        'MIT licence. Results are indicative: they do not replace the appraisal and recognition files required by the regulations.',
    },
  },
});
