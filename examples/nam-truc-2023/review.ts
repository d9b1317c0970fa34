// Meeting summary for the Nam Trực district steering committee, end of 2023, and the HTML review report.
// DỮ LIỆU MINH HỌA (SYNTHETIC): the figures in data-*.csv are made up to show the tool; they are NOT official.
//
// Run from the repository root:  pnpm --filter @nongthonmoi/example-nam-truc-2023 run review
// (or: cd examples/nam-truc-2023 && npx tsx --conditions=@nongthonmoi/source review.ts)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildReview,
  evaluateFile,
  type FileEvaluation,
  findScorecardBundle,
  formatGap,
  formatTarget,
  formatValue,
  readOwners,
  renderReviewHtml,
  tierStatus,
} from '@nongthonmoi/cli';
import { type Evaluation, listProvinces } from '@nongthonmoi/core';

const here = dirname(fileURLToPath(import.meta.url));
const NOVEMBER = '2023-11-15';
const DECEMBER = '2023-12-31';
const level = 'nang-cao';
const province = 'nam-dinh';

function fail(result: FileEvaluation): void {
  for (const problem of result.problems) {
    console.error(
      `${problem.file}, dòng ${problem.row}: ${problem.column} = "${problem.value}": ${problem.reason}`,
    );
  }
  if (result.problems.length > 0) process.exitCode = 1;
}

const november = await evaluateFile(join(here, `data-${NOVEMBER}.csv`), { level, asOf: NOVEMBER, province });
const december = await evaluateFile(join(here, `data-${DECEMBER}.csv`), { level, asOf: DECEMBER, province });
const modelCommunes = await evaluateFile(join(here, `data-${DECEMBER}.csv`), {
  level: 'kieu-mau',
  asOf: DECEMBER,
  province,
});
fail(november);
fail(december);
const owners = await readOwners(join(here, 'owners.csv'));
const review = buildReview({
  level,
  asOf: DECEMBER,
  evaluations: december.evaluations,
  previous: november.evaluations,
  previousAsOf: NOVEMBER,
  owners,
  problems: [...november.problems, ...december.problems],
  files: { current: `data-${DECEMBER}.csv`, previous: `data-${NOVEMBER}.csv`, owners: 'owners.csv' },
  provinceNames: new Map(listProvinces().map((p) => [p.id, p.name])),
});

const say = (line = '') => console.log(line);
const tiers = (e: Evaluation): Evaluation[] => [...e.prerequisites.flatMap(tiers), e];

say('HUYỆN NAM TRỰC (NAM ĐỊNH) — RÀ SOÁT XÃ NÔNG THÔN MỚI NÂNG CAO, NGÀY 31/12/2023');
say('*** DỮ LIỆU MINH HỌA (SYNTHETIC), KHÔNG PHẢI SỐ LIỆU CHÍNH THỨC ***');
say();

// 1. Where each commune stands.
say('1. Kết quả từng xã (NTM nâng cao, kèm điều kiện đã đạt chuẩn NTM)');
for (const e of review.evaluations) {
  const ntm = e.prerequisites[0];
  say(
    `   - ${e.commune.name}: ${tierStatus(e.status, 'vi').toLowerCase()}, đạt ${e.counts.criteriaMet}/${e.counts.criteriaTotal} tiêu chí nâng cao` +
      (ntm
        ? `; NTM: ${tierStatus(ntm.status, 'vi').toLowerCase()} (${ntm.counts.criteriaMet}/${ntm.counts.criteriaTotal})`
        : ''),
  );
}
const { totals } = review.summary;
say(`   Tổng: ${totals.met} xã đạt, ${totals.notMet} xã chưa đạt, ${totals.incomplete} xã chưa đủ căn cứ.`);
say();

// 2. Which communes meet which criteria.
say('2. Số xã đạt từng tiêu chí nâng cao');
for (const column of review.summary.criteria) {
  const missing = [...column.communesNotMet, ...column.communesIncomplete];
  const names = missing.map((id) => review.evaluations.find((e) => e.commune.id === id)?.commune.name ?? id);
  say(
    `   TC ${column.id.padEnd(2)} ${column.name.vi.padEnd(44)} ${column.met}/${column.total}` +
      (names.length > 0 ? `  — chưa: ${names.join(', ')}` : ''),
  );
}
say();

// 3. What is left, with the gaps and who follows it up.
say('3. Chỉ tiêu còn chưa đạt (phần còn thiếu, đơn vị phụ trách)');
for (const gap of review.gaps) {
  const target = formatTarget(gap.target, gap.comparator, gap.unit, gap.requirement, 'vi');
  const left = formatGap(gap.gap, gap.unit, 'vi');
  say(
    `   - ${gap.communeName} · ${gap.level === 'ntm' ? 'NTM' : 'NC'} ${gap.indicator} ${gap.name.vi.slice(0, 60)}: ` +
      `${formatValue(gap.actual, gap.unit, 'vi') || 'không đạt'} / mục tiêu ${target}${left ? ` (${left})` : ''} → ${gap.owner ?? 'chưa phân công'}`,
  );
}
say();

// 4. What the tool could not judge, said plainly.
const unknownTargets = review.notJudged.filter((g) => g.status === 'not-evaluable');
const distinct = [...new Map(unknownTargets.map((g) => [`${g.level}:${g.indicator}`, g])).values()];
say('4. Những gì công cụ CHƯA đánh giá được');
say(
  `   ${unknownTargets.length} lượt chỉ tiêu (${distinct.length} chỉ tiêu, ở mọi xã) không đánh giá được vì bộ tiêu chí đã mã hóa chưa có mức mục tiêu`,
);
say(
  '   cho vùng Đồng bằng sông Hồng (văn bản hướng dẫn của bộ, ngành hoặc của tỉnh chưa được đối chiếu). Số liệu của xã không',
);
say(
  '   khắc phục được điều này; vì vậy các tiêu chí chứa chúng được báo "chưa đủ căn cứ" chứ không phải "đạt":',
);
for (const g of distinct)
  say(`     · ${g.level === 'ntm' ? 'NTM' : 'NC'} ${g.indicator} ${g.name.vi.slice(0, 90)}`);
say(
  `   Ngoài ra ${review.unverifiedTargets} lượt chỉ tiêu dùng mức chưa kiểm chứng với văn bản gốc: kết quả để tham khảo, không thay thế thẩm định.`,
);
say();

// 5. Progress since mid-November.
const progress = review.progress;
if (progress) {
  say('5. Tiến bộ so với ngày 15/11/2023');
  const trends = progress.totals;
  say(
    `   ${trends.improved} xã tiến bộ (thêm tiêu chí đạt hoặc chỉ tiêu gần mục tiêu hơn), ${trends.worsened} xã đi xuống; ` +
      `${progress.totals.newlyMet} xã mới đạt chuẩn; ${progress.totals.gapsClosed} khoảng cách được thu hẹp.`,
  );
  for (const commune of progress.communes) {
    const gained = commune.criteria.filter((c) => c.after === 'met' && c.before !== 'met');
    const better = commune.indicators.filter((i) => i.direction === 'improved');
    if (gained.length === 0 && better.length === 0) continue;
    say(
      `   - ${commune.name}: ${commune.criteriaMetBefore} → ${commune.criteriaMetAfter} tiêu chí` +
        (gained.length > 0
          ? `; mới đạt: ${gained.map((c) => `${c.level === 'ntm' ? 'NTM' : 'NC'} ${c.id} ${c.name.vi}`).join(', ')}`
          : ''),
    );
    for (const change of better) {
      say(
        `       ${change.indicator} ${change.name.vi.slice(0, 50)}: ${formatValue(change.before.actual, change.unit, 'vi')} → ${formatValue(change.after.actual, change.unit, 'vi')}`,
      );
    }
  }
  say();
}

// 6. The two communes also aiming at kiểu mẫu (Nam Định's own income levels apply: 23/2022/QĐ-UBND).
say('6. Xã phấn đấu đạt chuẩn NTM kiểu mẫu (áp dụng tiêu chí riêng của tỉnh Nam Định)');
for (const e of modelCommunes.evaluations.filter((x) => ['nam-my', 'nam-thang'].includes(x.commune.id))) {
  const own = tiers(e).find((t) => t.level === 'kieu-mau') as Evaluation;
  const open = own.criteria.flatMap((c) =>
    c.indicators.filter((i) => i.status !== 'met' && i.status !== 'not-applicable'),
  );
  say(
    `   - ${e.commune.name}: kiểu mẫu ${tierStatus(e.status, 'vi').toLowerCase()} (${own.counts.criteriaMet}/${own.counts.criteriaTotal} tiêu chí riêng)` +
      (open.length > 0
        ? `; còn: ${open.map((i) => `${i.id} (${formatValue(i.actual, i.unit, 'vi') || 'thiếu số liệu'} / ${formatTarget(i.target, i.comparator, i.unit, i.requirement, 'vi')})`).join('; ')}`
        : '; các chỉ tiêu riêng đều đạt') +
      (e.status !== 'met' ? ' — phải đạt NTM nâng cao trước.' : ''),
  );
}
say();

// The report for the meeting: one HTML file, opens without network, prints on A4.
const out = join(here, 'out');
mkdirSync(out, { recursive: true });
const bundle = findScorecardBundle();
const html = renderReviewHtml(review, {
  bundle: bundle.bundle,
  ...(bundle.bundle ? {} : { bundleReason: bundle.reason }),
});
writeFileSync(join(out, 'report.html'), html);
say(
  `Đã ghi báo cáo: ${relative(process.cwd(), join(out, 'report.html'))}${bundle.bundle ? '' : ` (không kèm phiếu tương tác: ${bundle.reason})`}`,
);
