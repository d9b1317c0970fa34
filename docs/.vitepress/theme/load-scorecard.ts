// Loads the standalone bundle of @nongthonmoi/scorecard that prepare.ts copied into the site's public assets,
// in the browser only (the elements need the DOM; VitePress pre-renders pages in Node). Call it from
// onMounted: it resolves once both elements are defined.
import { withBase } from 'vitepress';
import { SCORECARD_FILES } from './demo-data.js';

let loading: Promise<void> | null = null;

/** The URL of a file of docs/public/demo/ on this site (respects the site's base). */
export function demoUrl(file: string): string {
  return withBase(`/demo/${file}`);
}

/**
 * Adds `<script type="module" src=".../ntm-scorecard.js">` to the page, as a portal would. (Not `import()`:
 * in `vitepress dev`, Vite rewrites dynamic imports and refuses to serve files of public/ as modules.)
 */
export function loadScorecard(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const src = demoUrl(SCORECARD_FILES[0]);
    const script = document.createElement('script');
    script.type = 'module';
    script.src = src;
    script.addEventListener('error', () => reject(new Error(`${src} could not be loaded`)));
    document.head.append(script);
    Promise.all([
      customElements.whenDefined('ntm-scorecard'),
      customElements.whenDefined('ntm-district-board'),
    ]).then(() => resolve(), reject);
  });
  loading.catch(() => {
    loading = null; // let a later visit retry
  });
  return loading;
}

export async function fetchJson<T>(file: string): Promise<T> {
  const response = await fetch(demoUrl(file));
  if (!response.ok) throw new Error(`${demoUrl(file)}: HTTP ${response.status}`);
  return (await response.json()) as T;
}
