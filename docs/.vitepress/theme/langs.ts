// Replaces the default theme's `useLangs` (composables/langs.js; config.ts points the theme's import here).
// The theme links every page to the same path in the other language, which is a 404 for pages that exist in
// one language only (the bilingual criteria catalog at the root, the English API reference). Here a page
// links to its counterpart when there is one, and to the other language's home page otherwise. The anchor
// is not carried over: headings, and so anchors, are translated.
import { useData } from 'vitepress';
import { computed } from 'vue';
import type { SiteThemeConfig } from './site-config.js';

export function useLangs({ correspondingLink = false } = {}) {
  const { site, localeIndex, page, theme } = useData<SiteThemeConfig>();
  const homeOf = (key: string, link: string | undefined) => link || (key === 'root' ? '/' : `/${key}/`);
  const currentLang = computed(() => ({
    label: site.value.locales[localeIndex.value]?.label,
    link: homeOf(localeIndex.value, site.value.locales[localeIndex.value]?.link),
  }));
  const localeLinks = computed(() => {
    // The page's path without its language prefix ('en/analysts.md' → 'analysts.md').
    const path = page.value.relativePath.slice(currentLang.value.link.length - 1);
    const translated = (theme.value.counterparts ?? []).includes(path);
    return Object.entries(site.value.locales).flatMap(([key, locale]) => {
      if (locale.label === currentLang.value.label) return [];
      const home = homeOf(key, locale.link);
      if (!correspondingLink || theme.value.i18nRouting === false || !translated) {
        return [{ text: locale.label ?? key, link: home }];
      }
      const target = path
        .replace(/(^|\/)index\.md$/, '$1')
        .replace(/\.md$/, site.value.cleanUrls ? '' : '.html');
      return [{ text: locale.label ?? key, link: `${home.replace(/\/$/, '')}/${target}` }];
    });
  });
  return { localeLinks, currentLang };
}
