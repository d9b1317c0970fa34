import { extname } from 'node:path';
import { getEngine, parseRuleset, RulesetError, type RulesetIssue } from '@nongthonmoi/core';
import { Command } from 'commander';
import type { Lang } from '../i18n.js';
import { dictionaryFor } from '../io/columns.js';
import { readBytes, readCommunes } from '../io/read.js';
import { decodeText } from '../io/read-csv.js';
import { jsonSyntaxWhy } from '../io/read-json.js';
import { shownFile } from '../io/text.js';
import type { RowProblem } from '../io/types.js';
import { defaultLang, tr } from '../messages.js';
import { evaluateRead } from '../pipeline.js';
import { escapeControls } from '../safe-text.js';
import {
  addInputOptions,
  addRuleOptions,
  dataRole,
  EXIT,
  examples,
  flags,
  type Io,
  langOption,
  loadRulesetFiles,
  Outputs,
  parseLevel,
  processIo,
  type RuleOptions,
  reportProblems,
  reportRead,
  rulesetIssueLine,
  rulesetRoles,
  usageFailure,
  writeProblems,
} from './common.js';

export interface ValidateCliOptions extends RuleOptions {
  lang: Lang;
  sheet?: string;
  headerRow?: number;
  ignoreUnknownColumns?: boolean;
  errors?: string;
}

/** A ruleset file is a JSON object with the keys of an edition, an amendment or an overlay. */
export function looksLikeRuleset(data: unknown): boolean {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
  const keys = new Set(Object.keys(data));
  if (keys.has('communes') || keys.has('values')) return false;
  return (
    keys.has('criteria') ||
    keys.has('extends') ||
    keys.has('amends') ||
    (keys.has('family') && keys.has('effective')) ||
    (keys.has('jurisdiction') && keys.has('level'))
  );
}

function issueLines(issues: readonly RulesetIssue[], lang: Lang): string {
  return issues
    .map(
      (issue) => `${rulesetIssueLine(issue, lang)}
`,
    )
    .join('');
}

async function validateRuleset(
  file: string,
  data: unknown,
  options: ValidateCliOptions,
  io: Io,
): Promise<number> {
  let parsed: ReturnType<typeof parseRuleset>;
  try {
    parsed = parseRuleset(data, file);
  } catch (error) {
    if (!(error instanceof RulesetError)) throw error;
    io.stderr(issueLines(error.issues, options.lang));
    io.stderr(
      tr(options.lang, 'status.validate.rulesetProblems', {
        file: shownFile(file),
        count: error.issues.length,
      }),
    );
    return EXIT.rowErrors;
  }
  // Checks across files: the edition an overlay extends exists, overlays only tighten, ids are unique…
  const others = await loadRulesetFiles(options.ruleset, options.lang, io);
  try {
    getEngine([...others, { file, ruleset: data }]);
  } catch (error) {
    if (!(error instanceof RulesetError)) throw error;
    io.stderr(issueLines(error.issues, options.lang));
    io.stderr(
      tr(options.lang, 'status.validate.bundledProblems', {
        file: shownFile(file),
        count: error.issues.length,
      }),
    );
    return EXIT.rowErrors;
  }
  const d = parsed.data as {
    id: string;
    level: string;
    effective: { from: string; to?: string | null };
    extends?: string | string[];
    amends?: string;
    targets?: unknown[];
    indicators?: unknown[];
    criteria?: Array<{ indicators: unknown[] }>;
  };
  const lang = options.lang;
  const parts = [
    `${tr(lang, 'status.validate.kind', { kind: parsed.kind })} ${d.id}`,
    tr(lang, 'status.validate.level', { level: d.level }),
    `${d.effective.from} – ${d.effective.to ?? '…'}`,
    d.extends ? tr(lang, 'status.validate.extends', { ids: [d.extends].flat().join(', ') }) : '',
    d.amends ? tr(lang, 'status.validate.amends', { id: d.amends }) : '',
    d.targets ? tr(lang, 'status.validate.targets', { count: d.targets.length }) : '',
    d.indicators ? tr(lang, 'status.validate.addedIndicators', { count: d.indicators.length }) : '',
    d.criteria
      ? tr(lang, 'status.validate.criteria', {
          criteria: d.criteria.length,
          indicators: d.criteria.reduce((n, c) => n + c.indicators.length, 0),
        })
      : '',
  ].filter(Boolean);
  io.stdout(`${escapeControls(tr(lang, 'status.validate.rulesetOk', { file, parts: parts.join(', ') }))}\n`);
  return EXIT.ok;
}

async function validateData(
  file: string,
  options: ValidateCliOptions,
  io: Io,
  found: RowProblem[],
): Promise<number> {
  const en = options.lang === 'en';
  const rulesets = await loadRulesetFiles(options.ruleset, options.lang, io);
  const read = await readCommunes(file, dictionaryFor(rulesets), {
    ...(options.sheet ? { sheet: options.sheet } : {}),
    ...(options.headerRow ? { headerRow: options.headerRow } : {}),
    ...(options.ignoreUnknownColumns ? { ignoreUnknownColumns: true } : {}),
    lang: options.lang,
  });
  let problems: RowProblem[] = read.problems;
  if (options.level) {
    const evaluated = evaluateRead(read, {
      level: options.level,
      ...(options.asOf ? { asOf: options.asOf } : {}),
      ...(options.region ? { region: options.region } : {}),
      ...(options.province ? { province: options.province } : {}),
      ...(rulesets.length > 0 ? { rulesets } : {}),
      lang: options.lang,
    });
    problems = evaluated.problems;
  }
  found.push(...problems);
  reportRead(read, io, options.lang);
  reportProblems(problems, io, { lang: options.lang, units: new Map([[read.file, read.unit]]) });
  const badRows = new Set(problems.map((p) => p.row)).size;
  const measures = read.columns.filter((c) => c.target.kind === 'measure').length;
  const name = shownFile(file);
  const summary = en
    ? `${name}: ${read.rows} row(s), ${read.format === 'json' ? 'JSON' : `${measures} measure column(s)`}${read.sheet ? `, sheet "${read.sheet}"` : ''}; ${problems.length === 0 ? 'no problem' : `${problems.length} problem(s) in ${badRows} row(s)`}`
    : `${name}: ${read.rows} dòng, ${read.format === 'json' ? 'JSON' : `${measures} cột chỉ tiêu`}${read.sheet ? `, trang "${read.sheet}"` : ''}; ${problems.length === 0 ? 'không có lỗi' : `${problems.length} lỗi ở ${badRows} dòng`}`;
  (problems.length === 0 ? io.stdout : io.stderr)(`${summary}\n`);
  if (!options.level && problems.length === 0) {
    io.stdout(
      en
        ? '(add --level and --as-of to also check each row against the edition: region, province, categories)\n'
        : '(thêm --level và --as-of để kiểm tra thêm từng dòng theo bộ tiêu chí: vùng, tỉnh, loại xã)\n',
    );
  }
  return problems.length > 0 ? EXIT.rowErrors : EXIT.ok;
}

export async function runValidate(
  files: string[],
  options: ValidateCliOptions,
  io: Io = processIo,
): Promise<number> {
  const lang = options.lang;
  let outputs: Outputs;
  try {
    outputs = await Outputs.open(
      {
        inputs: [...files.map((file) => dataRole(file, lang)), ...rulesetRoles(options.ruleset)],
        outputs: [options.errors ? { option: '--errors', path: options.errors } : null],
      },
      lang,
    );
  } catch (error) {
    return usageFailure(error, io, lang);
  }
  let worst: number = EXIT.ok;
  // Every problem of every data file, for one errors.csv.
  const found: RowProblem[] = [];
  let read = 0;
  try {
    for (const file of files) {
      let code: number;
      try {
        if (extname(file).toLowerCase() === '.json') {
          const text = decodeText(await readBytes(file, { lang }), file, lang);
          let data: unknown;
          try {
            data = JSON.parse(text);
          } catch (error) {
            io.stderr(
              `ntm: ${tr(lang, 'ruleset.invalidJson', { file: shownFile(file), why: jsonSyntaxWhy(error as Error, text, lang) })}\n`,
            );
            worst = Math.max(worst, EXIT.usage);
            continue;
          }
          code = looksLikeRuleset(data)
            ? await validateRuleset(file, data, options, io)
            : await validateData(file, options, io, found);
        } else {
          code = await validateData(file, options, io, found);
        }
        read++;
      } catch (error) {
        code = usageFailure(error, io, lang);
      }
      worst = Math.max(worst, code);
    }
    // errors.csv lists the problems of the files that could be read; with none read, nothing is written.
    if (read > 0) {
      await writeProblems(outputs.get('--errors'), found, lang);
      await outputs.commit();
    } else {
      await outputs.abort();
    }
  } catch (error) {
    await outputs.abort();
    worst = Math.max(worst, usageFailure(error, io, lang));
  }
  return worst;
}

export function validateCommand(
  io: Io,
  setExit: (code: number) => void,
  lang: Lang = defaultLang(),
): Command {
  const command = new Command('validate')
    .summary(tr(lang, 'help.validate.summary'))
    .description(tr(lang, 'help.validate.description'))
    .argument(`<${tr(lang, 'placeholder.files')}>`, tr(lang, 'help.validate.files'));
  addRuleOptions(command, { level: false, lang });
  command.option(
    flags('--level', 'placeholder.level', lang),
    tr(lang, 'help.validate.level'),
    (value: string) => parseLevel(value, lang),
  );
  addInputOptions(command, lang);
  command.addOption(langOption(lang));
  command.addHelpText(
    'after',
    examples(
      [
        'ntm validate du-lieu-15-11-2023.csv',
        'ntm validate du-lieu.xlsx --sheet "Số liệu" --level "nâng cao" --as-of 15/11/2023 --errors loi.csv',
        'ntm validate bao-cao-xa.xlsx --header-row 3',
        'ntm validate nam-dinh-xa-ntm-minh-hoa.json',
      ],
      lang,
    ),
  );
  command.action(async (files: string[], options: ValidateCliOptions) => {
    setExit(await runValidate(files, options, io));
  });
  return command;
}
