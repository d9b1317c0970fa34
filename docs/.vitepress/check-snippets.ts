// Type-checks the TypeScript code blocks (```ts) of the documentation against the workspace's packages, with the
// repository's strict compiler options, so that an example a reader copies compiles as written.
//
//   tsx docs/.vitepress/check-snippets.ts        (part of `pnpm docs:typecheck`)
//
// Each block is a module of its own. A comment right before a block changes that:
//
//   <!-- ts-check: skip -->          an intentional fragment (a type's shape, an excerpt): not checked
//   <!-- ts-check: continue -->      the block continues the page's previous block (same module)
//   <!-- ts-check                    declarations the block relies on without showing them, e.g.
//   declare const communes: unknown[];
//   -->
//
// (`<!-- ts-check: continue` may also carry declarations on the following lines.) Errors are reported at the
// Markdown file and line. The blocks are written to .tmp/docs-snippets/ (git-ignored) and checked there.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const docs = join(root, 'docs');
const out = join(root, '.tmp', 'docs-snippets');

/** Generated pages (API reference, criteria catalog) and the site's own machinery are not checked here. */
const EXCLUDED_DIRECTORIES = new Set(['.vitepress', 'api', 'criteria', 'public', 'node_modules']);

/**
 * Pages being rewritten on other branches when this check was added; their fragments still need their
 * `ts-check` comments. Remove a page from this list once it has them.
 */
const NOT_YET_ANNOTATED = new Set([
  'review-meeting.md',
  'en/review-meeting.md',
  'province-editions.md',
  'en/province-editions.md',
]);

const TS_LANGUAGES = new Set(['ts', 'typescript']);

interface Chunk {
  /** Lines of TypeScript, each with the Markdown line (1-based) it comes from. */
  lines: Array<{ text: string; line: number }>;
}

interface Snippet {
  page: string;
  /** The Markdown line of the block's opening fence. */
  line: number;
  chunks: Chunk[];
}

interface Directive {
  mode: 'check' | 'skip' | 'continue';
  prelude: Chunk;
}

function markdownPages(directory: string): string[] {
  const pages: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      const fromDocs = relative(docs, path).split(sep).join('/');
      if (!EXCLUDED_DIRECTORIES.has(entry.name) && fromDocs !== 'en/api') pages.push(...markdownPages(path));
    } else if (entry.name.endsWith('.md') && entry.name !== 'README.md') {
      pages.push(path);
    }
  }
  return pages.sort();
}

/** The TypeScript blocks of one page, grouped into modules by the `ts-check` comments. */
function snippetsOf(page: string, text: string): { snippets: Snippet[]; skipped: number } {
  const lines = text.split(/\r?\n/);
  const snippets: Snippet[] = [];
  let skipped = 0;
  let directive: Directive | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const comment = /^\s*<!--\s*ts-check(?::\s*(skip|continue)\b)?(.*)$/.exec(line);
    if (comment) {
      const mode = (comment[1] as 'skip' | 'continue' | undefined) ?? 'check';
      const prelude: Chunk = { lines: [] };
      let rest = comment[2] ?? '';
      let at = i;
      // Declarations follow on the next lines, up to `-->`.
      while (!rest.includes('-->')) {
        at++;
        if (at >= lines.length)
          throw new Error(`${page}:${i + 1}: the ts-check comment is not closed with -->`);
        rest = lines[at] as string;
        if (!rest.includes('-->')) prelude.lines.push({ text: rest, line: at + 1 });
      }
      directive = { mode, prelude };
      i = at;
      continue;
    }
    const fence = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (!fence) {
      if (line.trim() !== '') directive = null; // a comment applies to the block right after it
      continue;
    }
    const marker = fence[2] as string;
    const closing = new RegExp(`^\\s*\\${marker[0]}{${marker.length},}\\s*$`);
    const language = (fence[3] ?? '').toLowerCase();
    const body: Chunk = { lines: [] };
    const start = i + 1;
    for (i++; i < lines.length && !closing.test(lines[i] as string); i++) {
      body.lines.push({ text: lines[i] as string, line: i + 1 });
    }
    if (!TS_LANGUAGES.has(language)) {
      directive = null;
      continue;
    }
    const mode = directive?.mode ?? 'check';
    const prelude = directive?.prelude ?? { lines: [] };
    directive = null;
    if (mode === 'skip') {
      skipped++;
      continue;
    }
    const previous = snippets.at(-1);
    if (mode === 'continue') {
      if (!previous)
        throw new Error(`${page}:${start}: "ts-check: continue" but no block before it on the page`);
      previous.chunks.push(prelude, body);
    } else {
      snippets.push({ page, line: start, chunks: [prelude, body] });
    }
  }
  return { snippets, skipped };
}

/** `paths` for every export of the workspace's packages, to their TypeScript sources. */
function workspacePaths(): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  const packages = join(root, 'packages');
  for (const name of readdirSync(packages)) {
    const manifest = JSON.parse(readFileSync(join(packages, name, 'package.json'), 'utf8')) as {
      name: string;
      exports?: Record<string, unknown>;
    };
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      const source =
        typeof target === 'object' && target !== null
          ? (target as Record<string, unknown>)['@nongthonmoi/source']
          : undefined;
      if (typeof source !== 'string') continue;
      paths[manifest.name + subpath.slice(1)] = [join(packages, name, source)];
    }
  }
  return paths;
}

function main(): void {
  const pages = markdownPages(docs).filter((page) => {
    const name = relative(docs, page).split(sep).join('/');
    return !NOT_YET_ANNOTATED.has(name);
  });
  const snippets: Snippet[] = [];
  let skipped = 0;
  for (const page of pages) {
    const found = snippetsOf(relative(root, page), readFileSync(page, 'utf8'));
    snippets.push(...found.snippets);
    skipped += found.skipped;
  }

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // file of a snippet → Markdown page and line of each of its lines
  const origins = new Map<string, { page: string; lines: number[] }>();
  const files: string[] = [];
  for (const [index, snippet] of snippets.entries()) {
    const name = `${snippet.page.replace(/\.md$/, '').replace(/[^\w-]+/g, '_')}_${snippet.line}.ts`;
    const file = join(out, `${String(index).padStart(3, '0')}_${name}`);
    const lines = snippet.chunks.flatMap((chunk) => chunk.lines);
    // `export {}`: every snippet is a module (top-level await, no shared globals between snippets).
    writeFileSync(file, `${lines.map((l) => l.text).join('\n')}\nexport {};\n`);
    origins.set(resolve(file), { page: snippet.page, lines: lines.map((l) => l.line) });
    files.push(file);
  }
  writeFileSync(
    join(out, 'tsconfig.json'),
    JSON.stringify({
      extends: relative(out, join(root, 'tsconfig.base.json')),
      compilerOptions: { noEmit: true, types: ['node'], paths: workspacePaths() },
      files: files.map((file) => relative(out, file)),
    }),
  );

  const config = ts.getParsedCommandLineOfConfigFile(join(out, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!config) throw new Error('could not read the snippets tsconfig');
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  let errors = 0;
  for (const diagnostic of diagnostics) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const file = diagnostic.file ? resolve(diagnostic.file.fileName) : undefined;
    const origin = file ? origins.get(file) : undefined;
    errors++;
    if (diagnostic.file && diagnostic.start !== undefined && origin) {
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      const markdownLine = origin.lines[line] ?? origin.lines.at(-1) ?? 0;
      console.error(`${origin.page}:${markdownLine}:${character + 1} error TS${diagnostic.code}: ${message}`);
    } else {
      const where = diagnostic.file ? relative(root, diagnostic.file.fileName) : 'tsconfig';
      console.error(`${where}: error TS${diagnostic.code}: ${message}`);
    }
  }
  const summary = `${snippets.length} TypeScript snippets in ${pages.length} pages, ${skipped} marked as fragments`;
  if (errors > 0) {
    console.error(`docs snippets: ${errors} type error(s); ${summary}`);
    process.exit(1);
  }
  console.log(`docs snippets: no type errors; ${summary}`);
}

main();
