// Summarises a V8 .cpuprofile (from `--cpu-prof`): the functions with the most self time and the most
// inclusive time, with file and line, optionally only under a given function (e.g. evaluateMany).
//
//   tsx --expose-gc --cpu-prof --cpu-prof-dir=.tmp/prof --conditions=@nongthonmoi/source bench/run.ts \
//     --workloads w1 --variants core-dashboard --reps 5 --no-memory --out .tmp/prof.json
//   tsx bench/profile-top.ts .tmp/prof/<largest>.cpuprofile [--under evaluateMany] [--top 25]
//
// Built-in code without a script URL (string encoding, JSON, regular expressions) is shown as
// "(built-in code, called by <its nearest JavaScript caller>)".
import { parseArgs } from 'node:util';
import { formatProfile, summarizeProfile } from './profile.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { under: { type: 'string' }, top: { type: 'string', default: '25' } },
});
const file = positionals[0];
if (!file) throw new Error('usage: profile-top <file.cpuprofile> [--under functionName] [--top N]');
for (const line of formatProfile(summarizeProfile(file, { under: values.under, top: Number(values.top) })))
  console.log(line);
