import { extname } from 'node:path';
import { Command, Option } from 'commander';
import { findScorecardBundle } from '../io/scorecard-bundle.js';
import { renderReviewHtml } from '../io/write-html.js';
import { buildReviewWorkbook, workbookBuffer } from '../io/write-xlsx.js';
import { readOwners } from '../owners.js';
import { buildReview } from '../review.js';
import {
  addInputOptions,
  addRuleOptions,
  dataRole,
  EXIT,
  emit,
  examples,
  type Io,
  langOption,
  Outputs,
  parseDate,
  processIo,
  reportProblems,
  rulesetRoles,
  UsageError,
  usageFailure,
  writeProblems,
} from './common.js';
import { type EvaluateCliOptions, evaluateWithOptions, provinceNames } from './evaluate.js';

export interface ReviewCliOptions extends EvaluateCliOptions {
  previous?: string;
  previousAsOf?: string;
  owners?: string;
}

export async function runReview(
  file: string,
  options: ReviewCliOptions,
  io: Io = processIo,
): Promise<number> {
  const lang = options.lang;
  let outputs: Outputs | null = null;
  try {
    if (!options.out) throw new UsageError('give --out report.html or --out report.xlsx');
    const extension = extname(options.out).toLowerCase();
    const format =
      options.format ??
      (extension === '.xlsx' ? 'xlsx' : extension === '.html' || extension === '.htm' ? 'html' : null);
    if (format !== 'html' && format !== 'xlsx') {
      throw new UsageError(`--out must end in .html or .xlsx (got ${options.out})`);
    }
    outputs = await Outputs.open(
      {
        inputs: [
          dataRole(file, lang),
          options.previous ? { option: '--previous', path: options.previous } : null,
          options.owners ? { option: '--owners', path: options.owners } : null,
          ...rulesetRoles(options.ruleset),
        ],
        outputs: [
          { option: '--out', path: options.out },
          options.errors ? { option: '--errors', path: options.errors } : null,
        ],
      },
      lang,
    );
    const owners = options.owners ? await readOwners(options.owners, lang) : null;
    const current = await evaluateWithOptions(file, options);
    const previousAsOf = options.previous ? (options.previousAsOf ?? current.asOf) : null;
    const previous = options.previous
      ? await evaluateWithOptions(options.previous, options, { asOf: previousAsOf as string })
      : null;
    const problems = [...current.problems, ...(previous?.problems ?? [])];
    const review = buildReview({
      lang: options.lang,
      level: options.level,
      asOf: current.asOf,
      evaluations: current.evaluations,
      previous: previous?.evaluations ?? null,
      previousAsOf,
      owners,
      problems,
      files: { current: file, previous: options.previous ?? null, owners: options.owners ?? null },
      provinceNames: provinceNames(),
    });
    let content: string | Uint8Array;
    if (format === 'xlsx') {
      content = await workbookBuffer(await buildReviewWorkbook(review), {
        lang,
        file: options.out,
        onWarning: (text) => io.stderr(text),
      });
    } else {
      const lookup = findScorecardBundle();
      if (!lookup.bundle) io.stderr(`ntm: the report has no interactive scorecards: ${lookup.reason}\n`);
      content = renderReviewHtml(review, {
        bundle: lookup.bundle,
        ...(lookup.bundle ? {} : { bundleReason: lookup.reason }),
      });
    }
    await emit(io, outputs.get('--out'), content, lang);
    await writeProblems(outputs.get('--errors'), problems, lang);
    await outputs.commit();
    const units = new Map([[current.read.file, current.read.unit]]);
    if (previous) units.set(previous.read.file, previous.read.unit);
    reportProblems(problems, io, { lang, units });
    if (review.unknownOwnerIds.length > 0) {
      io.stderr(
        `ntm: ${options.owners} names criteria or indicators that the evaluated tiers do not have: ${review.unknownOwnerIds.join(', ')}\n`,
      );
    }
    const en = options.lang === 'en';
    io.stderr(
      en
        ? `ntm: wrote ${options.out}: ${review.evaluations.length} communes, ${review.gaps.length} indicators not met${review.progress ? `, progress since ${previousAsOf}` : ''}\n`
        : `ntm: đã ghi ${options.out}: ${review.evaluations.length} xã, ${review.gaps.length} lượt chỉ tiêu chưa đạt${review.progress ? `, tiến độ so với ${previousAsOf}` : ''}\n`,
    );
    return problems.length > 0 ? EXIT.rowErrors : EXIT.ok;
  } catch (error) {
    await outputs?.abort();
    return usageFailure(error, io, lang);
  }
}

export function reviewCommand(io: Io, setExit: (code: number) => void): Command {
  const command = new Command('review')
    .summary('write the district review report (HTML or Excel)')
    .description(
      'Write the district review report for a steering-committee meeting: the communes × criteria board, every\n' +
        "commune's scorecard, the unmet indicators with their gaps, what could not be judged and why, progress since\n" +
        'the previous snapshot (--previous) and the remaining gaps by owner (--owners).\n' +
        '--out report.html: ONE self-contained file (no network needed, prints on A4).\n' +
        '--out report.xlsx: a workbook with the matrix, the gaps, and progress when --previous is given.\n' +
        'The previous snapshot is evaluated under the same date and rules as the current one unless --previous-as-of\n' +
        'is given, so that differences come from the data, not from a change of targets.',
    )
    .argument('<current>', 'current data file: .csv, .xlsx or .json');
  addRuleOptions(command, { level: true });
  command
    .requiredOption('--out <file>', 'report.html or report.xlsx')
    .option('--previous <file>', 'the previous snapshot, to show progress')
    .option(
      '--previous-as-of <date>',
      'assessment date for the previous snapshot (default: --as-of)',
      parseDate,
    )
    .option(
      '--owners <owners.csv>',
      'who is responsible for each criterion: columns criterion,owner[,level] (or Tiêu chí,Phụ trách[,Cấp])',
    )
    .option('--require-verified', 'treat targets no source confirms as not evaluable (for official use)')
    .option('--recognition', 'also check the recognition conditions (18/2022/QĐ-TTg)')
    .addOption(
      new Option('--format <format>', 'html or xlsx (default: from --out)').choices(['html', 'xlsx']),
    );
  addInputOptions(command);
  command.addOption(langOption());
  command.addHelpText(
    'after',
    examples([
      'ntm review data-2023-12-31.csv --level nang-cao --as-of 2023-12-31 --province nam-dinh \\',
      '    --previous data-2023-11-15.csv --owners owners.csv --out report.html',
      'ntm review data-2023-12-31.csv --level nang-cao --as-of 2023-12-31 --previous data-2023-11-15.csv \\',
      '    --previous-as-of 2023-11-15 --out report.xlsx',
    ]),
  );
  command.action(async (file: string, options: ReviewCliOptions) => {
    setExit(await runReview(file, options, io));
  });
  return command;
}
