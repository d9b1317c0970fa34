/**
 * esbuild plugins of the build (tsup.config.ts).
 *
 * - `minifyTemplates`: collapses the whitespace of the static parts of lit's css`` / html`` / svg`` templates,
 *   which esbuild's minifier leaves alone (a third of the element code is CSS and markup indentation).
 * - `lazyEvaluate`: in the standalone bundle, leaves the `import('../internal/load-src.js')` of `src` mode as an
 *   import of the sibling file `./ntm-scorecard-evaluate.js`, built separately with core and its rules.
 *   The rendering code imports `@nongthonmoi/core/review` (summarize, compare) only, so core's engine, zod and
 *   the bundled rules end up in the on-demand evaluation file and nowhere else.
 * - `inlineOnDemand`: in the standalone bundle, turns the other on-demand imports (English strings, the forecast
 *   view) into static ones. That bundle is one file (the CLI inlines it in its HTML report, which has no other
 *   file to fetch), so they are in it anyway; imported statically, esbuild adds no lazy-module wrappers.
 */
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

interface Plugin {
  name: string;
  setup(build: PluginBuild): void;
}
interface PluginBuild {
  onLoad(
    options: { filter: RegExp; namespace?: string },
    callback: (args: { path: string }) => Promise<{ contents: string; loader: 'ts'; resolveDir?: string }>,
  ): void;
  onResolve(
    options: { filter: RegExp },
    callback: (args: {
      path: string;
      importer: string;
    }) => { path: string; namespace?: string; external?: boolean } | undefined,
  ): void;
}

function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/([:(])\s+/g, '$1')
    .replace(/\s+\)/g, ')')
    .replace(/([^\w.-])0\.(\d)/g, '$1.$2')
    .replace(/;}/g, '}')
    .trim();
}

function minifyMarkup(text: string): string {
  // A run of whitespace that holds a line break renders as one space (no <pre> in these templates).
  return text.replace(/\s*\n\s*/g, ' ');
}

/** The source with the static parts of lit's tagged templates minified. */
export function minifyTemplateSource(source: string, fileName: string): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const tag = node.tag.text;
      const minify = tag === 'css' ? minifyCss : tag === 'html' || tag === 'svg' ? minifyMarkup : null;
      if (minify) {
        const template = node.template;
        const parts: Array<{ start: number; end: number }> = [];
        if (ts.isNoSubstitutionTemplateLiteral(template)) {
          parts.push({ start: template.getStart(file) + 1, end: template.end - 1 });
        } else {
          parts.push({ start: template.head.getStart(file) + 1, end: template.head.end - 2 });
          for (const span of template.templateSpans) {
            const literal = span.literal;
            const tail = ts.isTemplateTail(literal);
            parts.push({ start: literal.getStart(file) + 1, end: literal.end - (tail ? 1 : 2) });
          }
        }
        for (const part of parts) {
          const raw = source.slice(part.start, part.end);
          // css: keep the space that separates an interpolation from the text next to it.
          let text = minify(raw);
          if (tag === 'css' && raw !== raw.trimStart() && part.start !== parts[0]?.start) text = ` ${text}`;
          if (tag === 'css' && raw !== raw.trimEnd() && part !== parts[parts.length - 1]) text = `${text} `;
          edits.push({ start: part.start, end: part.end, text });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let result = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

export const minifyTemplates: Plugin = {
  name: 'minify-lit-templates',
  setup(build) {
    build.onLoad({ filter: /[\\/]scorecard[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: minifyTemplateSource(source, args.path), loader: 'ts' };
    });
  },
};

/** Modules imported with `import()` in the element build that the standalone bundle imports statically (types aside). */
const ON_DEMAND =
  /(?<!typeof )import\((['"])(\.{1,2}\/[^'"]*(?:i18n-en|i18n-board-en|forecast-view)\.js)\1\)/g;

export const inlineOnDemand: Plugin = {
  name: 'inline-on-demand',
  setup(build) {
    build.onLoad({ filter: /[\\/]scorecard[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const imports: string[] = [];
      const inlined = source.replace(ON_DEMAND, (_, _quote: string, path: string) => {
        imports.push(`import * as __onDemand${imports.length} from '${path}';`);
        return `Promise.resolve(__onDemand${imports.length - 1})`;
      });
      const contents = imports.length > 0 ? `${imports.join('\n')}\n${inlined}` : source;
      return { contents: minifyTemplateSource(contents, args.path), loader: 'ts' };
    });
  },
};

export const lazyEvaluate: Plugin = {
  name: 'lazy-evaluate',
  setup(build) {
    build.onResolve({ filter: /[\\/]load-src\.js$/ }, () => ({
      path: './ntm-scorecard-evaluate.js',
      external: true,
    }));
  },
};
