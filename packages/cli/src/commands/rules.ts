import {
  type Confidence,
  diffRulesets,
  getRuleset,
  listRulesets,
  type Region,
  type RulesetDetail,
  type RulesetDiff,
  regionOfProvince,
} from '@nongthonmoi/core';
import { Command, type Option } from 'commander';
import { formatTarget, type Lang, t } from '../i18n.js';
import { writeJson } from '../io/write-json.js';
import { defaultLang, tr } from '../messages.js';
import { today } from '../pipeline.js';
import { confidenceMark } from '../review-words.js';
import { escapeControls } from '../safe-text.js';
import {
  addRuleOptions,
  choiceOption,
  collect,
  EXIT,
  examples,
  flags,
  type Io,
  langOption,
  loadRulesetFiles,
  parseLevel,
  processIo,
  type RuleOptions,
  usageFailure,
} from './common.js';
import { levelList } from './options.js';
import { rulesTableCommands } from './rules-table.js';

/**
 * The confidence mark after a target, spaced: ` *` secondary, ` **` assumed (as in the review reports), ` ?` for
 * a requirement whose confidence is unknown (a placeholder: its wording is not known to be the law's).
 */
const mark = (confidence: Confidence): string => {
  const text = confidence === 'unknown' ? '?' : confidenceMark(confidence);
  return text ? ` ${text}` : '';
};

interface ListOptions {
  format: 'text' | 'json';
  level?: string;
  ruleset?: string[];
  lang: Lang;
}

interface ShowOptions extends RuleOptions {
  format: 'text' | 'json';
  measures?: boolean;
  lang: Lang;
}

interface DiffOptions {
  format: 'text' | 'json';
  ruleset?: string[];
  lang: Lang;
}

/** Columns padded to their widest cell; cells come from rule files, so their control characters are escaped. */
function table(input: string[][]): string {
  const rows = input.map((row) => row.map((cell) => escapeControls(cell)));
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => [...(row[i] ?? '')].length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, i) =>
          i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] as number) - [...cell].length),
        )
        .join('  '),
    )
    .join('\n');
}

export async function runRulesList(options: ListOptions, io: Io = processIo): Promise<number> {
  try {
    const rulesets = await loadRulesetFiles(options.ruleset, options.lang, io);
    const list = listRulesets(rulesets.length > 0 ? { rulesets } : {}).filter(
      (r) => !options.level || r.level === options.level,
    );
    if (options.format === 'json') {
      io.stdout(writeJson(list));
      return EXIT.ok;
    }
    const rows = [
      tr(options.lang, 'rules.list.header').split('|'),
      ...list.map((r) => [
        r.id,
        tr(options.lang, 'rules.list.kind', { kind: r.kind }),
        r.level,
        `${r.effective.from} – ${r.effective.to ?? '…'}`,
        r.jurisdiction === 'national' ? tr(options.lang, 'rules.list.national') : r.jurisdiction.province,
        r.basis[0]?.number ?? '',
        t(r.name, options.lang),
      ]),
    ];
    io.stdout(`${table(rows)}\n`);
    return EXIT.ok;
  } catch (error) {
    return usageFailure(error, io, options.lang);
  }
}

function targetText(
  indicator: RulesetDetail['indicators'][number],
  region: Region | null,
  year: number,
  lang: Lang,
): string {
  const rows = indicator.targets.filter(
    (row) =>
      (region === null || row.region === null || row.region === region) &&
      (row.year === null || row.year === year),
  );
  const one = (row: (typeof rows)[number]) => {
    if (row.dependsOn) return `${lang === 'en' ? 'computed from' : 'tính từ'} ${row.dependsOn.join(', ')}`;
    if (row.value === null) return '?';
    return `${formatTarget(row.value, indicator.comparator, indicator.unit, null, lang)}${mark(row.confidence)}${row.origin === 'province' ? ` [${lang === 'en' ? 'province' : 'tỉnh'}]` : ''}`;
  };
  if (rows.length === 0) {
    return indicator.requirement ? `${t(indicator.requirement, lang)}${mark(indicator.confidence)}` : '';
  }
  const distinct = [...new Set(rows.map(one))];
  if (distinct.length === 1) return distinct[0] as string;
  return rows.map((row) => `${row.region} ${one(row)}`).join('; ');
}

export function formatDetail(
  detail: RulesetDetail,
  options: { region: Region | null; lang: Lang; measures: boolean },
): string {
  const { lang, region } = options;
  const en = lang === 'en';
  const r = detail.ruleset;
  const year = Number(detail.asOf.slice(0, 4));
  const lines: string[] = [];
  lines.push(`${r.id} — ${t(r.name, lang)}`);
  lines.push(
    `${en ? 'In force' : 'Hiệu lực'}: ${r.effective.from} – ${r.effective.to ?? '…'} · ${en ? 'Basis' : 'Căn cứ'}: ${r.basis.map((b) => b.number).join(', ')}`,
  );
  for (const overlay of r.overlays) {
    lines.push(
      `${en ? 'Province overlay' : 'Bộ tiêu chí của tỉnh'}: ${overlay.id} (${overlay.basis[0]?.number ?? ''})`,
    );
  }
  if (detail.requires) lines.push(`${en ? 'Requires' : 'Yêu cầu đạt trước'}: ${detail.requires}`);
  if (r.coverage && !r.coverage.complete)
    lines.push(`${en ? 'Coverage' : 'Phạm vi mã hóa'}: ${t(r.coverage.note, lang)}`);
  lines.push(
    en
      ? `Targets for ${region ?? 'every region'}, year ${year} (* = secondary source, not checked against the original; ** = assumed, not a rule; ? = unknown)`
      : `Mức mục tiêu cho ${region ? `vùng ${region}` : 'các vùng'}, năm ${year} (* = theo nguồn thứ cấp, chưa đối chiếu văn bản gốc; ** = giả định, không phải quy định; ? = chưa có mức)`,
  );
  for (const criterion of detail.criteria) {
    lines.push('');
    lines.push(`${en ? 'Criterion' : 'Tiêu chí'} ${criterion.id}. ${t(criterion.name, lang)}`);
    for (const id of criterion.indicators) {
      const indicator = detail.indicators.find((i) => i.id === id);
      if (!indicator) continue;
      lines.push(`  ${indicator.id.padEnd(10)} ${t(indicator.name, lang)}`);
      const measure = indicator.measure ? `${indicator.measure}: ` : '';
      lines.push(
        `  ${' '.repeat(10)} → ${measure}${targetText(indicator, region, year, lang)}${indicator.applicableIf ? (en ? ' (if applicable)' : ' (nếu có)') : ''}`,
      );
    }
  }
  if (options.measures) {
    lines.push('');
    lines.push(en ? 'Measures (data columns)' : 'Số liệu cần nhập (cột dữ liệu)');
    lines.push(
      ...table([
        tr(lang, 'rules.measures.header').split('|'),
        ...Object.entries(detail.measures).map(([key, m]) => [
          key,
          tr(lang, 'rules.measures.type', { type: m.type, multiple: m.multiple === true }),
          t(m.unit, lang),
          m.min === undefined ? '' : String(m.min),
          m.max === undefined ? '' : String(m.max),
          `${t(m.label, lang)}${m.values ? ` (${m.values.map((v) => v.id).join(', ')})` : ''}`,
        ]),
      ]).split('\n'),
    );
  }
  // One element per line: a name from a rule file cannot add a line, move the cursor or reorder the text.
  return `${lines.map((line) => escapeControls(line)).join('\n')}\n`;
}

export async function runRulesShow(level: string, options: ShowOptions, io: Io = processIo): Promise<number> {
  try {
    const rulesets = await loadRulesetFiles(options.ruleset, options.lang, io);
    const asOf = options.asOf ?? today();
    const detail = getRuleset(level, {
      asOf,
      ...(options.province ? { province: options.province } : {}),
      ...(rulesets.length > 0 ? { rulesets } : {}),
    });
    if (options.format === 'json') {
      io.stdout(writeJson(detail));
      return EXIT.ok;
    }
    let region: Region | null = options.region ?? null;
    if (options.province) {
      const resolved = regionOfProvince(options.province, asOf);
      if ('region' in resolved) region = resolved.region;
    }
    io.stdout(formatDetail(detail, { region, lang: options.lang, measures: options.measures ?? false }));
    return EXIT.ok;
  } catch (error) {
    return usageFailure(error, io, options.lang);
  }
}

export function formatDiff(diff: RulesetDiff, lang: Lang, ids: { from?: string; to?: string } = {}): string {
  const en = lang === 'en';
  const lines: string[] = [
    `${ids.from ?? diff.from.id} (${diff.from.edition}) → ${ids.to ?? diff.to.id} (${diff.to.edition})`,
  ];
  if (diff.identical) {
    lines.push(en ? 'No difference.' : 'Không có khác biệt.');
    return `${lines.map((line) => escapeControls(line)).join('\n')}\n`;
  }
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push('', `${title} (${items.length})`, ...items.map((item) => `  ${item}`));
  };
  section(
    en ? 'Criteria added' : 'Tiêu chí thêm',
    diff.criteriaAdded.map((c) => `+ ${c.id}. ${t(c.name, lang)}`),
  );
  section(
    en ? 'Criteria removed' : 'Tiêu chí bỏ',
    diff.criteriaRemoved.map((c) => `- ${c.id}. ${t(c.name, lang)}`),
  );
  section(
    en ? 'Criteria renamed' : 'Tiêu chí đổi tên',
    diff.criteriaRenamed.map((c) => `~ ${c.id}: ${t(c.from, lang)} → ${t(c.to, lang)}`),
  );
  section(
    en ? 'Indicators added' : 'Chỉ tiêu thêm',
    diff.indicatorsAdded.map(
      (i) => `+ ${i.id} (${en ? 'criterion' : 'TC'} ${i.criterion}) ${t(i.name, lang)}`,
    ),
  );
  section(
    en ? 'Indicators removed' : 'Chỉ tiêu bỏ',
    diff.indicatorsRemoved.map(
      (i) => `- ${i.id} (${en ? 'criterion' : 'TC'} ${i.criterion}) ${t(i.name, lang)}`,
    ),
  );
  section(
    en ? 'Indicators renamed' : 'Chỉ tiêu đổi tên',
    diff.indicatorsRenamed.map((i) => `~ ${i.id}: ${t(i.from, lang)} → ${t(i.to, lang)}`),
  );
  section(
    en ? 'Comparators changed' : 'Phép so sánh đổi',
    diff.comparatorsChanged.map((c) => `~ ${c.indicator}: ${c.from ?? '—'} → ${c.to ?? '—'}`),
  );
  const show = (value: number | boolean | null) => (value === null ? '?' : String(value));
  // Group target changes by indicator and change, listing the regions/years they apply to.
  const groups = new Map<string, string[]>();
  for (const change of diff.targetsChanged) {
    const verified = (v: Confidence | null) => (v === null ? '' : confidenceMark(v));
    const origin = (o: string | null) => (o === 'province' ? (en ? ' [province]' : ' [tỉnh]') : '');
    const key = `${change.indicator}: ${show(change.from)}${verified(change.fromConfidence)}${origin(change.fromOrigin)} → ${show(change.to)}${verified(change.toConfidence)}${origin(change.toOrigin)}`;
    const list = groups.get(key) ?? [];
    list.push(`${change.region ?? change.group ?? ''}${change.year ? ` ${change.year}` : ''}`);
    groups.set(key, list);
  }
  section(
    en
      ? 'Targets changed (* = secondary source, ** = assumed)'
      : 'Mức mục tiêu thay đổi (* = theo nguồn thứ cấp, ** = giả định)',
    [...groups.entries()].map(
      ([key, where]) =>
        `~ ${key}  [${where.length === 7 ? (en ? 'all regions' : 'mọi vùng') : where.join(', ')}]`,
    ),
  );
  section(
    en ? 'Citations changed' : 'Trích dẫn thay đổi',
    diff.citationsChanged.map((c) => `~ ${c.indicator}: ${c.from.document} → ${c.to.document}`),
  );
  if (diff.regionRulesChanged) lines.push('', en ? 'Region rules changed' : 'Quy tắc vùng thay đổi');
  section(
    en ? 'Measures added' : 'Số liệu thêm',
    diff.measuresAdded.map((m) => `+ ${m}`),
  );
  section(
    en ? 'Measures removed' : 'Số liệu bỏ',
    diff.measuresRemoved.map((m) => `- ${m}`),
  );
  return `${lines.map((line) => escapeControls(line)).join('\n')}\n`;
}

export async function runRulesDiff(
  a: string,
  b: string,
  options: DiffOptions,
  io: Io = processIo,
): Promise<number> {
  try {
    const rulesets = await loadRulesetFiles(options.ruleset, options.lang, io);
    const diff = diffRulesets(a, b, rulesets.length > 0 ? { rulesets } : {});
    io.stdout(
      options.format === 'json' ? writeJson(diff) : formatDiff(diff, options.lang, { from: a, to: b }),
    );
    return EXIT.ok;
  } catch (error) {
    return usageFailure(error, io, options.lang);
  }
}

function formatOption(lang: Lang): Option {
  return choiceOption(
    flags('--format', 'placeholder.format', lang),
    tr(lang, 'help.rules.format'),
    ['text', 'json'],
    lang,
  ).default('text');
}

export function rulesCommand(io: Io, setExit: (code: number) => void, lang: Lang = defaultLang()): Command {
  const rules = new Command('rules')
    .summary(tr(lang, 'help.rules.summary'))
    .description(tr(lang, 'help.rules.description'));
  const list = new Command('list')
    .description(tr(lang, 'help.rules.list.description'))
    .option(flags('--level', 'placeholder.level', lang), tr(lang, 'help.rules.list.level'), (value: string) =>
      parseLevel(value, lang),
    )
    .option(flags('--ruleset', 'placeholder.file', lang), tr(lang, 'help.rules.list.ruleset'), collect, [])
    .addOption(formatOption(lang))
    .addOption(langOption(lang))
    .addHelpText(
      'after',
      examples(['ntm rules list', 'ntm rules list --level "kiểu mẫu" --format json'], lang),
    )
    .action(async (options: ListOptions) => setExit(await runRulesList(options, io)));
  const show = new Command('show')
    .description(tr(lang, 'help.rules.show.description'))
    .argument(
      `<${tr(lang, 'placeholder.level')}>`,
      tr(lang, 'help.rules.show.level', { levels: levelList(lang) }),
      (value: string) => parseLevel(value, lang),
    );
  addRuleOptions(show, { level: 'argument', lang });
  show
    .option('--measures', tr(lang, 'help.rules.show.measures'))
    .addOption(formatOption(lang))
    .addOption(langOption(lang))
    .addHelpText(
      'after',
      examples(
        [
          'ntm rules show "nâng cao" --as-of 15/11/2023 --province "Nam Định"',
          'ntm rules show ntm --as-of 01/06/2024 --region tn --measures',
          'ntm rules show kieu-mau --as-of 2023-11-15 --province nam-dinh --format json > kieu-mau.json',
        ],
        lang,
      ),
    )
    .action(async (level: string, options: ShowOptions) => setExit(await runRulesShow(level, options, io)));
  const diff = new Command('diff')
    .description(tr(lang, 'help.rules.diff.description'))
    .argument(`<${tr(lang, 'placeholder.from')}>`, tr(lang, 'help.rules.diff.id'))
    .argument(`<${tr(lang, 'placeholder.to')}>`, tr(lang, 'help.rules.diff.id'))
    .option(flags('--ruleset', 'placeholder.file', lang), tr(lang, 'help.rules.diff.ruleset'), collect, [])
    .addOption(formatOption(lang))
    .addOption(langOption(lang))
    .addHelpText(
      'after',
      examples(
        [
          'ntm rules diff vn/xa-ntm/2021-2025 vn/xa-ntm/2024',
          'ntm rules diff vn/xa-kieu-mau/2021-2025 provinces/nam-dinh/xa-kieu-mau-2022',
          'ntm rules diff vn/xa-ntm/2021-2025 provinces/nam-dinh/xa-ntm-minh-hoa --ruleset overlay.json',
        ],
        lang,
      ),
    )
    .action(async (from: string, to: string, options: DiffOptions) =>
      setExit(await runRulesDiff(from, to, options, io)),
    );
  rules.addCommand(list).addCommand(show).addCommand(diff);
  for (const command of rulesTableCommands(io, setExit, lang)) rules.addCommand(command);
  return rules;
}
