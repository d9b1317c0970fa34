// W3 "CLI": the `ntm` command end to end (issue 6). A hook for the lead to fill once packages/cli is built:
// until then the workload reports itself skipped and the run goes on.
//
// What to measure here when the package exists (same method as W1: warm-up, interleaved repetitions,
// median and min):
//   - wall time of `node packages/cli/dist/bin.js` over a CSV and an Excel file of 1,000 and 10,000
//     communes (generate them with bench/w1-engine/generate.ts, then write CSV/XLSX), writing the district
//     report; compare with W1's in-process evaluateMany on the same communes to show the I/O share;
//   - start-up time (`ntm --version`), peak RSS.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkloadStatus } from './w2-components.js';

export const CLI_DIST = fileURLToPath(new URL('../packages/cli/dist', import.meta.url));

export async function runW3(log: (line: string) => void): Promise<WorkloadStatus> {
  if (!existsSync(CLI_DIST)) {
    log('W3 CLI: skipped: package not built (packages/cli/dist is absent; run `pnpm build`)');
    return { workload: 'w3-cli', status: 'skipped', reason: 'package not built' };
  }
  // TODO(lead): run the built CLI end to end as described above.
  log('W3 CLI: skipped: not implemented yet (hook in bench/w3-cli.ts)');
  return { workload: 'w3-cli', status: 'skipped', reason: 'not implemented yet' };
}
