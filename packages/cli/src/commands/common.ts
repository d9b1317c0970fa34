/** What the commands share: options, loading ruleset files, reporting problems, outputs, exit codes, progress. */
import { once } from 'node:events';
import {
  BUNDLED_RULESETS,
  EditionNotFoundError,
  OptionsError,
  type Region,
  RulesetError,
  type RulesetInput,
  type RulesetIssue,
} from '@nongthonmoi/core';
import cliProgress from 'cli-progress';
import { type Command, Option } from 'commander';
import { examplesText } from '../cli-help.js';
import type { Lang } from '../i18n.js';
import { type Output, OutputError, openOutput } from '../io/output.js';
import { type GuardRequest, guardPaths, PathClashError, type PathRole } from '../io/path-guard.js';
import { readBytes } from '../io/read.js';
import { decodeText } from '../io/read-csv.js';
import { jsonSyntaxWhy } from '../io/read-json.js';
import { preview, shownFile } from '../io/text.js';
import { InputError, type ReadResult, type RowProblem } from '../io/types.js';
import { problemsToCsv } from '../io/write-csv.js';
import { defaultLang, type MessageId, tr } from '../messages.js';
import { escapeControls } from '../safe-text.js';
import {
  checkRuleOptions,
  choiceParser,
  editionNotFoundText,
  levelList,
  parseDate,
  parseLevel,
  parseProvinceOption,
  parseRegionOption,
  REGION_IDS,
  UsageError,
  wholeNumberParser,
} from './options.js';

export { parseDate, parseLevel, UsageError, wholeNumberParser as wholeNumber };

/** Exit codes: 0 all good, 1 some rows had errors (the rest written), 2 usage error or unreadable file. */
export const EXIT = { ok: 0, rowErrors: 1, usage: 2 } as const;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * The process's streams. Everything written to stderr is a message: control and bidi characters that reach it
 * from data or rule files are shown as escapes there too, whatever the code that built the message. stdout
 * carries data (JSON, CSV) as it is; the text formats escape their values themselves.
 */
export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(escapeControls(text, { keepLines: true })),
};

/** `--as-of <ngày>`: an option's flags with its value placeholder in the user's language. */
export function flags(option: string, placeholder: MessageId, lang: Lang): string {
  return `${option} <${tr(lang, placeholder as 'placeholder.date')}>`;
}

/** A repeatable option (`--ruleset a.json --ruleset b.json`): its values in order. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** An option with a fixed list of values, refused in the user's language. */
export function choiceOption(
  flagsText: string,
  description: string,
  choices: readonly string[],
  lang: Lang,
): Option {
  return new Option(flagsText, description).choices(choices).argParser(choiceParser(choices, lang));
}

/** --lang vi|en; without it, NTM_LANG (vi or en), else Vietnamese. */
export function langOption(lang: Lang = defaultLang()): Option {
  return choiceOption(
    flags('--lang', 'placeholder.lang', lang),
    tr(lang, 'help.option.lang'),
    ['vi', 'en'],
    lang,
  ).default(lang, lang === 'en' ? 'NTM_LANG, else vi' : 'NTM_LANG, nếu không có thì vi');
}

/**
 * --level, --as-of, --region | --province, --ruleset; values as people type them (see options.ts). Before the
 * command runs, the options are checked together: a province that does not exist on the date, a level with no
 * edition on the date (`level: 'argument'` when the level is the command's first argument).
 */
export function addRuleOptions(
  command: Command,
  options: { level: boolean | 'argument'; lang?: Lang; datesFromData?: boolean },
): Command {
  const lang = options.lang ?? defaultLang();
  if (options.level === true) {
    command.requiredOption(
      flags('--level', 'placeholder.level', lang),
      tr(lang, 'help.option.level', { levels: levelList(lang) }),
      (value: string) => parseLevel(value, lang),
    );
  }
  command.hook('preAction', (self) => {
    const values = self.opts() as RuleOptions & { lang?: Lang };
    checkRuleOptions(
      {
        level: options.level === 'argument' ? (self.processedArgs[0] as string | undefined) : values.level,
        levelGiven: options.level === 'argument' ? 'argument' : 'option',
        asOf: values.asOf,
        province: values.province,
        ruleset: values.ruleset,
        datesFromData: options.datesFromData === true,
      },
      values.lang ?? lang,
    );
  });
  return command
    .option(flags('--as-of', 'placeholder.date', lang), tr(lang, 'help.option.asOf'), (value: string) =>
      parseDate(value, lang),
    )
    .addOption(
      new Option(
        flags('--region', 'placeholder.region', lang),
        tr(lang, 'help.option.region', { regions: REGION_IDS }),
      )
        .argParser((value: string) => parseRegionOption(value, lang))
        .conflicts('province'),
    )
    .addOption(
      new Option(flags('--province', 'placeholder.province', lang), tr(lang, 'help.option.province'))
        .argParser((value: string) => parseProvinceOption(value, lang))
        .conflicts('region'),
    )
    .option(flags('--ruleset', 'placeholder.file', lang), tr(lang, 'help.option.ruleset'), collect, []);
}

/** --sheet, --header-row, --ignore-unknown-columns, --errors. */
export function addInputOptions(command: Command, lang: Lang = defaultLang()): Command {
  return command
    .option(flags('--sheet', 'placeholder.name', lang), tr(lang, 'help.option.sheet'))
    .option(
      flags('--header-row', 'placeholder.number', lang),
      tr(lang, 'help.option.headerRow'),
      wholeNumberParser(1, 1_048_576, lang),
    )
    .option('--ignore-unknown-columns', tr(lang, 'help.option.ignoreUnknownColumns'))
    .option(flags('--errors', 'placeholder.csv', lang), tr(lang, 'help.option.errors'));
}

export interface RuleOptions {
  level?: string;
  asOf?: string;
  region?: Region;
  province?: string;
  ruleset?: string[];
  requireVerified?: boolean;
  recognition?: boolean;
}

/**
 * Reads --ruleset files as `{ file, ruleset }` for the engine. A file with the id of a bundled ruleset replaces
 * it for the run (core's `Engine.replaced`); that is said on stderr, once per run.
 */
export async function loadRulesetFiles(
  files: readonly string[] | undefined,
  lang: Lang = 'vi',
  io: Io = processIo,
): Promise<RulesetInput[]> {
  const rulesets: RulesetInput[] = [];
  for (const file of files ?? []) {
    const text = decodeText(await readBytes(file, { lang }), file, lang);
    try {
      rulesets.push({ file, ruleset: JSON.parse(text) });
    } catch (error) {
      const why = jsonSyntaxWhy(error as Error, text, lang);
      throw new InputError(file, tr(lang, 'ruleset.invalidJson', { file: shownFile(file), why }));
    }
  }
  announceReplaced(rulesets, io, lang);
  return rulesets;
}

const announced = new WeakMap<Io, Set<string>>();

/** The ids of bundled rulesets that `rulesets` replace: what `getEngine(rulesets).replaced` will list. */
export function replacedBundled(rulesets: readonly RulesetInput[]): string[] {
  const ids = (inputs: readonly RulesetInput[]) =>
    inputs
      .map((input) => {
        const ruleset = input && typeof input === 'object' && 'ruleset' in input ? input.ruleset : input;
        const id = ruleset && typeof ruleset === 'object' ? (ruleset as { id?: unknown }).id : undefined;
        return typeof id === 'string' ? id : null;
      })
      .filter((id): id is string => id !== null);
  const given = new Set(ids(rulesets));
  return ids(BUNDLED_RULESETS).filter((id) => given.has(id));
}

/** Says on stderr which bundled rulesets the --ruleset files replace (each once per run). */
export function announceReplaced(rulesets: readonly RulesetInput[], io: Io, lang: Lang): void {
  const seen = announced.get(io) ?? new Set<string>();
  announced.set(io, seen);
  const fresh = replacedBundled(rulesets).filter((id) => !seen.has(id));
  if (fresh.length === 0) return;
  for (const id of fresh) seen.add(id);
  io.stderr(tr(lang, 'ruleset.replaced', { ids: fresh.join(', ') }));
}

/** The --ruleset files as inputs for {@link guardPaths}. */
export function rulesetRoles(files: readonly string[] | undefined): PathRole[] {
  return (files ?? []).map((path) => ({ option: '--ruleset', path }));
}

const FRAME = {
  vi: { row: 'dòng', item: 'mục', commune: 'xã', column: 'cột' },
  en: { row: 'row', item: 'item', commune: 'commune', column: 'column' },
};

/**
 * One problem as a line: `data.csv, dòng 5 (xã 13690), cột "BHYT (%)": "abc" không phải là số`. Every part that
 * comes from the data is shortened and has its control and bidi characters shown as escapes.
 */
export function problemLine(problem: RowProblem, lang: Lang, unit: 'row' | 'item' = 'row'): string {
  const f = FRAME[lang];
  const safe = (text: string) => escapeControls(preview(text));
  const where = problem.row !== null ? `, ${f[unit]} ${problem.row}` : '';
  const who = problem.communeId ? ` (${f.commune} ${safe(problem.communeId)})` : '';
  const column = problem.column ? `, ${f.column} "${safe(problem.column)}"` : '';
  // Shortened: a 100 000-character cell would make the line unreadable (errors.csv keeps it whole).
  const value = problem.value !== '' ? ` ${escapeControls(JSON.stringify(preview(problem.value)))}` : '';
  const reason = lang === 'en' ? problem.reason : (problem.reasonVi ?? problem.reason);
  return `${escapeControls(problem.file)}${where}${who}${column}:${value} ${escapeControls(reason)}`;
}

/** Prints every problem on stderr, one line each. */
export function reportProblems(
  problems: readonly RowProblem[],
  io: Io,
  options: { lang: Lang; units?: ReadonlyMap<string, 'row' | 'item'> },
): void {
  for (const problem of problems) {
    io.stderr(`${problemLine(problem, options.lang, options.units?.get(problem.file) ?? 'row')}\n`);
  }
}

/** Writes errors.csv (every problem with its file, row, column, value and reason) to an open output. */
export async function writeProblems(
  output: Output | undefined,
  problems: readonly RowProblem[],
  lang: Lang = 'vi',
): Promise<void> {
  if (output) await output.write(problemsToCsv(problems, lang));
}

/** Prints the headers skipped under --ignore-unknown-columns. */
export function reportIgnoredColumns(columns: readonly string[], io: Io, lang: Lang): void {
  if (columns.length === 0) return;
  // The first ones by name, the rest counted: a sheet of 16 384 columns still gives one readable line.
  const named = columns.slice(0, IGNORED_LISTED).map((c) => `"${escapeControls(preview(c))}"`);
  if (columns.length > IGNORED_LISTED)
    named.push(tr(lang, 'problems.moreColumns', { count: columns.length - IGNORED_LISTED }));
  io.stderr(tr(lang, 'problems.ignoredColumns', { columns: named.join(', ') }));
}

const IGNORED_LISTED = 20;

/** The label of a command's data file argument in messages. */
export function dataRole(path: string, lang: Lang): PathRole {
  return { option: tr(lang, 'role.data'), path };
}

/**
 * The files a command writes, opened together after the path guard: each is written to a temporary file and
 * replaces its target only at `commit()`; `abort()` (on any failure) leaves every target as it was.
 */
export class Outputs {
  readonly #open = new Map<string, Output>();
  readonly #lang: Lang;

  private constructor(lang: Lang) {
    this.#lang = lang;
  }

  /**
   * Guards the paths (outputs never replace an input or each other; the folders exist), then opens every
   * output. Throws before anything is written when a path is refused.
   */
  static async open(request: GuardRequest, lang: Lang): Promise<Outputs> {
    guardPaths(request, lang);
    const outputs = new Outputs(lang);
    try {
      for (const role of request.outputs) {
        if (role) outputs.#open.set(role.option, await openOutput(role.path, { option: role.option, lang }));
      }
    } catch (error) {
      await outputs.abort();
      throw error;
    }
    return outputs;
  }

  /** The output given with `option` (`--out`), if the command was given one. */
  get(option: string): Output | undefined {
    return this.#open.get(option);
  }

  /** Replaces every target with its complete new content, in the order the outputs were given. */
  async commit(): Promise<void> {
    for (const output of this.#open.values()) await output.commit();
  }

  /** Removes every temporary file; the targets are left as they were. */
  async abort(): Promise<void> {
    for (const output of this.#open.values()) await output.abort();
  }

  get lang(): Lang {
    return this.#lang;
  }
}

/** One problem of a ruleset file: file, path inside it, reason (in Vietnamese when the core gives one). */
export function rulesetIssueLine(issue: RulesetIssue, lang: Lang): string {
  const at = issue.path ? tr(lang, 'ruleset.at', { path: escapeControls(issue.path) }) : '';
  const reason = lang === 'en' ? issue.reason : (issue.reasonVi ?? issue.reason);
  return `${escapeControls(issue.file)}${at}: ${escapeControls(reason)}`;
}

/** A message of several lines on stderr: "ntm: " before the first, the others indented under it. */
function messageLines(text: string): string {
  const [first, ...rest] = escapeControls(text, { keepLines: true }).split('\n');
  return `ntm: ${first}\n${rest.map((line) => `  ${line}\n`).join('')}`;
}

/** Turns the errors every command may meet into a message and exit code 2; rethrows the rest. */
export function usageFailure(error: unknown, io: Io, lang: Lang = 'vi'): number {
  if (error instanceof InputError) {
    io.stderr(`ntm: ${escapeControls(error.message)}\n`);
    for (const problem of error.problems) {
      io.stderr(
        `  ${problem.column ? `"${escapeControls(preview(problem.column))}": ` : ''}${escapeControls(problem.reason)}\n`,
      );
    }
    return EXIT.usage;
  }
  if (error instanceof RulesetError) {
    io.stderr(tr(lang, 'ruleset.refused'));
    for (const issue of error.issues) io.stderr(`  ${rulesetIssueLine(issue, lang)}\n`);
    return EXIT.usage;
  }
  if (error instanceof EditionNotFoundError) {
    io.stderr(messageLines(editionNotFoundText(error, lang)));
    return EXIT.usage;
  }
  if (error instanceof OptionsError) {
    io.stderr(messageLines(lang === 'en' ? error.localized.en : error.localized.vi));
    return EXIT.usage;
  }
  if (error instanceof UsageError || error instanceof PathClashError || error instanceof OutputError) {
    io.stderr(messageLines(error.message));
    return EXIT.usage;
  }
  throw error;
}

/** What {@link reportRead} tells of a file read (a whole ReadResult, or a streamed source's). */
export type ReadReport = Pick<
  ReadResult,
  'file' | 'unit' | 'ignoredColumns' | 'sheet' | 'headerRow' | 'warnings'
>;

/**
 * What reading a file found besides its rows, on stderr: the header row when it is not the first (title
 * rows above it were skipped), the warnings (a percentage typed as a fraction), the ignored columns.
 */
export function reportRead(read: ReadReport, io: Io, lang: Lang): void {
  if (read.headerRow !== undefined && read.headerRow > 1) {
    io.stderr(
      tr(lang, 'header.rowFound', {
        file: shownFile(read.file),
        sheet: read.sheet ? escapeControls(read.sheet) : null,
        row: read.headerRow,
        skipped: read.headerRow - 1,
      }),
    );
  }
  for (const warning of read.warnings ?? []) {
    io.stderr(tr(lang, 'warning.line', { line: problemLine(warning, lang, read.unit) }));
  }
  reportIgnoredColumns(read.ignoredColumns, io, lang);
}

/**
 * A progress bar on stderr, only for long batches and only when a person is watching (a TTY, not CI). A
 * streamed run estimates its total as it reads: `update` may change it.
 */
export function progressBar(
  total: number,
  label: string,
): { update: (done: number, total?: number) => void; stop: () => void } {
  const interactive = process.stdout.isTTY && process.stderr.isTTY && !process.env.CI && total >= 2000;
  if (!interactive) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${escapeControls(label)} [{bar}] {value}/{total}`,
      stream: process.stderr,
      clearOnComplete: true,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    update: (done, newTotal) => {
      if (newTotal !== undefined && newTotal !== bar.getTotal()) bar.setTotal(newTotal);
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}

/** Writes text or bytes to an open output (--out), or text to stdout. */
export async function emit(
  io: Io,
  output: Output | undefined,
  content: string | Uint8Array,
  lang: Lang = 'vi',
): Promise<void> {
  if (output) {
    await output.write(content);
    return;
  }
  if (typeof content !== 'string') throw new UsageError(tr(lang, 'output.binaryToTerminal'));
  io.stdout(content);
}

/**
 * Streams text chunks to an open output (--out) or to stdout, waiting when the pipe is full (for outputs too
 * big for one string).
 */
export async function emitChunks(
  output: Output | undefined,
  chunks: Iterable<string>,
  io: Io = processIo,
): Promise<void> {
  if (output) {
    for (const chunk of chunks) await output.write(chunk);
    return;
  }
  if (io !== processIo) {
    for (const chunk of chunks) io.stdout(chunk);
    return;
  }
  for (const chunk of chunks) {
    if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
  }
}

/** The "Ví dụ:" block of a command's help. */
export function examples(lines: string[], lang: Lang = defaultLang()): string {
  return examplesText(lines, lang);
}
