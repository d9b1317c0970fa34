import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Commune, evaluateMany, OUTLOOKS } from '@nongthonmoi/core';
import { describe, expect, it } from 'vitest';
import { readDossierCsv } from './io/read-dossier.js';
import { buildReview } from './review.js';
import { ReviewDocumentSchema, reviewDocument, reviewJsonSchema } from './review-document.js';

const root = join(import.meta.dirname, '..', '..', '..');

function commune(id: string, name: string, values: Record<string, unknown>): Commune {
  const sample = JSON.parse(readFileSync(join(root, 'examples', 'sample-commune', 'commune.json'), 'utf8'));
  return { ...sample, id, name, values: { ...sample.values, ...values } };
}

/** Two communes at three dates: health insurance rising in one, stalled in the other. */
function review() {
  const at = (asOf: string, a: number, b: number) => ({
    asOf,
    evaluations: evaluateMany(
      [
        commune('a', 'Xã A', { health_insurance_pct: a }),
        commune('b', 'Xã B', { health_insurance_pct: b, universal_preschool_age5_met: false }),
      ],
      { level: 'nang-cao', asOf },
    ).results,
  });
  const [august, october, november] = [
    at('2023-08-15', 90, 88),
    at('2023-10-01', 91.5, 88),
    at('2023-11-15', 93, 88),
  ];
  const dossier = readDossierCsv(
    'Mã xã,Tiêu chí,Trạng thái hồ sơ\na,1,Đã đủ\nb,14,đủ\nb,99,Đã đủ\n',
    'ho-so.csv',
  );
  return buildReview({
    level: 'nang-cao',
    asOf: november.asOf,
    evaluations: november.evaluations,
    snapshots: [
      { file: 'data-2023-08-15.csv', ...august },
      { file: 'data-2023-10-01.csv', ...october },
    ],
    deadline: '2023-12-31',
    dossier,
    files: { current: 'data-2023-11-15.csv' },
    now: new Date('2023-11-16T02:30:00Z'),
  });
}

describe('review.json', () => {
  it('review.schema.json matches the zod schema (run `pnpm --filter @nongthonmoi/cli schema` after changing it)', () => {
    const committed = JSON.parse(readFileSync(new URL('../review.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(reviewJsonSchema());
  });

  it('a whole review (snapshots, forecast, dossiers, problems) fits the schema exactly, as JSON text', () => {
    const document = JSON.parse(JSON.stringify(reviewDocument(review())));
    // Strict objects: a field the schema does not describe is an error, so the schema cannot fall behind.
    expect(ReviewDocumentSchema.safeParse(document).error?.issues ?? []).toEqual([]);
    expect(document.snapshots.map((s: { asOf: string }) => s.asOf)).toEqual([
      '2023-08-15',
      '2023-10-01',
      '2023-11-15',
    ]);
    expect(document.forecast.daysLeft).toBe(46);
    expect(document.dossiers.totals.complete).toBe(2);
    // The dossier row naming no criterion of the tier comes back as a problem at its row of the file.
    expect(document.problems).toMatchObject([{ file: 'ho-so.csv', row: 4, column: 'Tiêu chí', value: '99' }]);
    const byOwner = document.byOwner[0];
    expect(byOwner.owner).toBeNull();
    expect(byOwner.gaps.map((i: number) => document.gaps[i].outlook)).toEqual(
      [...byOwner.gaps.map((i: number) => document.gaps[i].outlook)].sort(
        (x: string, y: string) => OUTLOOKS.indexOf(x as never) - OUTLOOKS.indexOf(y as never),
      ),
    );
  });

  it('the schema refuses what it does not describe', () => {
    const document = JSON.parse(JSON.stringify(reviewDocument(review())));
    expect(ReviewDocumentSchema.safeParse({ ...document, surprise: 1 }).success).toBe(false);
    document.gaps[0].outlook = 'soon';
    expect(ReviewDocumentSchema.safeParse(document).success).toBe(false);
  });
});
