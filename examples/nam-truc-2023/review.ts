// The review meeting of the Nam Trực district steering committee, 16/11/2023: deadline 31/12/2023 for every
// commune's criteria AND their dossiers (hồ sơ). Then what happened by the deadline.
// DỮ LIỆU MINH HỌA (SYNTHETIC): every figure in data-*.csv and ho-so-*.csv is made up to show the tool; NOT official.
//
// Run from the repository root:  pnpm demo   (or: pnpm --filter @nongthonmoi/example-nam-truc-2023 run review)
// Writes out/report.html, out/report.xlsx and out/review.json; `--check` also fails (exit 1) when the example
// stops telling its story (what the repository's tests run).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildReview,
  buildReviewWorkbook,
  dateInFileName,
  evaluateFile,
  type FileEvaluation,
  findScorecardBundle,
  formatReviewSummary,
  readDossier,
  readOwners,
  renderReviewHtml,
  reviewDocumentJson,
  tierStatus,
  workbookBuffer,
} from '@nongthonmoi/cli';
import { listProvinces, type Outlook, tiers } from '@nongthonmoi/core';

const here = dirname(fileURLToPath(import.meta.url));
const level = 'nang-cao';
const province = 'nam-dinh';
const DEADLINE = '2023-12-31';
const check = process.argv.includes('--check');
const say = (line = '') => console.log(line);

/** A snapshot file, evaluated on the day its name gives (data-2023-11-15.csv → 2023-11-15). */
async function snapshot(file: string, tier = level): Promise<FileEvaluation & { file: string }> {
  const named = dateInFileName(file);
  if (named.kind !== 'date') throw new Error(`${file}: no date in its name`);
  const result = await evaluateFile(join(here, file), { level: tier, asOf: named.date, province });
  for (const problem of result.problems) {
    console.error(
      `${file}, dòng ${problem.row}: ${problem.column} = "${problem.value}": ${problem.reasonVi ?? problem.reason}`,
    );
  }
  if (result.problems.length > 0) process.exitCode = 1;
  return { ...result, file };
}

// The meeting: the data of 15/11 with the two earlier reviews, the dossiers and who answers for what.
const [august, october, november] = await Promise.all([
  snapshot('data-2023-08-15.csv'),
  snapshot('data-2023-10-01.csv'),
  snapshot('data-2023-11-15.csv'),
]);
const dossier = await readDossier(join(here, 'ho-so-2023-11-15.csv'));
const review = buildReview({
  level,
  asOf: november.asOf,
  dateSource: 'file-name',
  evaluations: november.evaluations,
  snapshots: [august, october].map((s) => ({
    file: s.file,
    asOf: s.asOf,
    dateSource: 'file-name' as const,
    evaluations: s.evaluations,
  })),
  deadline: DEADLINE,
  dossier: { ...dossier, file: 'ho-so-2023-11-15.csv' },
  owners: await readOwners(join(here, 'owners.csv')),
  problems: [...august.problems, ...october.problems, ...november.problems],
  files: { current: november.file, owners: 'owners.csv' },
  provinceNames: new Map(listProvinces().map((p) => [p.id, p.name])),
  illustrative: true,
});
if (review.problems.length > 0) process.exitCode = 1;

say('HUYỆN NAM TRỰC (NAM ĐỊNH) — HỌP RÀ SOÁT NGÀY 16/11/2023');
say();
process.stdout.write(formatReviewSummary(review));
say();

// After the deadline: what the forecast of 16/11 said, and what the data of 31/12 show.
const december = await snapshot('data-2023-12-31.csv');
const closed = (communeId: string, tier: string, indicator: string): boolean | null => {
  const evaluation = december.evaluations.find((e) => e.commune.id === communeId);
  const found = evaluation
    ? tiers(evaluation)
        .find((t) => t.level === tier)
        ?.criteria.flatMap((c) => c.indicators)
        .find((i) => i.id === indicator)
    : undefined;
  return found ? found.status === 'met' : null;
};
const outcomes = new Map<Outlook, { closed: number; open: number }>();
for (const gap of review.gaps) {
  if (!gap.outlook) continue;
  const count = outcomes.get(gap.outlook) ?? { closed: 0, open: 0 };
  if (closed(gap.communeId, gap.level, gap.indicator)) count.closed++;
  else count.open++;
  outcomes.set(gap.outlook, count);
}
say(`SAU HẠN (số liệu ngày 31/12/2023): dự báo ngày 16/11 so với kết quả`);
const words: Partial<Record<Outlook, string>> = {
  'on-track': 'Kịp hạn',
  'at-risk': 'Có nguy cơ trễ hạn',
  'off-track': 'Không kịp hạn',
  stalled: 'Đứng yên',
  'needs-action': 'Cần hành động',
};
for (const [outlook, label] of Object.entries(words) as Array<[Outlook, string]>) {
  const count = outcomes.get(outlook);
  if (count) say(`   - ${label}: ${count.closed}/${count.closed + count.open} chỉ tiêu đã đạt vào 31/12.`);
}
// Where each commune stands on 31/12 and what still holds it back (its own gaps, or only targets nobody knows).
const final = buildReview({
  level,
  asOf: december.asOf,
  evaluations: december.evaluations,
  files: { current: december.file },
});
const held = (kind: string) => final.communes.filter((c) => c.blockedBy === kind).map((c) => c.name);
say(
  `   Kết quả 31/12: ${held('met').length} xã đạt; chỉ vướng vì chưa có mức chỉ tiêu chính thức (số liệu đã đủ): ` +
    `${held('unknown-target').join(', ') || 'không có'}; vướng chỉ tiêu chưa đạt của chính xã: ${held('own-gaps').join(', ') || 'không có'}.`,
);
for (const c of final.communes) {
  say(
    `     · ${c.name}: ${tierStatus(c.status, 'vi').toLowerCase()}, ${c.criteriaMet}/${c.criteriaTotal} tiêu chí`,
  );
}
say();

// The reports for the meeting: one HTML file (opens without network, prints on A4, reads on a phone), the
// workbook, and the review as JSON for the district's portal.
const out = join(here, 'out');
mkdirSync(out, { recursive: true });
const bundle = findScorecardBundle();
writeFileSync(
  join(out, 'report.html'),
  renderReviewHtml(review, {
    bundle: bundle.bundle,
    ...(bundle.bundle ? {} : { bundleReason: bundle.reason }),
  }),
);
writeFileSync(join(out, 'report.xlsx'), await workbookBuffer(await buildReviewWorkbook(review)));
writeFileSync(join(out, 'review.json'), reviewDocumentJson(review));
say(
  `Đã ghi: ${['report.html', 'report.xlsx', 'review.json'].map((f) => relative(process.cwd(), join(out, f))).join(', ')}` +
    (bundle.bundle ? '' : ` (báo cáo không kèm phiếu tương tác: ${bundle.reason})`),
);

if (check) {
  // What the example is for: the forecast, the dossier risks, and the communes held back only by unknown targets.
  const failures = [
    review.forecast?.daysLeft === 46 ? null : 'the meeting is 46 days before the deadline',
    review.gaps.some((g) => g.outlook === 'off-track') ? null : 'a gap is off track',
    review.gaps.some((g) => g.outlook === 'on-track') ? null : 'a gap is on track',
    (review.dossiers?.totals.metIncomplete ?? 0) > 0 ? null : 'a criterion is met with an incomplete dossier',
    (review.dossiers?.totals.completeNotMet ?? 0) > 0
      ? null
      : 'a dossier is complete for a criterion not met',
    review.communes.some((c) => c.blockedBy === 'unknown-target')
      ? null
      : 'a commune is held back only by unknown targets',
    review.communes.some((c) => c.blockedBy === 'own-gaps') ? null : 'a commune is held back by its own gaps',
  ].filter((failure): failure is string => failure !== null);
  for (const failure of failures) console.error(`example check failed: ${failure}`);
  if (failures.length > 0) process.exitCode = 1;
}
