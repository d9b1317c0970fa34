import { extname } from 'node:path';
import { listProvinces } from '@nongthonmoi/core';
import { Command } from 'commander';
import { formatTable } from '../format-table.js';
import type { Lang } from '../i18n.js';
import { findScorecardBundle } from '../io/scorecard-bundle.js';
import { evaluationsToCsv } from '../io/write-csv.js';
import { renderReviewHtml } from '../io/write-html.js';
import { jsonReportChunks } from '../io/write-json.js';
import { buildReviewWorkbook, workbookBuffer } from '../io/write-xlsx.js';
import { defaultLang, tr } from '../messages.js';
import { type EvaluateFileOptions, evaluateFile, type FileEvaluation } from '../pipeline.js';
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
  type RuleOptions,
  reportProblems,
  reportRead,
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
  headerRow?: number;
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
    ...(options.headerRow ? { headerRow: options.headerRow } : {}),
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
    if (format === 'xlsx' && !options.out) throw new UsageError(tr(lang, 'usage.xlsxNeedsOut'));
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
    reportRead(read, io, lang);
    reportProblems(problems, io, { lang, units: new Map([[read.file, read.unit]]) });
    const badRows = new Set(problems.map((p) => p.row)).size;
    if (problems.length > 0) {
      io.stderr(tr(lang, 'status.evaluate.rowErrors', { rows: badRows, evaluated: evaluations.length }));
    }
    if (options.out) {
      io.stderr(tr(lang, 'status.evaluate.wrote', { out: options.out, communes: evaluations.length }));
    }
    return problems.length > 0 ? EXIT.rowErrors : EXIT.ok;
  } catch (error) {
    await outputs?.abort();
    return usageFailure(error, io, lang);
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
