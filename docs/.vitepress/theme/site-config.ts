// The site's theme configuration: the default theme's, plus what config.ts computes for theme/langs.ts.
import type { DefaultTheme } from 'vitepress';

export interface SiteThemeConfig extends DefaultTheme.Config {
  /** Pages that exist in both languages, as paths without the /en/ prefix (e.g. 'analysts.md'). */
  counterparts?: string[];
}
