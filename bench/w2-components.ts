// W2 "components": the <ntm-scorecard> web components in Chromium (issue 6). A hook for the lead to fill
// once packages/scorecard is built: until then the workload reports itself skipped and the run goes on.
//
// What to measure here when the package exists (same method as W1: warm-up, interleaved repetitions,
// median and min, ratios against a baseline measured in the same run):
//   - time to first render of one scorecard for the W1 sample commune (nâng cao + NTM prerequisite);
//   - re-render after a value changes; a district table of 100–1,000 communes;
//   - bundle size (the one-script-tag build) and retained heap per scorecard.
// Drive Chromium with playwright (a root devDependency), loading packages/scorecard/dist.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface WorkloadStatus {
  workload: string;
  status: 'skipped' | 'done';
  reason: string | null;
  results?: unknown;
}

export const SCORECARD_DIST = fileURLToPath(new URL('../packages/scorecard/dist', import.meta.url));

export async function runW2(log: (line: string) => void): Promise<WorkloadStatus> {
  if (!existsSync(SCORECARD_DIST)) {
    log('W2 components: skipped: package not built (packages/scorecard/dist is absent; run `pnpm build`)');
    return { workload: 'w2-components', status: 'skipped', reason: 'package not built' };
  }
  // TODO(lead): measure the scorecard in Chromium as described above.
  log('W2 components: skipped: not implemented yet (hook in bench/w2-components.ts)');
  return { workload: 'w2-components', status: 'skipped', reason: 'not implemented yet' };
}
