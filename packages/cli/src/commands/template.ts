import { extname } from 'node:path';
import { getRuleset, type Region, type RulesetDetail, regionOfProvince } from '@nongthonmoi/core';
import { Command, InvalidArgumentError } from 'commander';
import { formatTarget, type Lang, tierShort } from '../i18n.js';
import { dictionaryFor } from '../io/columns.js';
import { readCommunes } from '../io/read.js';
import { buildTemplateWorkbook, type TemplateMeasure, workbookBuffer } from '../io/write-xlsx.js';
import { today } from '../pipeline.js';
import {
  addRuleOptions,
  EXIT,
  emit,
  examples,
  type Io,
  langOption,
  loadRulesetFiles,
  Outputs,
  processIo,
  type RuleOptions,
  rulesetRoles,
  UsageError,
  usageFailure,
} from './common.js';

export interface TemplateCliOptions extends RuleOptions {
  level: string;
  out?: string;
  lang: Lang;
  rows: number;
  communes?: string;
}

/** The edition of `level` and the editions it requires, the base tier first. */
export function editionChain(
  level: string,
  options: { asOf: string; province?: string | undefined; rulesets?: readonly unknown[] },
): RulesetDetail[] {
  const details: RulesetDetail[] = [];
  const seen = new Set<string>();
  let current: string | null = level;
  while (current && !seen.has(current)) {
    seen.add(current);
    const detail = getRuleset(current, {
      asOf: options.asOf,
      ...(options.province ? { province: options.province } : {}),
      ...(options.rulesets && options.rulesets.length > 0 ? { rulesets: options.rulesets } : {}),
    });
    details.unshift(detail);
    current = detail.requires;
  }
  return details;
}

/** Every measure of the chain once (base tier first), with its targets in words for the header notes. */
export function templateMeasures(
  details: readonly RulesetDetail[],
  options: { region: Region | null; year: number; lang: Lang },
): TemplateMeasure[] {
  const measures: TemplateMeasure[] = [];
  const byKey = new Map<string, TemplateMeasure>();
  for (const detail of details) {
    for (const [key, measure] of Object.entries(detail.measures)) {
      if (byKey.has(key)) continue;
      const entry: TemplateMeasure = { key, measure, level: detail.ruleset.level, targets: [] };
      byKey.set(key, entry);
      measures.push(entry);
    }
  }
  const unverified = options.lang === 'en' ? ' (unverified)' : ' (chưa kiểm chứng)';
  for (const detail of details) {
    for (const indicator of detail.indicators) {
      if (!indicator.measure) continue;
      const entry = byKey.get(indicator.measure);
      if (!entry) continue;
      const rows = indicator.targets.filter(
        (row) =>
          (options.region === null || row.region === options.region) &&
          (row.year === null || row.year === options.year),
      );
      const words = (row: (typeof rows)[number]) =>
        `${row.dependsOn ? (options.lang === 'en' ? 'computed' : 'tính theo số liệu') : formatTarget(row.value, indicator.comparator, indicator.unit, indicator.requirement, options.lang)}${row.verified ? '' : unverified}`;
      const distinct = [...new Set(rows.map(words))];
      const where = `${tierShort(detail.ruleset.level, options.lang)} ${indicator.id}`;
      if (distinct.length === 1) entry.targets.push(`${distinct[0]} (${where})`);
      else if (distinct.length > 1) {
        entry.targets.push(`${rows.map((row) => `${row.region}: ${words(row)}`).join(', ')} (${where})`);
      }
    }
  }
  return measures;
}

export async function runTemplate(options: TemplateCliOptions, io: Io = processIo): Promise<number> {
  const lang = options.lang;
  let outputs: Outputs | null = null;
  try {
    if (!options.out) throw new UsageError('give --out template.xlsx');
    if (extname(options.out).toLowerCase() !== '.xlsx') throw new UsageError('--out must end in .xlsx');
    outputs = await Outputs.open(
      {
        inputs: [
          options.communes ? { option: '--communes', path: options.communes } : null,
          ...rulesetRoles(options.ruleset),
        ],
        outputs: [{ option: '--out', path: options.out }],
      },
      lang,
    );
    const rulesets = await loadRulesetFiles(options.ruleset, lang, io);
    const asOf = options.asOf ?? today();
    const details = editionChain(options.level, { asOf, province: options.province, rulesets });
    let region: Region | null = options.region ?? null;
    if (options.province) {
      const resolved = regionOfProvince(options.province, asOf);
      if ('region' in resolved) region = resolved.region;
    }
    const measures = templateMeasures(details, {
      region,
      year: Number(asOf.slice(0, 4)),
      lang: options.lang,
    });
    let communes: Array<{ id: string; name: string; district?: string; province?: string }> | undefined;
    if (options.communes) {
      const read = await readCommunes(options.communes, dictionaryFor(rulesets), {
        ignoreUnknownColumns: true,
        lang,
      });
      communes = read.communes.map(({ commune }) => ({
        id: commune.id,
        name: commune.name,
        ...(commune.district ? { district: commune.district } : {}),
        ...(commune.province ? { province: commune.province } : {}),
      }));
    }
    const workbook = await buildTemplateWorkbook({
      lang: options.lang,
      level: options.level,
      asOf,
      province: options.province ?? null,
      region,
      details,
      measures,
      rows: options.rows,
      ...(communes ? { communes } : {}),
    });
    await emit(
      io,
      outputs.get('--out'),
      await workbookBuffer(workbook, { lang, file: options.out, onWarning: (text) => io.stderr(text) }),
      lang,
    );
    await outputs.commit();
    io.stderr(
      options.lang === 'en'
        ? `ntm: wrote ${options.out}: ${measures.length} measure columns (${details.map((d) => d.ruleset.id).join(' → ')})\n`
        : `ntm: đã ghi ${options.out}: ${measures.length} cột chỉ tiêu (${details.map((d) => d.ruleset.id).join(' → ')})\n`,
    );
    return EXIT.ok;
  } catch (error) {
    await outputs?.abort();
    return usageFailure(error, io, lang);
  }
}

function parseRows(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000)
    throw new InvalidArgumentError('expected a whole number from 1 to 100000');
  return n;
}

export function templateCommand(io: Io, setExit: (code: number) => void): Command {
  const command = new Command('template')
    .summary('write a data-entry workbook for a tier')
    .description(
      'Write an Excel data-entry workbook for the tier --level (and the tiers it requires) under the edition in force\n' +
        'on --as-of: one column per measure with the Vietnamese label as header, the measure key in a hidden second\n' +
        'row (what ntm reads first), a note on each header with the unit, valid range and target, Excel data\n' +
        'validation (ranges, Có/Không lists, value lists), an example row (its id starts with #, so it is skipped) and\n' +
        'empty rows for the communes. A second sheet lists every measure.',
    );
  addRuleOptions(command, { level: true });
  command
    .requiredOption('--out <file.xlsx>', 'the workbook to write')
    .option('--rows <n>', 'empty rows prepared for communes', parseRows, 50)
    .option('--communes <file>', 'pre-fill commune ids, names and districts from an existing data file');
  command.addOption(langOption());
  command.addHelpText(
    'after',
    examples([
      'ntm template --level nang-cao --as-of 2023-11-15 --province nam-dinh --out mau-nhap-lieu.xlsx',
      'ntm template --level kieu-mau --province nam-dinh --communes data-2023-11-15.csv --out kieu-mau.xlsx',
      'ntm template --level ntm --region tn --lang en --out template.xlsx',
    ]),
  );
  command.action(async (options: TemplateCliOptions) => {
    setExit(await runTemplate(options, io));
  });
  return command;
}
