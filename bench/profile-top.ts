// Summarises a V8 .cpuprofile (from `--cpu-prof`): the functions with the most self time and the most
// inclusive time, with file and line, optionally only under a given function (e.g. evaluateMany).
//
//   tsx --expose-gc --cpu-prof --cpu-prof-dir=.tmp/prof --conditions=@nongthonmoi/source bench/run.ts \
//     --variants core-dashboard --reps 5 --no-memory --out .tmp/prof.json
//   tsx bench/profile-top.ts .tmp/prof/<largest>.cpuprofile [--under evaluateMany] [--top 25]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { under: { type: 'string' }, top: { type: 'string', default: '25' } },
});
const file = positionals[0];
if (!file) throw new Error('usage: profile-top <file.cpuprofile> [--under functionName] [--top N]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

// Time per node from samples (µs).
const self = new Map<number, number>();
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

const label = (node: Node) => {
  const url = node.callFrame.url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/(packages|bench|node_modules)\//, '$1/');
  // tsx emits each module on one line: a line number of 0 says nothing, so only the file is shown then.
  const line = node.callFrame.lineNumber > 0 ? `:${node.callFrame.lineNumber + 1}` : '';
  return `${node.callFrame.functionName || '(anonymous)'} ${url}${line}`;
};
const ancestors = (id: number): Node[] => {
  const chain: Node[] = [];
  for (let p = parent.get(id); p !== undefined; p = parent.get(p)) chain.push(byId.get(p) as Node);
  return chain;
};
const underTarget = (id: number) =>
  !values.under ||
  (byId.get(id) as Node).callFrame.functionName === values.under ||
  ancestors(id).some((node) => node.callFrame.functionName === values.under);

let total = 0;
const selfByLabel = new Map<string, number>();
const inclusiveByLabel = new Map<string, number>();
for (const [id, time] of self) {
  if (!underTarget(id)) continue;
  total += time;
  const node = byId.get(id) as Node;
  selfByLabel.set(label(node), (selfByLabel.get(label(node)) ?? 0) + time);
  const seen = new Set<string>();
  for (const each of [node, ...ancestors(id)]) {
    const key = label(each);
    if (seen.has(key)) continue; // recursion: count once
    seen.add(key);
    inclusiveByLabel.set(key, (inclusiveByLabel.get(key) ?? 0) + time);
  }
}
const top = Number(values.top);
const show = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, time] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(
      `${((100 * time) / total).toFixed(1).padStart(6)} %  ${(time / 1000).toFixed(0).padStart(7)} ms  ${key}`,
    );
};
console.log(
  `${file}: ${(total / 1000).toFixed(0)} ms sampled${values.under ? ` under ${values.under}` : ''}`,
);
show('Self time', selfByLabel);
show('Inclusive time', inclusiveByLabel);
