import { extname } from 'node:path';
import { listProvinces, type RulesetInput } from '@nongthonmoi/core';
import { Command } from 'commander';
import { formatTable } from '../format-table.js';
import type { Lang } from '../i18n.js';
import type { Output } from '../io/output.js';
import { findScorecardBundle } from '../io/scorecard-bundle.js';
import type { RowProblem } from '../io/types.js';
import { resultsCsvHeader } from '../io/write-csv.js';
import { renderReviewHtml } from '../io/write-html.js';
import { type Explain, jsonReportEnd, jsonReportSeparator, jsonReportStart } from '../io/write-json.js';
import { buildReviewWorkbook, workbookBuffer } from '../io/write-xlsx.js';
import { defaultLang, tr } from '../messages.js';
import {
  type EvaluateFileOptions,
  type EvaluationStream,
  evaluateFile,
  type FileEvaluation,
  openEvaluation,
} from '../pipeline.js';
import { buildReview, type ReviewInput } from '../review.js';
import {
  addInputOptions,
  addRuleOptions,
  choiceOption,
  dataRole,
  EXIT,
  emit,
  emitChunks,
  examples,
  flags,
  type Io,
  langOption,
  loadRulesetFiles,
  Outputs,
  processIo,
  progressBar,
  type ReadReport,
  type RuleOptions,
  reportProblems,
  reportRead,
  rulesetRoles,
  UsageError,
  usageFailure,
  wholeNumber,
  writeProblems,
} from './common.js';

export interface EvaluateCliOptions extends RuleOptions {
  level: string;
  format?: string;
  out?: string;
  lang: Lang;
  sheet?: string;
  headerRow?: number;
  ignoreUnknownColumns?: boolean;
  errors?: string;
  /** json and jsonl: compact (default) or full evaluations. */
  explain?: Explain;
  /** Worker threads for csv, json and jsonl (default: the processors, for files of 1 MiB or more). */
  jobs?: number;
}

const FORMATS = ['table', 'json', 'jsonl', 'csv', 'xlsx', 'html'] as const;
const EXPLAINS = ['compact', 'full'] as const;
type Format = (typeof FORMATS)[number];
/** The formats written as the communes are evaluated (the others need every evaluation first). */
const STREAMED = new Set<Format>(['csv', 'json', 'jsonl']);

export function formatFromOut(out: string | undefined): Format | null {
  if (!out) return null;
  const extension = extname(out).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.jsonl' || extension === '.ndjson') return 'jsonl';
  if (extension === '.csv') return 'csv';
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.html' || extension === '.htm') return 'html';
  return null;
}

export function provinceNames(): Map<string, string> {
  return new Map(listProvinces().map((province) => [province.id, province.name]));
}

/** Evaluates one file with the command-line options (shared by evaluate and review). */
/**
 * The options of `ntm evaluate` that say how the file is read and which rules apply, shared by the whole-file and
 * the streamed evaluation.
 */
function readingOptions(
  options: EvaluateCliOptions,
  rulesets: RulesetInput[],
): Omit<EvaluateFileOptions, 'level' | 'asOf' | 'onProgress'> {
  return {
    ...(options.region ? { region: options.region } : {}),
    ...(options.province ? { province: options.province } : {}),
    ...(options.requireVerified ? { requireVerified: true } : {}),
    ...(options.recognition ? { recognition: true } : {}),
    ...(rulesets.length > 0 ? { rulesets } : {}),
    ...(options.sheet ? { sheet: options.sheet } : {}),
    ...(options.headerRow ? { headerRow: options.headerRow } : {}),
    ...(options.ignoreUnknownColumns ? { ignoreUnknownColumns: true } : {}),
    lang: options.lang,
  };
}

export async function evaluateWithOptions(
  file: string,
  options: EvaluateCliOptions,
  extra: { asOf?: string; io?: Io } = {},
): Promise<FileEvaluation> {
  const rulesets = await loadRulesetFiles(options.ruleset, options.lang, extra.io);
  let bar: ReturnType<typeof progressBar> | null = null;
  const fileOptions: EvaluateFileOptions = {
    level: options.level,
    ...((extra.asOf ?? options.asOf) ? { asOf: (extra.asOf ?? options.asOf) as string } : {}),
    ...readingOptions(options, rulesets),
    onProgress: (done, total) => {
      bar ??= progressBar(total, file);
      bar.update(done);
    },
  };
  try {
    return await evaluateFile(file, fileOptions);
  } finally {
    (bar as ReturnType<typeof progressBar> | null)?.stop();
  }
}

export function reviewInputOf(result: FileEvaluation, options: EvaluateCliOptions): ReviewInput {
  return {
    lang: options.lang,
    level: options.level,
    asOf: result.asOf,
    evaluations: result.evaluations,
    problems: result.problems,
    files: { current: result.read.file },
    provinceNames: provinceNames(),
  };
}

export async function runEvaluate(
  file: string,
  options: EvaluateCliOptions,
  io: Io = processIo,
): Promise<number> {
  const lang = options.lang;
  let outputs: Outputs | null = null;
  let stream: EvaluationStream | null = null;
  const bar: { current: ReturnType<typeof progressBar> | null } = { current: null };
  try {
    const format = (options.format as Format | undefined) ?? formatFromOut(options.out) ?? 'table';
    if (format === 'xlsx' && !options.out) throw new UsageError(tr(lang, 'usage.xlsxNeedsOut'));
    if (options.explain && format !== 'json' && format !== 'jsonl')
      throw new UsageError(tr(lang, 'evaluate.explainNotJson', { format }));
    outputs = await Outputs.open(
      {
        inputs: [dataRole(file, lang), ...rulesetRoles(options.ruleset)],
        outputs: [
          options.out ? { option: '--out', path: options.out } : null,
          options.errors ? { option: '--errors', path: options.errors } : null,
        ],
      },
      lang,
    );
    const out = outputs.get('--out');
    let summary: {
      read: ReadReport;
      problems: readonly RowProblem[];
      evaluated: number;
    };
    if (STREAMED.has(format)) {
      stream = await openStreamed(file, options, format as 'csv' | 'json' | 'jsonl', bar, io);
      await writeStreamed(stream, format as 'csv' | 'json' | 'jsonl', options, out, io);
      const source = stream.source;
      summary = {
        read: {
          file: source.file,
          unit: source.unit,
          ignoredColumns: source.ignoredColumns,
          ...(source.sheet !== undefined ? { sheet: source.sheet } : {}),
          ...(source.headerRow !== undefined ? { headerRow: source.headerRow } : {}),
          warnings: stream.warnings(),
        },
        problems: stream.problems(),
        evaluated: stream.evaluated,
      };
    } else {
      const result = await evaluateWithOptions(file, options, { io });
      await emit(io, out, await reviewContent(format, result, options, io), lang);
      summary = { read: result.read, problems: result.problems, evaluated: result.evaluations.length };
    }
    const { problems, evaluated } = summary;
    await writeProblems(outputs.get('--errors'), problems, lang);
    await outputs.commit();
    reportRead(summary.read, io, lang);
    reportProblems(problems, io, { lang, units: new Map([[summary.read.file, summary.read.unit]]) });
    const badRows = new Set(problems.map((p) => p.row)).size;
    if (problems.length > 0) {
      io.stderr(tr(lang, 'status.evaluate.rowErrors', { rows: badRows, evaluated }));
    }
    if (options.out) {
      io.stderr(tr(lang, 'status.evaluate.wrote', { out: options.out, communes: evaluated }));
    }
    return problems.length > 0 ? EXIT.rowErrors : EXIT.ok;
  } catch (error) {
    await outputs?.abort();
    return usageFailure(error, io, lang);
  } finally {
    bar.current?.stop();
    await stream?.close();
  }
}

/** The content of the formats that need every evaluation: the terminal table, the workbook, the HTML report. */
async function reviewContent(
  format: Format,
  result: FileEvaluation,
  options: EvaluateCliOptions,
  io: Io,
): Promise<string | Uint8Array> {
  const lang = options.lang;
  switch (format) {
    case 'xlsx':
      return workbookBuffer(await buildReviewWorkbook(buildReview(reviewInputOf(result, options))), {
        lang,
        file: options.out,
        onWarning: (text) => io.stderr(text),
      });
    case 'html': {
      const lookup = findScorecardBundle();
      return renderReviewHtml(buildReview(reviewInputOf(result, options)), {
        bundle: lookup.bundle,
        ...(lookup.bundle ? {} : { bundleReason: lookup.reason }),
      });
    }
    default:
      return formatTable(result.evaluations, {
        lang: options.lang,
        color: !options.out && process.stdout.isTTY === true && !process.env.NO_COLOR,
      });
  }
}

/** Opens the file for a streamed evaluation with the command-line options. */
async function openStreamed(
  file: string,
  options: EvaluateCliOptions,
  output: 'csv' | 'json' | 'jsonl',
  bar: { current: ReturnType<typeof progressBar> | null },
  io: Io,
): Promise<EvaluationStream> {
  const rulesets = await loadRulesetFiles(options.ruleset, options.lang, io);
  return openEvaluation(file, {
    output,
    ...(options.explain ? { explain: options.explain } : {}),
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    level: options.level,
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...readingOptions(options, rulesets),
    onProgress: (done, total) => {
      bar.current ??= progressBar(total, file);
      bar.current.update(done, total);
    },
  });
}

/**
 * Writes the results as each batch is evaluated, to --out (a temporary file, renamed when complete) or to
 * stdout: the CSV header or the JSON report's head first, then the batches in file order, then (JSON) the
 * counts and the problems.
 */
async function writeStreamed(
  stream: EvaluationStream,
  format: 'csv' | 'json' | 'jsonl',
  options: EvaluateCliOptions,
  out: Output | undefined,
  io: Io,
): Promise<void> {
  const write = (text: string) => emitChunks(out, [text], io);
  if (format === 'csv')
    await write(resultsCsvHeader(stream.csvLayout as NonNullable<typeof stream.csvLayout>));
  if (format === 'json') {
    await write(
      jsonReportStart({
        level: options.level,
        asOf: stream.asOf,
        file: stream.source.file,
        explain: options.explain ?? 'compact',
      }),
    );
  }
  let first = true;
  for await (const batch of stream.results()) {
    if (batch.evaluated === 0) continue;
    await write(format === 'json' ? jsonReportSeparator(first) + batch.text : batch.text);
    first = false;
  }
  if (format === 'json') {
    await write(
      jsonReportEnd({ rows: stream.source.rows, evaluated: stream.evaluated, problems: stream.problems() }),
    );
  }
}

export function evaluateCommand(
  io: Io,
  setExit: (code: number) => void,
  lang: Lang = defaultLang(),
): Command {
  const command = new Command('evaluate')
    .summary(tr(lang, 'help.evaluate.summary'))
    .description(tr(lang, 'help.evaluate.description'))
    .argument(`<${tr(lang, 'placeholder.file')}>`, tr(lang, 'help.evaluate.file'));
  addRuleOptions(command, { level: true, lang });
  command
    .option('--require-verified', tr(lang, 'help.option.requireVerified'))
    .option('--recognition', tr(lang, 'help.option.recognition'))
    .addOption(
      choiceOption(
        flags('--format', 'placeholder.format', lang),
        tr(lang, 'help.evaluate.format'),
        FORMATS,
        lang,
      ),
    )
    .addOption(
      choiceOption(
        flags('--explain', 'placeholder.detail', lang),
        tr(lang, 'help.evaluate.explain'),
        EXPLAINS,
        lang,
      ),
    )
    .option(
      flags('--jobs', 'placeholder.number', lang),
      tr(lang, 'help.evaluate.jobs'),
      wholeNumber(1, 64, lang),
    )
    .option(flags('--out', 'placeholder.file', lang), tr(lang, 'help.evaluate.out'));
  addInputOptions(command, lang);
  command.addOption(langOption(lang));
  command.addHelpText(
    'after',
    examples(
      [
        'ntm evaluate xa.csv --level ntm --as-of 15/11/2023 --province "Nam Định"',
        'ntm evaluate du-lieu.xlsx --sheet "Số liệu" --level "nâng cao" --as-of 31/12/2023',
        'ntm evaluate bao-cao-xa.xlsx --header-row 4 --level ntm --as-of 2023-12-31 --province nam-dinh',
        'ntm evaluate xa.csv --level nang-cao --format json --out ket-qua.json --errors loi.csv',
        'ntm evaluate ca-nuoc.csv --level ntm --as-of 31/12/2025 --format jsonl --out ket-qua.jsonl --jobs 4',
        'ntm evaluate xa.csv --level "kiểu mẫu" --province "Nam Định" --as-of 15/11/2023 --out ket-qua.xlsx',
        'ntm evaluate communes.json --level ntm --region dbsh --lang en',
      ],
      lang,
    ),
  );
  command.action(async (file: string, options: EvaluateCliOptions) => {
    setExit(await runEvaluate(file, options, io));
  });
  return command;
}
