import { extname } from 'node:path';
import { Command } from 'commander';
import { formatReviewSummary } from '../format-table.js';
import type { Lang } from '../i18n.js';
import { dictionaryFor } from '../io/columns.js';
import { readCommunes } from '../io/read.js';
import { type DossierRead, readDossier } from '../io/read-dossier.js';
import { findScorecardBundle } from '../io/scorecard-bundle.js';
import { type DateSource, dateInData, dateInFileName } from '../io/snapshot-date.js';
import { shownFile } from '../io/text.js';
import type { ReadResult } from '../io/types.js';
import { renderReviewHtml } from '../io/write-html.js';
import { buildReviewWorkbook, workbookBuffer } from '../io/write-xlsx.js';
import { defaultLang, tr } from '../messages.js';
import { readOwners } from '../owners.js';
import { type EvaluateFileOptions, evaluateRead, type FileEvaluation, today } from '../pipeline.js';
import { buildReview, type SnapshotInput } from '../review.js';
import { reviewDocumentJson } from '../review-document.js';
import { formatDate, isTimeZone } from '../review-words.js';
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
  loadRulesetFiles,
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
import { type EvaluateCliOptions, provinceNames } from './evaluate.js';
import { wholeNumberParser } from './options.js';

export interface ReviewCliOptions extends EvaluateCliOptions {
  /** Earlier snapshots (a single file is accepted too). */
  previous?: string | string[];
  /**
   * The date of each earlier snapshot, aligned with `previous` (undefined where it is inferred); a single
   * date applies to a single previous file.
   */
  previousAsOf?: string | Array<string | undefined>;
  deadline?: string;
  margin?: number;
  dossier?: string;
  owners?: string;
  illustrative?: boolean;
  timeZone?: string;
}

type Format = 'html' | 'xlsx' | 'json';

function formatOf(out: string, given: string | undefined): Format | null {
  if (given === 'html' || given === 'xlsx' || given === 'json') return given;
  const extension = extname(out).toLowerCase();
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.html' || extension === '.htm') return 'html';
  if (extension === '.json') return 'json';
  return null;
}

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * The day a snapshot describes: the date given on the command line, else the file's date column, else a date
 * in its name. For the current file, today when none is known (as `evaluate` does); for an earlier file,
 * a refusal that asks for the date, since a wrong date would mislead the whole comparison.
 */
function snapshotDate(
  read: ReadResult,
  given: string | undefined,
  role: { option: '--as-of' | '--previous-as-of'; current: boolean },
  lang: Lang,
  io: Io,
): { asOf: string; source: DateSource } {
  const file = shownFile(read.file);
  const data = dateInData(read);
  if (data.kind === 'mixed' && !given) {
    const dates = data.dates
      .map((d) => `${formatDate(d.date, lang)}${d.row ? ` (${d.row})` : ''}`)
      .join(', ');
    throw new UsageError(tr(lang, 'review.dataDatesMixed', { file, dates }));
  }
  if (given) {
    if (data.kind === 'date' && data.date !== given) {
      io.stderr(
        tr(lang, 'review.dataDateDiffers', {
          file,
          option: role.option,
          given: formatDate(given, lang),
          data: formatDate(data.date, lang),
        }),
      );
    }
    return { asOf: given, source: 'option' };
  }
  if (data.kind === 'date') return { asOf: data.date, source: 'data' };
  const named = dateInFileName(read.file);
  if (named.kind === 'date') return { asOf: named.date, source: 'file-name' };
  if (named.kind === 'unclear') {
    throw new UsageError(
      tr(lang, role.current ? 'review.currentDateUnclear' : 'review.previousDateUnclear', {
        file,
        found: named.found.join(', '),
      }),
    );
  }
  if (role.current) return { asOf: today(), source: 'today' };
  throw new UsageError(tr(lang, 'review.previousDateUnknown', { file }));
}

function sourceWords(source: DateSource, lang: Lang): string {
  return tr(
    lang,
    source === 'data'
      ? 'review.sourceData'
      : source === 'file-name'
        ? 'review.sourceFileName'
        : 'review.sourceToday',
  );
}

export async function runReview(
  file: string,
  options: ReviewCliOptions,
  io: Io = processIo,
): Promise<number> {
  const lang = options.lang;
  let outputs: Outputs | null = null;
  try {
    if (!options.out) throw new UsageError(tr(lang, 'review.outRequired'));
    const format = formatOf(options.out, options.format);
    if (!format) throw new UsageError(tr(lang, 'review.outExtension', { out: options.out }));
    if (options.timeZone && !isTimeZone(options.timeZone)) {
      throw new UsageError(tr(lang, 'review.badTimeZone', { zone: options.timeZone }));
    }
    const previousFiles = list(options.previous);
    const previousDates = list(options.previousAsOf);
    if (previousDates.length > previousFiles.length) {
      throw new UsageError(
        tr(lang, 'review.asOfWithoutPrevious', { date: String(previousDates[previousFiles.length]) }),
      );
    }
    outputs = await Outputs.open(
      {
        inputs: [
          dataRole(file, lang),
          ...previousFiles.map((path) => ({ option: '--previous', path })),
          options.owners ? { option: '--owners', path: options.owners } : null,
          options.dossier ? { option: '--dossier', path: options.dossier } : null,
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
    const rulesets = await loadRulesetFiles(options.ruleset, lang);
    const dictionary = dictionaryFor(rulesets);
    const readOptions = {
      lang,
      ...(options.sheet ? { sheet: options.sheet } : {}),
      ...(options.ignoreUnknownColumns ? { ignoreUnknownColumns: true } : {}),
    };
    const evaluateOptions = (asOf: string): EvaluateFileOptions => ({
      level: options.level,
      asOf,
      lang,
      ...(options.region ? { region: options.region } : {}),
      ...(options.province ? { province: options.province } : {}),
      ...(options.requireVerified ? { requireVerified: true } : {}),
      ...(options.recognition ? { recognition: true } : {}),
      ...(rulesets.length > 0 ? { rulesets } : {}),
    });

    // Every file is read before any date is asked for: a missing file is the first thing to fix.
    const currentRead = await readCommunes(file, dictionary, readOptions);
    const previousReads: ReadResult[] = [];
    for (const path of previousFiles) previousReads.push(await readCommunes(path, dictionary, readOptions));
    const dossier: DossierRead | null = options.dossier ? await readDossier(options.dossier, lang) : null;

    const currentDate = snapshotDate(
      currentRead,
      options.asOf,
      { option: '--as-of', current: true },
      lang,
      io,
    );
    const dated = previousReads.map((read, index) => ({
      read,
      ...snapshotDate(read, previousDates[index], { option: '--previous-as-of', current: false }, lang, io),
    }));
    const byDate = new Map<string, string>([[currentDate.asOf, currentRead.file]]);
    for (const snapshot of dated) {
      const other = byDate.get(snapshot.asOf);
      if (other !== undefined) {
        throw new UsageError(
          tr(lang, 'review.sameDate', {
            first: shownFile(other),
            second: shownFile(snapshot.read.file),
            date: formatDate(snapshot.asOf, lang),
          }),
        );
      }
      if (snapshot.asOf > currentDate.asOf) {
        throw new UsageError(
          tr(lang, 'review.previousAfterCurrent', {
            file: shownFile(snapshot.read.file),
            date: formatDate(snapshot.asOf, lang),
            current: formatDate(currentDate.asOf, lang),
          }),
        );
      }
      byDate.set(snapshot.asOf, snapshot.read.file);
    }

    // Each snapshot is evaluated under the rules in force on its own day.
    const current: FileEvaluation = evaluateRead(currentRead, evaluateOptions(currentDate.asOf));
    const earlier = dated.map((snapshot) => ({
      ...snapshot,
      result: evaluateRead(snapshot.read, evaluateOptions(snapshot.asOf)),
    }));
    const snapshots: SnapshotInput[] = earlier.map((snapshot) => ({
      file: snapshot.read.file,
      asOf: snapshot.asOf,
      dateSource: snapshot.source,
      evaluations: snapshot.result.evaluations,
    }));
    const problems = [...current.problems, ...earlier.flatMap((snapshot) => snapshot.result.problems)];
    const review = buildReview({
      lang,
      level: options.level,
      asOf: currentDate.asOf,
      dateSource: currentDate.source,
      evaluations: current.evaluations,
      snapshots,
      deadline: options.deadline ?? null,
      ...(options.margin !== undefined ? { margin: options.margin } : {}),
      dossier,
      owners,
      problems,
      files: { current: file, owners: options.owners ?? null },
      provinceNames: provinceNames(),
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      illustrative: options.illustrative === true,
    });

    let content: string | Uint8Array;
    if (format === 'xlsx') {
      content = await workbookBuffer(await buildReviewWorkbook(review), {
        lang,
        file: options.out,
        onWarning: (text) => io.stderr(text),
      });
    } else if (format === 'json') {
      content = reviewDocumentJson(review);
    } else {
      const lookup = findScorecardBundle();
      if (!lookup.bundle) io.stderr(tr(lang, 'review.noBundle', { why: lookup.reason }));
      content = renderReviewHtml(review, {
        bundle: lookup.bundle,
        ...(lookup.bundle ? {} : { bundleReason: lookup.reason }),
      });
    }
    await emit(io, outputs.get('--out'), content, lang);
    await writeProblems(outputs.get('--errors'), review.problems, lang);
    await outputs.commit();

    for (const snapshot of [{ read: currentRead, ...currentDate }, ...dated]) {
      if (snapshot.source === 'option') continue;
      io.stderr(
        tr(lang, 'review.dateSource', {
          file: shownFile(snapshot.read.file),
          date: formatDate(snapshot.asOf, lang),
          source: sourceWords(snapshot.source, lang),
        }),
      );
    }
    const units = new Map<string, 'row' | 'item'>([[currentRead.file, currentRead.unit]]);
    for (const snapshot of dated) units.set(snapshot.read.file, snapshot.read.unit);
    if (dossier) units.set(dossier.file, dossier.unit);
    reportProblems(review.problems, io, { lang, units });
    for (const read of [currentRead, ...previousReads]) reportRead(read, io, lang);
    if (dossier && dossier.ignoredColumns.length > 0) {
      io.stderr(
        tr(lang, 'dossier.ignoredColumns', {
          file: shownFile(dossier.file),
          columns: dossier.ignoredColumns.map((c) => `"${c}"`).join(', '),
        }),
      );
    }
    if (review.unknownOwnerIds.length > 0) {
      io.stderr(
        tr(lang, 'review.unknownOwnerIds', {
          file: shownFile(options.owners ?? ''),
          ids: review.unknownOwnerIds.join(', '),
        }),
      );
    }
    io.stdout(formatReviewSummary(review, { color: process.stdout.isTTY === true && !process.env.NO_COLOR }));
    io.stderr(
      tr(lang, 'review.wrote', {
        out: options.out,
        communes: review.evaluations.length,
        gaps: review.gaps.length,
        since: review.previousAsOf ? formatDate(review.previousAsOf, lang) : '',
      }),
    );
    return review.problems.length > 0 ? EXIT.rowErrors : EXIT.ok;
  } catch (error) {
    await outputs?.abort();
    return usageFailure(error, io, lang);
  }
}

export function reviewCommand(io: Io, setExit: (code: number) => void, lang: Lang = defaultLang()): Command {
  // --previous-as-of applies to the --previous given just before it: the order on the command line counts.
  const order: Array<{ kind: 'file' | 'date'; value: string }> = [];
  const command = new Command('review')
    .summary(tr(lang, 'help.review.summary'))
    .description(tr(lang, 'help.review.description'))
    .argument(`<${tr(lang, 'placeholder.current')}>`, tr(lang, 'help.review.current'));
  // Each snapshot's date may come from its data: the checks that need a date wait for it.
  addRuleOptions(command, { level: true, lang, datesFromData: true });
  command
    .requiredOption(flags('--out', 'placeholder.file', lang), tr(lang, 'help.review.out'))
    .option(
      flags('--previous', 'placeholder.file', lang),
      tr(lang, 'help.review.previous'),
      (value: string, previous: string[] = []) => {
        order.push({ kind: 'file', value });
        return [...previous, value];
      },
    )
    .option(
      flags('--previous-as-of', 'placeholder.date', lang),
      tr(lang, 'help.review.previousAsOf'),
      (value: string, previous: string[] = []) => {
        const date = parseDate(value, lang);
        order.push({ kind: 'date', value: date });
        return [...previous, date];
      },
    )
    .option(
      flags('--deadline', 'placeholder.date', lang),
      tr(lang, 'help.review.deadline'),
      (value: string) => parseDate(value, lang),
    )
    .option(
      flags('--margin', 'placeholder.number', lang),
      tr(lang, 'help.review.margin'),
      wholeNumberParser(0, 3650, lang),
    )
    .option(flags('--dossier', 'placeholder.file', lang), tr(lang, 'help.review.dossier'))
    .option(flags('--owners', 'placeholder.csv', lang), tr(lang, 'help.review.owners'))
    .option('--require-verified', tr(lang, 'help.option.requireVerified'))
    .option('--recognition', tr(lang, 'help.option.recognition'))
    .option('--illustrative', tr(lang, 'help.review.illustrative'))
    .option('--time-zone <zone>', tr(lang, 'help.review.timeZone'))
    .addOption(
      choiceOption(
        flags('--format', 'placeholder.format', lang),
        tr(lang, 'help.review.format'),
        ['html', 'xlsx', 'json'],
        lang,
      ),
    );
  addInputOptions(command, lang);
  command.addOption(langOption(lang));
  command.addHelpText(
    'after',
    examples(
      [
        'ntm review du-lieu-15-11-2023.csv --level "nâng cao" --province "Nam Định" \\',
        '    --previous du-lieu-15-08-2023.csv --previous du-lieu-01-10-2023.csv --deadline 31/12/2023 \\',
        '    --dossier ho-so-15-11-2023.csv --owners phu-trach.csv --out bao-cao.html',
        'ntm review so-lieu.xlsx --level nang-cao --as-of 31/12/2023 --previous ky-truoc.xlsx \\',
        '    --previous-as-of 15/11/2023 --out bao-cao.xlsx',
        'ntm review du-lieu-15-11-2023.csv --level nang-cao --previous du-lieu-01-10-2023.csv --deadline 31/12/2023 \\',
        '    --out ra-soat.json',
      ],
      lang,
    ),
  );
  command.action(async (file: string, options: ReviewCliOptions) => {
    // Pair each --previous-as-of with the --previous before it.
    const dates: Array<string | undefined> = [];
    let stray: string | null = null;
    for (const item of order) {
      if (item.kind === 'file') dates.push(undefined);
      else if (dates.length === 0 || dates[dates.length - 1] !== undefined) stray ??= item.value;
      else dates[dates.length - 1] = item.value;
    }
    if (stray !== null) {
      setExit(
        usageFailure(
          new UsageError(tr(options.lang, 'review.asOfWithoutPrevious', { date: stray })),
          io,
          options.lang,
        ),
      );
      return;
    }
    setExit(await runReview(file, { ...options, previousAsOf: dates }, io));
  });
  return command;
}
