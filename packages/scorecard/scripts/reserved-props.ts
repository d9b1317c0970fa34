/**
 * Property names the element build must not give to its mangled private members (`foo_` → short name).
 *
 * In the element build lit stays external, so esbuild cannot see lit's own property names when it picks short
 * names. lit's published (minified) builds use short names too: ReactiveElement's `requestUpdate` calls
 * `this.C(…)`, and a board field `highlighted_` mangled to `C` replaced that method, so a Vite-built portal
 * threw `this.C is not a function` on `board.evaluations = …` (found by the consumer tests, consumers/).
 * The standalone bundle includes lit, where esbuild avoids the clash by itself.
 *
 * Reserved: every one- and two-character name (what a minifier gives out first, whatever lit's next patch
 * release renames), and every identifier in the lit packages installed now. esbuild reads `false` entries of
 * `mangleCache` as "taken".
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

const FIRST = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$';
const NEXT = `${FIRST}0123456789`;

/** The folder of the installed package that holds `file`. */
function packageRoot(file: string, name: string): string {
  const marker = `${sep}node_modules${sep}${name.split('/').join(sep)}${sep}`;
  const at = file.lastIndexOf(marker);
  if (at === -1) return dirname(file);
  return file.slice(0, at + marker.length - 1);
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules') return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return /\.[cm]?js$/.test(name) ? [path] : [];
  });
}

export function litReservedProps(fromDir: string): Record<string, false> {
  const reserved: Record<string, false> = {};
  for (const a of FIRST) {
    reserved[a] = false;
    for (const b of NEXT) reserved[a + b] = false;
  }
  const require = createRequire(join(fromDir, 'package.json'));
  const lit = require.resolve('lit');
  const fromLit = createRequire(lit);
  const roots = new Set([packageRoot(lit, 'lit')]);
  for (const name of ['lit-html', 'lit-element', '@lit/reactive-element']) {
    roots.add(packageRoot(fromLit.resolve(name), name));
  }
  for (const root of roots) {
    for (const file of jsFiles(root)) {
      for (const [identifier] of readFileSync(file, 'utf8').matchAll(/[A-Za-z_$][\w$]*/g)) {
        reserved[identifier] = false;
      }
    }
  }
  return reserved;
}
