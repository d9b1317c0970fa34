import { extname } from 'node:path';
import { listProvinces } from '@nongthonmoi/core';
import { Command, InvalidArgumentError, Option } from 'commander';
import { formatTable } from '../format-table.js';
import type { Lang } from '../i18n.js';
import type { Output } from '../io/output.js';
import { findScorecardBundle } from '../io/scorecard-bundle.js';
import type { RowProblem } from '../io/types.js';
import { resultsCsvHeader } from '../io/write-csv.js';
import { renderReviewHtml } from '../io/write-html.js';
import { type Explain, jsonReportEnd, jsonReportSeparator, jsonReportStart } from '../io/write-json.js';
import { buildReviewWorkbook, workbookBuffer } from '../io/write-xlsx.js';
import { langFromArgv, tr } from '../messages.js';
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
  dataRole,
  EXIT,
  emit,
  emitChunks,
  examples,
  type Io,
  langOption,
  loadRulesetFiles,
  Outputs,
  processIo,
  progressBar,
  type RuleOptions,
  reportIgnoredColumns,
  reportProblems,
  rulesetRoles,
  UsageError,
  usageFailure,
  writeProblems,
} from './common.js';

export interface EvaluateCliOptions extends RuleOptions {
  level: string;
  format?: string;
  out?: string;
  lang: Lang;
  sheet?: string;
  ignoreUnknownColumns?: boolean;
  errors?: string;
  /** json and jsonl: compact (default) or full evaluations. */
  explain?: Explain;
  /** Worker threads for csv, json and jsonl (default: the processors, for files of 1 MiB or more). */
  jobs?: number;
}

const FORMATS = ['table', 'json', 'jsonl', 'csv', 'xlsx', 'html'] as const;
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
export async function evaluateWithOptions(
  file: string,
  options: EvaluateCliOptions,
  extra: { asOf?: string } = {},
): Promise<FileEvaluation> {
  const rulesets = await loadRulesetFiles(options.ruleset, options.lang);
  let bar: ReturnType<typeof progressBar> | null = null;
  const fileOptions: EvaluateFileOptions = {
    level: options.level,
    ...((extra.asOf ?? options.asOf) ? { asOf: (extra.asOf ?? options.asOf) as string } : {}),
    ...(options.region ? { region: options.region } : {}),
    ...(options.province ? { province: options.province } : {}),
    ...(options.requireVerified ? { requireVerified: true } : {}),
    ...(options.recognition ? { recognition: true } : {}),
    ...(rulesets.length > 0 ? { rulesets } : {}),
    ...(options.sheet ? { sheet: options.sheet } : {}),
    ...(options.ignoreUnknownColumns ? { ignoreUnknownColumns: true } : {}),
    lang: options.lang,
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
    if (format === 'xlsx' && !options.out)
      throw new UsageError('--format xlsx writes a workbook: give --out <file.xlsx>');
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
      problems: readonly RowProblem[];
      evaluated: number;
      ignoredColumns: readonly string[];
      unit: 'row' | 'item';
      file: string;
    };
    if (STREAMED.has(format)) {
      stream = await openStreamed(file, options, format as 'csv' | 'json' | 'jsonl', bar);
      await writeStreamed(stream, format as 'csv' | 'json' | 'jsonl', options, out, io);
      const source = stream.source;
      summary = {
        problems: stream.problems(),
        evaluated: stream.evaluated,
        ignoredColumns: source.ignoredColumns,
        unit: source.unit,
        file: source.file,
      };
    } else {
      const result = await evaluateWithOptions(file, options);
      await emit(io, out, await reviewContent(format, result, options, io), lang);
      summary = {
        problems: result.problems,
        evaluated: result.evaluations.length,
        ignoredColumns: result.read.ignoredColumns,
        unit: result.read.unit,
        file: result.read.file,
      };
    }
    const { problems, evaluated } = summary;
    await writeProblems(outputs.get('--errors'), problems, lang);
    await outputs.commit();
    reportProblems(problems, io, { lang, units: new Map([[summary.file, summary.unit]]) });
    reportIgnoredColumns(summary.ignoredColumns, io, lang);
    const badRows = new Set(problems.map((p) => p.row)).size;
    if (problems.length > 0) {
      io.stderr(
        options.lang === 'en'
          ? `ntm: ${badRows} row(s) with errors were not evaluated; ${evaluated} commune(s) evaluated.\n`
          : `ntm: ${badRows} dòng có lỗi, không được đánh giá; đã đánh giá ${evaluated} xã.\n`,
      );
    }
    if (options.out) {
      io.stderr(
        options.lang === 'en'
          ? `ntm: wrote ${options.out} (${evaluated} communes)\n`
          : `ntm: đã ghi ${options.out} (${evaluated} xã)\n`,
      );
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
): Promise<EvaluationStream> {
  const rulesets = await loadRulesetFiles(options.ruleset, options.lang);
  return openEvaluation(file, {
    output,
    ...(options.explain ? { explain: options.explain } : {}),
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    level: options.level,
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.region ? { region: options.region } : {}),
    ...(options.province ? { province: options.province } : {}),
    ...(options.requireVerified ? { requireVerified: true } : {}),
    ...(options.recognition ? { recognition: true } : {}),
    ...(rulesets.length > 0 ? { rulesets } : {}),
    ...(options.sheet ? { sheet: options.sheet } : {}),
    ...(options.ignoreUnknownColumns ? { ignoreUnknownColumns: true } : {}),
    lang: options.lang,
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

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
    throw new InvalidArgumentError(tr(langFromArgv(process.argv.slice(2)), 'evaluate.jobsInvalid'));
  }
  return jobs;
}

export function evaluateCommand(io: Io, setExit: (code: number) => void): Command {
  const command = new Command('evaluate')
    .summary('evaluate every commune of a data file (CSV, Excel or JSON)')
    .description(
      'Evaluate every commune (one per row) against the tier given by --level, under the edition in force on --as-of.\n' +
        'Rows with errors are reported on stderr (file, row, column, value, reason) and left out; the others are evaluated.\n' +
        'Exit code: 0 all rows evaluated, 1 some rows had errors, 2 usage error or unreadable file.',
    )
    .argument('<file>', 'data file: .csv, .xlsx or .json');
  addRuleOptions(command, { level: true });
  command
    .option('--require-verified', 'treat targets no source confirms as not evaluable (for official use)')
    .option('--recognition', 'also check the recognition conditions (18/2022/QĐ-TTg)')
    .addOption(
      new Option(
        '--format <format>',
        'output: table (terminal summary), json, jsonl (one commune per line), csv, xlsx or html (default: from --out, else table)',
      ).choices([...FORMATS]),
    )
    .addOption(
      new Option(
        '--explain <detail>',
        'json, jsonl: compact (statuses, values and gaps; default) or full (every target, citation and reason)',
      ).choices(['compact', 'full']),
    )
    .addOption(
      new Option(
        '--jobs <n>',
        'csv, json, jsonl: evaluate on n threads (default: the number of processors, for files of 1 MiB or more)',
      ).argParser(parseJobs),
    )
    .option('--out <file>', 'write the output to this file instead of stdout');
  addInputOptions(command);
  command.addOption(langOption());
  command.addHelpText(
    'after',
    examples([
      'ntm evaluate xa.csv --level ntm --as-of 2023-11-15 --province nam-dinh',
      'ntm evaluate du-lieu.xlsx --sheet "Số liệu" --level nang-cao --as-of 2023-12-31',
      'ntm evaluate xa.csv --level nang-cao --format json --out ket-qua.json --errors loi.csv',
      'ntm evaluate ca-nuoc.csv --level ntm --as-of 2025-12-31 --format jsonl --out ket-qua.jsonl --jobs 4',
      'ntm evaluate xa.csv --level kieu-mau --province nam-dinh --format xlsx --out ket-qua.xlsx',
      'ntm evaluate communes.json --level ntm --region dbsh --lang en',
    ]),
  );
  command.action(async (file: string, options: EvaluateCliOptions) => {
    setExit(await runEvaluate(file, options, io));
  });
  return command;
}
