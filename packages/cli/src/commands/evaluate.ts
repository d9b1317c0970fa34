import { extname } from 'node:path';
import { listProvinces } from '@nongthonmoi/core';
import { Command, Option } from 'commander';
import { formatTable } from '../format-table.js';
import type { Lang } from '../i18n.js';
import { findScorecardBundle } from '../io/scorecard-bundle.js';
import { evaluationsToCsv } from '../io/write-csv.js';
import { renderReviewHtml } from '../io/write-html.js';
import { jsonReportChunks } from '../io/write-json.js';
import { buildReviewWorkbook, workbookBuffer } from '../io/write-xlsx.js';
import { type EvaluateFileOptions, evaluateFile, type FileEvaluation } from '../pipeline.js';
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
}

const FORMATS = ['table', 'json', 'csv', 'xlsx', 'html'] as const;
type Format = (typeof FORMATS)[number];

export function formatFromOut(out: string | undefined): Format | null {
  if (!out) return null;
  const extension = extname(out).toLowerCase();
  if (extension === '.json') return 'json';
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
  extra: { asOf?: string; io?: Io } = {},
): Promise<FileEvaluation> {
  const rulesets = await loadRulesetFiles(options.ruleset, options.lang, extra.io);
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
  try {
    const format = (options.format as Format | undefined) ?? formatFromOut(options.out) ?? 'table';
    if (format === 'xlsx' && !options.out)
      throw new UsageError('--format xlsx writes a workbook: give --out <file.xlsx>');
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
    const result = await evaluateWithOptions(file, options, { io });
    const { evaluations, problems, read } = result;
    let content: string | Uint8Array | null = null;
    switch (format) {
      case 'json':
        await emitChunks(
          out,
          jsonReportChunks({
            level: options.level,
            asOf: result.asOf,
            file: read.file,
            rows: read.rows,
            evaluations,
            evaluationRows: result.rows,
            problems,
          }),
          io,
        );
        break;
      case 'csv':
        content = evaluationsToCsv(evaluations, result.rows);
        break;
      case 'xlsx':
        content = await workbookBuffer(
          await buildReviewWorkbook(buildReview(reviewInputOf(result, options))),
          {
            lang,
            file: options.out,
            onWarning: (text) => io.stderr(text),
          },
        );
        break;
      case 'html': {
        const lookup = findScorecardBundle();
        content = renderReviewHtml(buildReview(reviewInputOf(result, options)), {
          bundle: lookup.bundle,
          ...(lookup.bundle ? {} : { bundleReason: lookup.reason }),
        });
        break;
      }
      default:
        content = formatTable(evaluations, {
          lang: options.lang,
          color: !options.out && process.stdout.isTTY === true && !process.env.NO_COLOR,
        });
    }
    if (content !== null) await emit(io, out, content, lang);
    await writeProblems(outputs.get('--errors'), problems, lang);
    await outputs.commit();
    reportProblems(problems, io, { lang, units: new Map([[read.file, read.unit]]) });
    reportIgnoredColumns(read.ignoredColumns, io, lang);
    const badRows = new Set(problems.map((p) => p.row)).size;
    if (problems.length > 0) {
      io.stderr(
        options.lang === 'en'
          ? `ntm: ${badRows} row(s) with errors were not evaluated; ${evaluations.length} commune(s) evaluated.\n`
          : `ntm: ${badRows} dòng có lỗi, không được đánh giá; đã đánh giá ${evaluations.length} xã.\n`,
      );
    }
    if (options.out) {
      io.stderr(
        options.lang === 'en'
          ? `ntm: wrote ${options.out} (${evaluations.length} communes)\n`
          : `ntm: đã ghi ${options.out} (${evaluations.length} xã)\n`,
      );
    }
    return problems.length > 0 ? EXIT.rowErrors : EXIT.ok;
  } catch (error) {
    await outputs?.abort();
    return usageFailure(error, io, lang);
  }
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
        'output: table (terminal summary), json, csv, xlsx or html (default: from --out, else table)',
      ).choices([...FORMATS]),
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
      'ntm evaluate xa.csv --level kieu-mau --province nam-dinh --format xlsx --out ket-qua.xlsx',
      'ntm evaluate communes.json --level ntm --region dbsh --lang en',
    ]),
  );
  command.action(async (file: string, options: EvaluateCliOptions) => {
    setExit(await runEvaluate(file, options, io));
  });
  return command;
}
