import { extname } from 'node:path';
import { Command } from 'commander';
import type { Lang } from '../i18n.js';
import { findScorecardBundle } from '../io/scorecard-bundle.js';
import { renderReviewHtml } from '../io/write-html.js';
import { buildReviewWorkbook, workbookBuffer } from '../io/write-xlsx.js';
import { defaultLang, tr } from '../messages.js';
import { readOwners } from '../owners.js';
import { buildReview } from '../review.js';
import {
  addInputOptions,
  addRuleOptions,
  choiceOption,
  dataRole,
  EXIT,
  emit,
  examples,
  flags,
  type Io,
  langOption,
  Outputs,
  parseDate,
  processIo,
  reportProblems,
  reportRead,
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
    if (!options.out) throw new UsageError(tr(lang, 'usage.reviewNeedsOut'));
    const extension = extname(options.out).toLowerCase();
    const format =
      options.format ??
      (extension === '.xlsx' ? 'xlsx' : extension === '.html' || extension === '.htm' ? 'html' : null);
    if (format !== 'html' && format !== 'xlsx') {
      throw new UsageError(tr(lang, 'usage.reviewOutExtension', { out: options.out }));
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
      if (!lookup.bundle) io.stderr(tr(lang, 'status.review.noScorecards', { reason: lookup.reason }));
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
    reportRead(current.read, io, lang);
    if (previous) reportRead(previous.read, io, lang);
    reportProblems(problems, io, { lang, units });
    if (review.unknownOwnerIds.length > 0) {
      io.stderr(
        tr(lang, 'status.review.unknownOwners', {
          file: options.owners as string,
          ids: review.unknownOwnerIds.join(', '),
        }),
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

export function reviewCommand(io: Io, setExit: (code: number) => void, lang: Lang = defaultLang()): Command {
  const command = new Command('review')
    .summary(tr(lang, 'help.review.summary'))
    .description(tr(lang, 'help.review.description'))
    .argument(`<${tr(lang, 'placeholder.current')}>`, tr(lang, 'help.review.current'));
  addRuleOptions(command, { level: true, lang });
  command
    .requiredOption(flags('--out', 'placeholder.file', lang), tr(lang, 'help.review.out'))
    .option(flags('--previous', 'placeholder.file', lang), tr(lang, 'help.review.previous'))
    .option(
      flags('--previous-as-of', 'placeholder.date', lang),
      tr(lang, 'help.review.previousAsOf'),
      (value: string) => parseDate(value, lang),
    )
    .option(flags('--owners', 'placeholder.csv', lang), tr(lang, 'help.review.owners'))
    .option('--require-verified', tr(lang, 'help.option.requireVerified'))
    .option('--recognition', tr(lang, 'help.option.recognition'))
    .addOption(
      choiceOption(
        flags('--format', 'placeholder.format', lang),
        tr(lang, 'help.review.format'),
        ['html', 'xlsx'],
        lang,
      ),
    );
  addInputOptions(command, lang);
  command.addOption(langOption(lang));
  command.addHelpText(
    'after',
    examples(
      [
        'ntm review du-lieu-31-12-2023.csv --level "nâng cao" --as-of 31/12/2023 --province "Nam Định" \\',
        '    --previous du-lieu-15-11-2023.csv --previous-as-of 15/11/2023 --owners phu-trach.csv --out bao-cao.html',
        'ntm review du-lieu-31-12-2023.csv --level nang-cao --as-of 2023-12-31 --previous du-lieu-15-11-2023.csv \\',
        '    --previous-as-of 2023-11-15 --out bao-cao.xlsx',
      ],
      lang,
    ),
  );
  command.action(async (file: string, options: ReviewCliOptions) => {
    setExit(await runReview(file, options, io));
  });
  return command;
}
