/** What the commands share: options, loading ruleset files, reporting problems, exit codes, progress. */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
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
import { readBytes } from '../io/read.js';
import { decodeText } from '../io/read-csv.js';
import { preview } from '../io/text.js';
import { InputError, type RowProblem } from '../io/types.js';
import { problemsToCsv } from '../io/write-csv.js';

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

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
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

export function langOption(): Option {
  return new Option('--lang <lang>', 'language of the output').choices(['vi', 'en']).default('vi');
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
export async function loadRulesetFiles(files: readonly string[] | undefined): Promise<RulesetInput[]> {
  const rulesets: RulesetInput[] = [];
  for (const file of files ?? []) {
    const text = decodeText(await readBytes(file), file);
    try {
      rulesets.push({ file, ruleset: JSON.parse(text) });
    } catch (error) {
      throw new InputError(file, `${file} is not valid JSON: ${(error as Error).message}`);
    }
  }
  return rulesets;
}

const FRAME = {
  vi: { row: 'dòng', item: 'mục', commune: 'xã', column: 'cột' },
  en: { row: 'row', item: 'item', commune: 'commune', column: 'column' },
};

/** One problem as a line: `data.csv, row 5 (commune 13690), column "BHYT (%)": "abc": not a number`. */
export function problemLine(problem: RowProblem, lang: Lang, unit: 'row' | 'item' = 'row'): string {
  const f = FRAME[lang];
  const where = problem.row !== null ? `, ${f[unit]} ${problem.row}` : '';
  const who = problem.communeId ? ` (${f.commune} ${problem.communeId})` : '';
  const column = problem.column ? `, ${f.column} "${problem.column}"` : '';
  // Shortened: a 100 000-character cell would make the line unreadable (errors.csv keeps it whole).
  const value = problem.value !== '' ? ` ${JSON.stringify(preview(problem.value))}` : '';
  const reason = lang === 'en' ? problem.reason : (problem.reasonVi ?? problem.reason);
  return `${problem.file}${where}${who}${column}:${value} ${reason}`;
}

export async function reportProblems(
  problems: readonly RowProblem[],
  io: Io,
  options: { lang: Lang; errorsFile?: string | undefined; units?: ReadonlyMap<string, 'row' | 'item'> },
): Promise<void> {
  for (const problem of problems) {
    io.stderr(`${problemLine(problem, options.lang, options.units?.get(problem.file) ?? 'row')}\n`);
  }
  if (options.errorsFile) await writeFile(options.errorsFile, problemsToCsv(problems));
}

/** One problem of a ruleset file: file, path inside it, reason (in Vietnamese when the core gives one). */
export function rulesetIssueLine(issue: RulesetIssue, lang: Lang): string {
  const where = issue.path ? (lang === 'en' ? ` at ${issue.path}` : ` tại ${issue.path}`) : '';
  const reason = lang === 'en' ? issue.reason : (issue.reasonVi ?? issue.reason);
  return `${issue.file}${where}: ${reason}`;
}

/** Turns the errors every command may meet into a message and exit code 2; rethrows the rest. */
export function usageFailure(error: unknown, io: Io, lang: Lang = 'vi'): number {
  if (error instanceof InputError) {
    io.stderr(`ntm: ${error.message}\n`);
    for (const problem of error.problems) {
      io.stderr(`  ${problem.column ? `"${problem.column}": ` : ''}${problem.reason}\n`);
    }
    return EXIT.usage;
  }
  if (error instanceof RulesetError) {
    io.stderr(lang === 'en' ? 'ntm: a ruleset file was refused:\n' : 'ntm: tệp bộ tiêu chí bị từ chối:\n');
    for (const issue of error.issues) io.stderr(`  ${rulesetIssueLine(issue, lang)}\n`);
    return EXIT.usage;
  }
  if (error instanceof UsageError || error instanceof OptionsError || error instanceof EditionNotFoundError) {
    io.stderr(`ntm: ${error.message}\n`);
    return EXIT.usage;
  }
  throw error;
}

/** A progress bar on stderr, only for long batches and only when a person is watching (a TTY, not CI). */
export function progressBar(
  total: number,
  label: string,
): { update: (done: number) => void; stop: () => void } {
  const interactive = process.stdout.isTTY && process.stderr.isTTY && !process.env.CI && total >= 2000;
  if (!interactive) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total}`,
      stream: process.stderr,
      clearOnComplete: true,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}

/** Writes text or bytes to --out, or text to stdout. */
export async function emit(io: Io, out: string | undefined, content: string | Uint8Array): Promise<void> {
  if (out) {
    await writeFile(out, content);
    return;
  }
  if (typeof content !== 'string') throw new UsageError('this format is binary: give --out <file>');
  io.stdout(content);
}

/** Streams text chunks to --out or stdout, waiting when the pipe is full (for outputs too big for one string). */
export async function emitChunks(
  out: string | undefined,
  chunks: Iterable<string>,
  io: Io = processIo,
): Promise<void> {
  if (!out && io !== processIo) {
    for (const chunk of chunks) io.stdout(chunk);
    return;
  }
  const stream = out ? createWriteStream(out) : process.stdout;
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
  if (out) {
    stream.end();
    await once(stream, 'finish');
  }
}

export function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  ${line}`).join('\n')}\n`;
}
