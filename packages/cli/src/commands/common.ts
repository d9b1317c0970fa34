/** What the commands share: options, loading ruleset files, reporting problems, outputs, exit codes, progress. */
import { once } from 'node:events';
import {
  EditionNotFoundError,
  listProvinces,
  OptionsError,
  REGIONS,
  type Region,
  RulesetError,
  type RulesetInput,
  type RulesetIssue,
} from '@nongthonmoi/core';
import cliProgress from 'cli-progress';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { Lang } from '../i18n.js';
import { type Output, OutputError, openOutput } from '../io/output.js';
import { type GuardRequest, guardPaths, PathClashError, type PathRole } from '../io/path-guard.js';
import { readBytes } from '../io/read.js';
import { decodeText } from '../io/read-csv.js';
import { jsonSyntaxWhy } from '../io/read-json.js';
import { preview, shownFile } from '../io/text.js';
import { InputError, type RowProblem } from '../io/types.js';
import { problemsToCsv } from '../io/write-csv.js';
import { defaultLang, tr } from '../messages.js';
import { escapeControls } from '../safe-text.js';

/** Exit codes: 0 all good, 1 some rows had errors (the rest written), 2 usage error or unreadable file. */
export const EXIT = { ok: 0, rowErrors: 1, usage: 2 } as const;

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

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

export function parseDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD, e.g. 2023-11-15');
  }
  return value;
}

function parseProvinceOption(value: string): string {
  if (!listProvinces().some((province) => province.id === value)) {
    const ids = [...new Set(listProvinces().map((p) => p.id))];
    const hint = ids.find((id) => id.replace(/-/g, '') === value.toLowerCase().replace(/[^a-z]/g, ''));
    throw new InvalidArgumentError(
      `unknown province id${hint ? ` (did you mean ${hint}?)` : ''}; e.g. nam-dinh`,
    );
  }
  return value;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** --lang vi|en; without it, NTM_LANG (vi or en), else Vietnamese. */
export function langOption(): Option {
  return new Option('--lang <lang>', 'language of the output (default: NTM_LANG, else vi)')
    .choices(['vi', 'en'])
    .default(defaultLang());
}

/** --level, --as-of, --region | --province, --require-verified, --recognition, --ruleset. */
export function addRuleOptions(command: Command, options: { level: boolean }): Command {
  if (options.level) {
    command.requiredOption('--level <level>', 'tier to assess: ntm, nang-cao or kieu-mau');
  }
  return command
    .option(
      '--as-of <date>',
      'assessment date YYYY-MM-DD: picks the edition in force and the target year (default: today)',
      parseDate,
    )
    .addOption(
      new Option('--region <region>', 'region for rows that carry none')
        .choices([...REGIONS])
        .conflicts('province'),
    )
    .addOption(
      new Option(
        '--province <id>',
        "province for rows that carry none (applies the province's overlay), e.g. nam-dinh",
      )
        .argParser(parseProvinceOption)
        .conflicts('region'),
    )
    .option('--ruleset <file>', 'add a ruleset file (province overlay, amendment); repeatable', collect, []);
}

/** --sheet, --ignore-unknown-columns, --errors. */
export function addInputOptions(command: Command): Command {
  return command
    .option('--sheet <name>', 'Excel: the sheet to read (default: the first)')
    .option('--ignore-unknown-columns', 'skip columns that are neither commune fields nor known measures')
    .option(
      '--errors <file.csv>',
      'also write every problem to this CSV file (file,row,column,value,reason)',
    );
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

/** Reads --ruleset files as `{ file, ruleset }` for the engine. */
export async function loadRulesetFiles(
  files: readonly string[] | undefined,
  lang: Lang = 'vi',
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
  return rulesets;
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
  if (
    error instanceof UsageError ||
    error instanceof OptionsError ||
    error instanceof EditionNotFoundError ||
    error instanceof PathClashError ||
    error instanceof OutputError
  ) {
    io.stderr(`ntm: ${escapeControls(error.message)}\n`);
    return EXIT.usage;
  }
  throw error;
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

export function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  ${line}`).join('\n')}\n`;
}
