// Summary of a V8 .cpuprofile (from `node --cpu-prof`, or Chrome's Profiler): the functions with the most self
// time and the most inclusive time, with file and line. Used by bench/profile-top.ts and by W3's --profile.
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  label: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  under: string | null;
  self: ProfileEntry[];
  inclusive: ProfileEntry[];
}

function shortUrl(url: string): string {
  return url.replace(/^file:\/\//, '').replace(/^.*\/(packages|bench|node_modules)\//, '$1/');
}

/** Reads and summarises a profile; `under` keeps only samples below a function of that name. */
export function summarizeProfile(
  file: string,
  options: { under?: string | undefined; top?: number } = {},
): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const top = options.top ?? 25;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  // Time per node from samples (µs).
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });

  const ancestors = (id: number): Node[] => {
    const chain: Node[] = [];
    for (let p = parent.get(id); p !== undefined; p = parent.get(p)) chain.push(byId.get(p) as Node);
    return chain;
  };
  const plain = (node: Node) => {
    // tsx emits each module on one line: a line number of 0 says nothing, so only the file is shown then.
    const line = node.callFrame.lineNumber > 0 ? `:${node.callFrame.lineNumber + 1}` : '';
    return `${node.callFrame.functionName || '(anonymous)'} ${shortUrl(node.callFrame.url)}${line}`.trim();
  };
  // Built-in code has no URL (e.g. string encoding inside Buffer.from): name it by its nearest JS caller.
  const label = (node: Node, id: number) => {
    const name = node.callFrame.functionName;
    if (node.callFrame.url || (name && name !== '(anonymous)') || !parent.has(id)) return plain(node);
    const caller = ancestors(id).find((each) => each.callFrame.url);
    return caller ? `(built-in code, called by ${plain(caller)})` : plain(node);
  };
  const underTarget = (id: number) =>
    !options.under ||
    (byId.get(id) as Node).callFrame.functionName === options.under ||
    ancestors(id).some((node) => node.callFrame.functionName === options.under);

  let total = 0;
  const selfByLabel = new Map<string, number>();
  const inclusiveByLabel = new Map<string, number>();
  for (const [id, time] of self) {
    if (!underTarget(id)) continue;
    total += time;
    const node = byId.get(id) as Node;
    const own = label(node, id);
    selfByLabel.set(own, (selfByLabel.get(own) ?? 0) + time);
    const seen = new Set<string>();
    for (const each of [node, ...ancestors(id)]) {
      const key = plain(each);
      if (seen.has(key)) continue; // recursion: count once
      seen.add(key);
      inclusiveByLabel.set(key, (inclusiveByLabel.get(key) ?? 0) + time);
    }
  }
  const entries = (map: Map<string, number>): ProfileEntry[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, time]) => ({ label: key, ms: time / 1000, share: total > 0 ? time / total : 0 }));
  return {
    file,
    totalMs: total / 1000,
    under: options.under ?? null,
    self: entries(selfByLabel),
    inclusive: entries(inclusiveByLabel),
  };
}

/** The summary as printed lines. */
export function formatProfile(
  summary: ProfileSummary,
  sections: Array<'self' | 'inclusive'> = ['self', 'inclusive'],
): string[] {
  const lines = [
    `${summary.file}: ${summary.totalMs.toFixed(0)} ms sampled${summary.under ? ` under ${summary.under}` : ''}`,
  ];
  for (const section of sections) {
    lines.push('', section === 'self' ? 'Self time' : 'Inclusive time');
    for (const entry of summary[section])
      lines.push(
        `${(100 * entry.share).toFixed(1).padStart(6)} %  ${entry.ms.toFixed(0).padStart(7)} ms  ${entry.label}`,
      );
  }
  return lines;
}
