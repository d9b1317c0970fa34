/**
 * `ntm rules export`, `ntm rules import` and `ntm rules pending`: rulesets as workbooks an official reads and
 * fills in Excel or LibreOffice, and back into validated rule files.
 */
import { mkdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import {
  BUNDLED_RULESETS,
  type Edition,
  type Engine,
  getEngine,
  parseRuleset,
  RulesetError,
  type RulesetInput,
  type RulesetIssue,
} from '@nongthonmoi/core';
import { Command, Option } from 'commander';
import type { Lang } from '../i18n.js';
import { LIMITS } from '../io/limits.js';
import { readBytes } from '../io/read.js';
import { shownFile } from '../io/text.js';
import { InputError, type RowProblem } from '../io/types.js';
import { problemsToCsv } from '../io/write-csv.js';
import { workbookBuffer } from '../io/write-xlsx.js';
import { defaultLang, tr } from '../messages.js';
import { assemble } from '../rules-table/assemble.js';
import type { Book } from '../rules-table/book.js';
import { readCsvBook, targetsCsv } from '../rules-table/csv.js';
import { flatten, kindOf, type RulesetFileJson } from '../rules-table/flatten.js';
import { pendingGuide, rulesetGuide } from '../rules-table/guide.js';
import { TARGETS } from '../rules-table/layout.js';
import { importPending, pendingBook } from '../rules-table/pending.js';
import { asRowProblems, issueProblem, type PathIndex, type TableProblem } from '../rules-table/problems.js';
import { looseningReason, narrowLoosening } from '../rules-table/tighten.js';
import { cellText, KINDS } from '../rules-table/vocabulary.js';
import { buildWorkbook, readWorkbookBook } from '../rules-table/workbook.js';
import {
  choiceOption,
  EXIT,
  examples,
  flags,
  type Io,
  langOption,
  loadRulesetFiles,
  Outputs,
  processIo,
  reportProblems,
  rulesetRoles,
  UsageError,
  usageFailure,
} from './common.js';

interface ExportOptions {
  out?: string;
  format?: 'xlsx' | 'csv';
  ruleset?: string[];
  lang: Lang;
}

interface ImportOptions {
  out?: string;
  outDir?: string;
  ruleset?: string[];
  errors?: string;
  lang: Lang;
}

interface PendingOptions {
  out?: string;
  ruleset?: string[];
  lang: Lang;
}

/** The rule files known to a run: the --ruleset files, then the bundled ones they do not replace. */
export function knownFiles(
  rulesets: readonly RulesetInput[],
): Array<{ file: string; ruleset: RulesetFileJson }> {
  const given = rulesets as ReadonlyArray<{ file: string; ruleset: RulesetFileJson }>;
  const ids = new Set(given.map((entry) => entry.ruleset?.id));
  return [
    ...given,
    ...(BUNDLED_RULESETS as ReadonlyArray<{ file: string; ruleset: RulesetFileJson }>).filter(
      (entry) => !ids.has(entry.ruleset.id),
    ),
  ];
}

/** The national edition of an id as the engine holds it (amendments applied). */
export function nationalOf(engine: Engine): (id: string) => Edition | null {
  return (id) => {
    const entry = engine.ruleset(id);
    return entry?.kind === 'edition' ? (entry.data as Edition) : null;
  };
}

/** The edition a file's rows are read against: the one an overlay extends first, or an amendment amends. */
export function baseOf(file: RulesetFileJson, national: (id: string) => Edition | null): Edition | null {
  if ('extends' in file)
    return national(Array.isArray(file.extends) ? (file.extends[0] as string) : file.extends);
  if ('amends' in file) return national(file.amends);
  return null;
}

function findFile(id: string, files: ReturnType<typeof knownFiles>, lang: Lang): RulesetFileJson {
  const found = files.find((entry) => entry.ruleset.id === id);
  if (!found) {
    throw new UsageError(
      tr(lang, 'rt.unknownRuleset', { id, known: files.map((entry) => entry.ruleset.id).join(', ') }),
    );
  }
  return found.ruleset;
}

function outFormat(out: string, given: string | undefined): 'xlsx' | 'csv' {
  if (given === 'csv' || given === 'xlsx') return given;
  return extname(out).toLowerCase() === '.csv' ? 'csv' : 'xlsx';
}

export async function runRulesExport(
  id: string,
  options: ExportOptions,
  io: Io = processIo,
): Promise<number> {
  const lang = options.lang;
  let outputs: Outputs | null = null;
  try {
    if (!options.out) throw new UsageError(tr(lang, 'rt.giveOut', { example: 'bang-tieu-chi.xlsx' }));
    const format = outFormat(options.out, options.format);
    const wanted = format === 'csv' ? '.csv' : '.xlsx';
    if (extname(options.out).toLowerCase() !== wanted) {
      throw new UsageError(tr(lang, 'rt.outExtension', { option: '--out', extensions: wanted }));
    }
    outputs = await Outputs.open(
      { inputs: rulesetRoles(options.ruleset), outputs: [{ option: '--out', path: options.out }] },
      lang,
    );
    const rulesets = await loadRulesetFiles(options.ruleset, lang, io);
    const engine = getEngine(rulesets.length > 0 ? rulesets : undefined);
    const file = findFile(id, knownFiles(rulesets), lang);
    const book = flatten(file, baseOf(file, nationalOf(engine)));
    const out = outputs.get('--out');
    const rows = book.targets.filter((row) => row.cells.indicator).length;
    if (format === 'csv') {
      await out?.write(targetsCsv(book.targets));
      await outputs.commit();
      io.stderr(tr(lang, 'rt.exportedCsv', { file: shownFile(options.out), id, rows }));
      return EXIT.ok;
    }
    const workbook = await buildWorkbook(book, { guide: rulesetGuide(id, basename(options.out)) });
    await out?.write(await workbookBuffer(workbook, { lang, file: options.out, onWarning: io.stderr }));
    await outputs.commit();
    io.stderr(
      tr(lang, 'rt.exported', {
        file: shownFile(options.out),
        id,
        rows,
        sheets: workbook.worksheets.length - 1,
      }),
    );
    return EXIT.ok;
  } catch (error) {
    await outputs?.abort();
    return usageFailure(error, io, lang);
  }
}

export async function runRulesPending(options: PendingOptions, io: Io = processIo): Promise<number> {
  const lang = options.lang;
  let outputs: Outputs | null = null;
  try {
    if (!options.out) throw new UsageError(tr(lang, 'rt.giveOut', { example: 'can-doi-chieu.xlsx' }));
    if (extname(options.out).toLowerCase() !== '.xlsx') {
      throw new UsageError(tr(lang, 'rt.outExtension', { option: '--out', extensions: '.xlsx' }));
    }
    outputs = await Outputs.open(
      { inputs: rulesetRoles(options.ruleset), outputs: [{ option: '--out', path: options.out }] },
      lang,
    );
    const rulesets = await loadRulesetFiles(options.ruleset, lang, io);
    const engine = getEngine(rulesets.length > 0 ? rulesets : undefined);
    const { book, rulesets: count } = pendingBook(engine, knownFiles(rulesets));
    const workbook = await buildWorkbook(book, { guide: pendingGuide(basename(options.out)) });
    await outputs
      .get('--out')
      ?.write(await workbookBuffer(workbook, { lang, file: options.out, onWarning: io.stderr }));
    await outputs.commit();
    const rows = book.targets.filter((row) => row.cells.indicator).length;
    io.stderr(tr(lang, 'rt.pendingWritten', { file: shownFile(options.out), rows, rulesets: count }));
    return EXIT.ok;
  } catch (error) {
    await outputs?.abort();
    return usageFailure(error, io, lang);
  }
}

async function readBook(file: string, lang: Lang): Promise<{ book: Book; format: 'xlsx' | 'csv' }> {
  const bytes = await readBytes(file, { lang });
  const extension = extname(file).toLowerCase();
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (extension === '.xlsx' || extension === '.xlsm' || (zip && extension !== '.csv')) {
    return { book: await readWorkbookBook(bytes, file, lang), format: 'xlsx' };
  }
  if (extension === '.csv' || extension === '.txt' || extension === '.tsv') {
    const book = readCsvBook(bytes, file, lang);
    if (book.targets.length > LIMITS.dataRows) {
      throw new InputError(
        file,
        tr(lang, 'read.tooManyRows', { file: shownFile(file), limit: LIMITS.dataRows }),
      );
    }
    return { book, format: 'csv' };
  }
  throw new InputError(file, tr(lang, 'rt.importFormat', { file: shownFile(file) }));
}

/** The ruleset a CSV is the table of: the one id of its "Bộ tiêu chí" column. */
function csvRuleset(book: Book, file: string, lang: Lang): string {
  const ids = [
    ...new Set(
      book.targets.map((row) => cellText(row.cells.ruleset ?? null).trim()).filter((id) => id !== ''),
    ),
  ];
  if (ids.length === 0) throw new InputError(file, tr(lang, 'rt.csvNoRuleset', { file: shownFile(file) }));
  if (ids.length > 1) {
    throw new InputError(
      file,
      tr(lang, 'rt.csvSeveralRulesets', { file: shownFile(file), ids: ids.join(', ') }),
    );
  }
  return ids[0] as string;
}

export interface Validated {
  problems: TableProblem[];
}

/**
 * Validates an assembled file as core does: on its own (`parseRuleset`), then with every other ruleset of the
 * run (the registry: ids, periods, an overlay only tightens). Issues come back as problems at their rows.
 */
export function validateAssembled(
  ruleset: RulesetFileJson,
  name: string,
  index: PathIndex,
  rulesets: readonly RulesetInput[],
  lang: Lang,
): TableProblem[] {
  const issues = (run: () => unknown): RulesetIssue[] => {
    try {
      run();
      return [];
    } catch (error) {
      if (error instanceof RulesetError) return [...error.issues];
      throw error;
    }
  };
  const own = issues(() => parseRuleset(ruleset, name));
  if (own.length > 0) return own.map((issue) => issueProblem(issue, index, lang, TARGETS.name));
  const others = rulesets.filter(
    (input) => (input as { ruleset?: { id?: unknown } }).ruleset?.id !== ruleset.id,
  );
  const found = issues(() => getEngine([...others, { file: name, ruleset }]));
  const problems: TableProblem[] = [];
  // The registry's issues on one entry (one per year and extended edition) go to the rows they speak of.
  const byEntry = new Map<string, RulesetIssue[]>();
  for (const issue of found.filter((item) => item.file === name)) {
    byEntry.set(issue.path, [...(byEntry.get(issue.path) ?? []), issue]);
  }
  for (const list of byEntry.values()) {
    const rows = narrowLoosening(list, ruleset, index, lang);
    if (rows) problems.push(...rows);
    else problems.push(...list.map((issue) => issueProblem(issue, index, lang, TARGETS.name)));
  }
  problems.push(
    ...foreignProblems(
      found.filter((issue) => issue.file !== name),
      ruleset,
      index,
      lang,
    ),
  );
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Where the rows of indicator `id` start in the assembled file (for an issue another file reports about it). */
function indicatorPath(ruleset: RulesetFileJson, id: string): string | null {
  if ('criteria' in ruleset && Array.isArray(ruleset.criteria)) {
    for (const [i, criterion] of ruleset.criteria.entries()) {
      const j = criterion.indicators.findIndex((indicator) => indicator.id === id);
      if (j >= 0) return `criteria[${i}].indicators[${j}].test.target`;
    }
  }
  if ('targets' in ruleset && Array.isArray(ruleset.targets)) {
    const i = ruleset.targets.findIndex((entry) => entry.indicator === id);
    if (i >= 0) return `targets[${i}].target`;
  }
  return null;
}

/**
 * Issues the registry finds in the other rulesets of the run because of the imported one (a national target
 * raised above a bundled province overlay's): one problem per ruleset and indicator, at the indicator's rows.
 */
function foreignProblems(
  issues: readonly RulesetIssue[],
  ruleset: RulesetFileJson,
  index: PathIndex,
  lang: Lang,
): TableProblem[] {
  const groups = new Map<string, RulesetIssue[]>();
  for (const issue of issues) {
    const indicator = /^indicator (\S+)/.exec(issue.reason)?.[1] ?? '';
    const key = `${issue.file}\u0000${indicator}`;
    groups.set(key, [...(groups.get(key) ?? []), issue]);
  }
  return [...groups.entries()].map(([key, list]) => {
    const [file, indicator] = key.split('\u0000') as [string, string];
    const first = list[0] as RulesetIssue;
    const path = indicator ? indicatorPath(ruleset, indicator) : null;
    const translated =
      lang === 'en'
        ? looseningReason(first.reason, 'en')
        : (first.reasonVi ?? looseningReason(first.reason, 'vi'));
    const id = knownFiles([]).find((entry) => entry.file === file)?.ruleset.id ?? file;
    const reason = tr(lang, 'rt.conflictsWith', { file: id, reason: translated, more: list.length - 1 });
    return issueProblem({ ...first, path: path ?? '', reason, reasonVi: reason }, index, lang, TARGETS.name);
  });
}

function report(problems: readonly TableProblem[], file: string, io: Io, lang: Lang): RowProblem[] {
  const rows = asRowProblems(problems, shownFile(file), lang);
  reportProblems(rows, io, { lang });
  return rows;
}

/** Writes and keeps --errors (the problems, or only its header); every other output is left as it was. */
async function commitErrorsOnly(outputs: Outputs, rows: readonly RowProblem[], lang: Lang): Promise<void> {
  const errors = outputs.get('--errors');
  if (errors) {
    await errors.write(problemsToCsv(rows, lang));
    await errors.commit();
  }
  await outputs.abort();
}

function jsonText(ruleset: unknown): string {
  return `${JSON.stringify(ruleset, null, 2)}\n`;
}

export async function runRulesImport(
  file: string,
  options: ImportOptions,
  io: Io = processIo,
): Promise<number> {
  const lang = options.lang;
  let outputs: Outputs | null = null;
  try {
    if (!options.out && !options.outDir)
      throw new UsageError(tr(lang, 'rt.giveOut', { example: 'bo-tieu-chi.json' }));
    if (options.out && extname(options.out).toLowerCase() !== '.json') {
      throw new UsageError(tr(lang, 'rt.outExtension', { option: '--out', extensions: '.json' }));
    }
    const inputs = [{ option: tr(lang, 'role.data'), path: file }, ...rulesetRoles(options.ruleset)];
    outputs = await Outputs.open(
      {
        inputs,
        outputs: [
          options.out ? { option: '--out', path: options.out } : null,
          options.errors ? { option: '--errors', path: options.errors } : null,
        ],
      },
      lang,
    );
    const rulesets = await loadRulesetFiles(options.ruleset, lang, io);
    const engine = getEngine(rulesets.length > 0 ? rulesets : undefined);
    const national = nationalOf(engine);
    const files = knownFiles(rulesets);
    const { book, format } = await readBook(file, lang);
    const kindText = book.info.get('kind')?.value;
    const kind = typeof kindText === 'string' ? KINDS.parse(kindText, lang) : null;
    const pending = kind?.ok === true && kind.value === 'pending';

    let results: Array<{ id: string; kind: string; ruleset: RulesetFileJson }> = [];
    let problems: TableProblem[] = [];
    const notices: string[] = [];
    if (pending) {
      const imported = importPending(book, { lang, files, national });
      problems = imported.problems;
      notices.push(...imported.notices);
      if (problems.length === 0) {
        for (const result of imported.results) {
          const found = validateAssembled(result.ruleset, result.id, result.index, rulesets, lang);
          problems.push(...found);
          results.push({
            id: result.id,
            kind: KINDS.format(kindOf(result.ruleset)),
            ruleset: result.ruleset,
          });
        }
      }
      if (problems.length === 0 && results.length === 0) {
        await commitErrorsOnly(outputs, [], lang);
        io.stderr(tr(lang, 'rt.nothingChanged', { file: shownFile(file) }));
        return EXIT.ok;
      }
    } else {
      const frame = format === 'csv' ? findFile(csvRuleset(book, file, lang), files, lang) : null;
      const assembled = assemble(book, { lang, frame, national });
      problems = assembled.problems.list;
      notices.push(...assembled.notices);
      if (problems.length === 0 && assembled.ruleset) {
        const name = options.out ?? `${assembled.ruleset.id}.json`;
        problems = validateAssembled(assembled.ruleset, name, assembled.index, rulesets, lang);
        results = [
          {
            id: assembled.ruleset.id,
            kind: KINDS.format(kindOf(assembled.ruleset)),
            ruleset: assembled.ruleset,
          },
        ];
      }
    }
    for (const notice of notices) io.stderr(notice);
    if (problems.length > 0) {
      // Nothing is written but the list of problems: an earlier --out file stays as it was.
      await commitErrorsOnly(outputs, report(problems, file, io, lang), lang);
      io.stderr(tr(lang, 'rt.importFailed', { file: shownFile(file), count: problems.length }));
      return EXIT.rowErrors;
    }
    if (options.out) {
      if (results.length !== 1) {
        throw new UsageError(
          tr(lang, 'rt.outOrDir', { count: results.length, ids: results.map((r) => r.id).join(', ') }),
        );
      }
      await outputs.get('--out')?.write(jsonText(results[0]?.ruleset));
      await outputs.get('--errors')?.write(problemsToCsv([], lang));
      await outputs.commit();
      io.stderr(
        tr(lang, 'rt.imported', {
          file: shownFile(options.out),
          id: results[0]?.id ?? '',
          kind: results[0]?.kind ?? '',
        }),
      );
      return EXIT.ok;
    }
    // --out-dir: one file per ruleset, at <dir>/<id>.json.
    await commitErrorsOnly(outputs, [], lang);
    const dir = options.outDir as string;
    const targets = results.map((result) => ({ ...result, path: join(dir, `${result.id}.json`) }));
    for (const target of targets) await mkdir(dirname(target.path), { recursive: true });
    const written = await Outputs.open(
      { inputs, outputs: targets.map((target, i) => ({ option: `--out-dir#${i}`, path: target.path })) },
      lang,
    );
    try {
      for (const [i, target] of targets.entries())
        await written.get(`--out-dir#${i}`)?.write(jsonText(target.ruleset));
      await written.commit();
    } catch (error) {
      await written.abort();
      throw error;
    }
    for (const target of targets) {
      io.stderr(tr(lang, 'rt.imported', { file: shownFile(target.path), id: target.id, kind: target.kind }));
    }
    return EXIT.ok;
  } catch (error) {
    await outputs?.abort();
    return usageFailure(error, io, lang);
  }
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

const rulesetOption = (lang: Lang) =>
  new Option(flags('--ruleset', 'placeholder.file', lang), tr(lang, 'help.rules.ruleset'))
    .argParser(collect)
    .default([]);

export function rulesTableCommands(
  io: Io,
  setExit: (code: number) => void,
  lang: Lang = defaultLang(),
): Command[] {
  const exportCommand = new Command('export')
    .summary(tr(lang, 'help.rules.export.summary'))
    .description(tr(lang, 'help.rules.export.description'))
    .argument(`<${tr(lang, 'placeholder.id')}>`, tr(lang, 'help.rules.export.id'))
    .option(flags('--out', 'placeholder.file', lang), tr(lang, 'help.rules.export.out'))
    .addOption(
      choiceOption(
        flags('--format', 'placeholder.format', lang),
        tr(lang, 'help.rules.export.format'),
        ['xlsx', 'csv'],
        lang,
      ),
    )
    .addOption(rulesetOption(lang))
    .addOption(langOption(lang))
    .addHelpText(
      'after',
      examples(
        [
          'ntm rules export vn/xa-ntm/2026-2030 --out bang-tieu-chi.xlsx',
          'ntm rules export vn/xa-nang-cao/2021-2025 --out bang.csv',
          'ntm rules export provinces/nam-dinh/xa-ntm-minh-hoa --ruleset overlay.json --out tinh.xlsx',
        ],
        lang,
      ),
    )
    .action(async (id: string, options: ExportOptions) => setExit(await runRulesExport(id, options, io)));
  const importCommand = new Command('import')
    .summary(tr(lang, 'help.rules.import.summary'))
    .description(tr(lang, 'help.rules.import.description'))
    .argument(`<${tr(lang, 'placeholder.file')}>`, tr(lang, 'help.rules.import.file'))
    .option(flags('--out', 'placeholder.file', lang), tr(lang, 'help.rules.import.out'))
    .option(flags('--out-dir', 'placeholder.folder', lang), tr(lang, 'help.rules.import.outDir'))
    .option(flags('--errors', 'placeholder.csv', lang), tr(lang, 'help.rules.import.errors'))
    .addOption(rulesetOption(lang))
    .addOption(langOption(lang))
    .addHelpText(
      'after',
      examples(
        [
          'ntm rules import bang-tieu-chi.xlsx --out bo-tieu-chi.json',
          'ntm rules import bang.csv --out bo-tieu-chi.json --errors loi.csv',
          'ntm rules import can-doi-chieu.xlsx --out-dir da-sua',
          'ntm evaluate xa.xlsx --level ntm --ruleset bo-tieu-chi.json',
        ],
        lang,
      ),
    )
    .action(async (file: string, options: ImportOptions) => setExit(await runRulesImport(file, options, io)));
  const pendingCommand = new Command('pending')
    .summary(tr(lang, 'help.rules.pending.summary'))
    .description(tr(lang, 'help.rules.pending.description'))
    .option(flags('--out', 'placeholder.xlsx', lang), tr(lang, 'help.rules.pending.out'))
    .addOption(rulesetOption(lang))
    .addOption(langOption(lang))
    .addHelpText(
      'after',
      examples(
        [
          'ntm rules pending --out can-doi-chieu.xlsx',
          'ntm rules import can-doi-chieu.xlsx --out-dir da-sua',
        ],
        lang,
      ),
    )
    .action(async (options: PendingOptions) => setExit(await runRulesPending(options, io)));
  return [exportCommand, importCommand, pendingCommand];
}
