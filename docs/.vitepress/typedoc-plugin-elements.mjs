// TypeDoc plugin for the API reference of the web components (@nongthonmoi/scorecard).
//
// - Drops members a class inherits from, or overrides in, classes outside the documentation (LitElement,
//   ReactiveElement, HTMLElement, the internal NtmElement, Error): lifecycle callbacks and Lit internals are
//   not the elements' API, and listing them made each element's page 7,000 lines long.
// - Names core's two modules by their import specifiers, and opens the index page with what each package is.
// - Turns the custom-elements-manifest tags of a class (@tagname, @fires, @csspart, @cssproperty, @slot,
//   @summary) into one list per kind instead of one heading per tag. The tags are declared in
//   packages/scorecard/tsdoc.json so that TypeDoc does not warn about them.
import { existsSync } from 'node:fs';
import { Application, Comment, CommentTag, Converter, ReflectionKind } from 'typedoc';
import { MarkdownPageEvent } from 'typedoc-plugin-markdown';

/** @param {string} text  @returns {import('typedoc').CommentDisplayPart[]} */
function parts(text) {
  /** @type {import('typedoc').CommentDisplayPart[]} */
  const out = [];
  const pieces = text.split(/(`[^`]*`)/);
  for (const piece of pieces) {
    if (piece === '') continue;
    out.push(piece.startsWith('`') ? { kind: 'code', text: piece } : { kind: 'text', text: piece });
  }
  return out;
}

const LISTS = [
  { tag: '@fires', into: '@events', typed: true },
  { tag: '@slot', into: '@slots', typed: false },
  { tag: '@csspart', into: '@cssParts', typed: false },
  { tag: '@cssproperty', into: '@cssCustomProperties', typed: false },
];

/** @param {import('typedoc').Comment} comment */
function rewriteTags(comment) {
  const tagname = comment.blockTags.find((tag) => tag.tag === '@tagname');
  /** @type {CommentTag[]} */
  const added = [];
  if (tagname) {
    const name = Comment.combineDisplayParts(tagname.content).trim();
    added.push(new CommentTag('@customElement', [{ kind: 'code', text: `\`<${name}>\`` }]));
  }
  for (const list of LISTS) {
    const tags = comment.blockTags.filter((tag) => tag.tag === list.tag);
    if (tags.length === 0) continue;
    const lines = tags.map((tag) => {
      const text = Comment.combineDisplayParts(tag.content).trim();
      const match = list.typed
        ? /^(?:\{(?<type>[^}]*)\}\s*)?(?<name>\S+)\s*(?:-\s*)?(?<description>[\s\S]*)$/.exec(text)
        : /^(?<name>\S+)\s*(?:-\s*)?(?<description>[\s\S]*)$/.exec(text);
      const { type, name = text, description = '' } = match?.groups ?? {};
      return `- \`${name}\`${type ? ` (\`${type}\`)` : ''}${description ? `: ${description}` : ''}`;
    });
    added.push(new CommentTag(list.into, parts(lines.join('\n'))));
  }
  const rewritten = new Set(['@tagname', '@summary', ...LISTS.map((list) => list.tag)]);
  comment.blockTags = [...added, ...comment.blockTags.filter((tag) => !rewritten.has(tag.tag))];
}

// Page titles of the modules: core has two entry points, `src/index.ts` and `src/review/index.ts`, which
// TypeDoc names `index` and `review`; the reader knows them by their import specifiers.
const MODULE_TITLES = { index: '@nongthonmoi/core', review: '@nongthonmoi/core/review' };

const PACKAGES = {
  '@nongthonmoi/core':
    'the rules and the engine: `evaluate`, `evaluateMany`, `summarize`, `compare`, the editions',
  '@nongthonmoi/scorecard': 'the web components `<ntm-scorecard>` and `<ntm-district-board>`',
  '@nongthonmoi/cli':
    'the `ntm` command and its building blocks: file readers, pipeline, review, report writers',
};

// The reference is written to docs/en/api/. docs/rule-format.md moves to docs/en/ once its English rewrite lands.
const RULE_FORMAT = existsSync(new URL('../en/rule-format.md', import.meta.url))
  ? '../rule-format.md'
  : '../../rule-format.md';

const INTRO = `Generated from the TypeScript sources by TypeDoc when the site is built. For the concepts, start with
[Evaluation semantics](../evaluation.md) and [Rule format](${RULE_FORMAT}); for the command line, the
[ntm commands](ntm-commands.md).
`;

/** @param {MarkdownPageEvent} page */
function rewritePage(page) {
  if (typeof page.contents !== 'string') return;
  if (page.url === 'index.md') {
    let contents = page.contents.replace(/^(# .+\n)/m, `$1\n${INTRO}`);
    for (const [name, description] of Object.entries(PACKAGES)) {
      contents = contents.replace(new RegExp(`(\\[${name}\\]\\([^)]*\\))\n`), `$1: ${description}\n`);
    }
    page.contents = contents;
  }
  for (const [name, title] of Object.entries(MODULE_TITLES)) {
    page.contents = page.contents.replace(`[${name}](${name}/index.md)`, `[${title}](${name}/index.md)`);
  }
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.internationalization.addTranslations('en', {
    tag_customElement: 'Custom element',
    tag_events: 'Events',
    tag_slots: 'Slots',
    tag_cssParts: 'CSS parts',
    tag_cssCustomProperties: 'CSS custom properties',
  });
  app.on(Application.EVENT_BOOTSTRAP_END, () => {
    app.options.setValue('pageTitleTemplates', {
      index: 'API reference',
      module: (/** @type {{ name: string }} */ { name }) =>
        Object.hasOwn(MODULE_TITLES, name) ? MODULE_TITLES[/** @type {'index' | 'review'} */ (name)] : name,
      member: '{kind}: {name}',
    });
  });
  app.renderer.on(MarkdownPageEvent.END, rewritePage);
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    const project = context.project;
    const classes = project.getReflectionsByKind(ReflectionKind.Class);
    // Until nothing changes: a member inherited from a documented class whose own member was dropped
    // (NtmError.message, from Error) must go too, or the output would link to a missing page.
    for (let changed = true; changed; ) {
      changed = false;
      for (const reflection of classes) {
        const owner = /** @type {import('typedoc').DeclarationReflection} */ (reflection);
        for (const child of [...(owner.children ?? [])]) {
          const from = child.inheritedFrom ?? child.overwrites;
          if (from && !from.reflection) {
            project.removeReflection(child);
            changed = true;
          }
        }
      }
    }
    for (const reflection of classes) {
      if (reflection.comment) rewriteTags(reflection.comment);
    }
  });
}
