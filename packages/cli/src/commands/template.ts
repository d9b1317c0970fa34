import { extname } from 'node:path';
import { getRuleset, type Region, type RulesetDetail, regionOfProvince } from '@nongthonmoi/core';
import { Command } from 'commander';
import { formatTarget, type Lang, tierShort } from '../i18n.js';
import { dictionaryFor } from '../io/columns.js';
import { readCommunes } from '../io/read.js';
import { buildDossierTemplateWorkbook, dossierTemplateCsv } from '../io/write-dossier-template.js';
import { buildTemplateWorkbook, type TemplateMeasure, workbookBuffer } from '../io/write-xlsx.js';
import { defaultLang, tr } from '../messages.js';
import { today } from '../pipeline.js';
import {
  addRuleOptions,
  EXIT,
  emit,
  examples,
  flags,
  type Io,
  langOption,
  loadRulesetFiles,
  Outputs,
  processIo,
  type RuleOptions,
  rulesetRoles,
  UsageError,
  usageFailure,
  wholeNumber,
} from './common.js';

export interface TemplateCliOptions extends RuleOptions {
  level: string;
  out?: string;
  lang: Lang;
  rows: number;
  communes?: string;
  /** Write the dossier template (one row per commune × criterion) instead of the data template. */
  dossier?: boolean;
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
    if (!options.out) throw new UsageError(tr(lang, 'usage.templateNeedsOut'));
    const extension = extname(options.out).toLowerCase();
    if (extension !== '.xlsx' && !(options.dossier && extension === '.csv')) {
      throw new UsageError(
        tr(lang, options.dossier ? 'usage.dossierTemplateOutExtension' : 'usage.templateOutExtension', {
          out: options.out,
        }),
      );
    }
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
    if (options.dossier) {
      const input = {
        lang,
        level: options.level,
        asOf,
        detail: details[details.length - 1] as RulesetDetail,
        ...(communes ? { communes } : {}),
      };
      const content =
        extension === '.csv'
          ? dossierTemplateCsv(input)
          : await workbookBuffer(await buildDossierTemplateWorkbook(input), {
              lang,
              file: options.out,
              onWarning: (text) => io.stderr(text),
            });
      await emit(io, outputs.get('--out'), content, lang);
      await outputs.commit();
      const rows = input.detail.criteria.length * Math.max(1, communes?.length ?? 0);
      io.stderr(
        lang === 'en'
          ? `ntm: wrote ${options.out}: dossier template, ${rows} rows (${communes?.length ?? 0} communes × ${input.detail.criteria.length} criteria of ${input.detail.ruleset.id})\n`
          : `ntm: đã ghi ${options.out}: mẫu hồ sơ, ${rows} dòng (${communes?.length ?? 0} xã × ${input.detail.criteria.length} tiêu chí của ${input.detail.ruleset.id})\n`,
      );
      return EXIT.ok;
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

export function templateCommand(
  io: Io,
  setExit: (code: number) => void,
  lang: Lang = defaultLang(),
): Command {
  const command = new Command('template')
    .summary(tr(lang, 'help.template.summary'))
    .description(tr(lang, 'help.template.description'));
  addRuleOptions(command, { level: true, lang });
  command
    .requiredOption(flags('--out', 'placeholder.xlsx', lang), tr(lang, 'help.template.out'))
    .option(
      flags('--rows', 'placeholder.number', lang),
      tr(lang, 'help.template.rows'),
      wholeNumber(1, 100_000, lang),
      50,
    )
    .option(flags('--communes', 'placeholder.file', lang), tr(lang, 'help.template.communes'))
    .option('--dossier', tr(lang, 'help.template.dossier'));
  command.addOption(langOption(lang));
  command.addHelpText(
    'after',
    examples(
      [
        'ntm template --level "nâng cao" --as-of 15/11/2023 --province "Nam Định" --out mau-nhap-lieu.xlsx',
        'ntm template --level "kiểu mẫu" --as-of 15/11/2023 --province nam-dinh --communes du-lieu.csv --out kieu-mau.xlsx',
        'ntm template --level ntm --region tn --lang en --out template.xlsx',
        'ntm template --dossier --level "nâng cao" --as-of 15/11/2023 --province nam-dinh --communes du-lieu.csv --out ho-so.xlsx',
      ],
      lang,
    ),
  );
  command.action(async (options: TemplateCliOptions) => {
    setExit(await runTemplate(options, io));
  });
  return command;
}
