// W3 "CLI": `ntm evaluate` end to end with the built binary (node packages/cli/dist/bin.js), on a CSV and an
// Excel file of N synthetic communes (the W1 generator, same seed; 10,000 by default), writing `--format csv`
// and `--format json` to a file. Each run is a fresh process; wall time around spawnSync, CPU time (user +
// system) and peak RSS of the child from GNU time when /usr/bin/time exists. Baselines in the same run and
// interleaved with the CLI runs: reading the same file with the same library the CLI uses (csv-parse, exceljs)
// and writing it back as CSV, Node's start-up, and `ntm --version`. A disk floor for the JSON output (writing
// as many bytes) runs after the others.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { type ProfileSummary, summarizeProfile } from '../profile.js';
import { generateCommunes } from '../w1-engine/generate.js';
import { loadRules } from '../w1-engine/rules.js';
import { W1_AS_OF, W1_LEVEL } from '../w1-engine/setup.js';
import {
  ms,
  type Skipped,
  type Stat,
  type SummaryRow,
  statOf,
  type TargetRow,
  times,
  verdict,
} from '../workload.js';
import { resolveFromCli, writeCsv, writeXlsx } from './files.js';

export const CLI_BIN = fileURLToPath(new URL('../../packages/cli/dist/bin.js', import.meta.url));
const GNU_TIME = '/usr/bin/time';
/** The issue's target: 10,000 rows from CSV or XLSX to written results in under 5 s. */
export const TARGET_ROWS = 10_000;
export const TARGET_MS = 5_000;

export type InputKind = 'csv' | 'xlsx';
export type OutputFormat = 'csv' | 'json';

export interface W3Options {
  rows: number;
  reps: number;
  warmup: number;
  seed: number;
  inputs: InputKind[];
  formats: OutputFormat[];
  /** Run each CLI case once more under `node --cpu-prof` and summarise the hot functions. */
  profile: boolean;
  /** Keep the temporary directory (input files, profiles). */
  keep: boolean;
}

interface Sample {
  wallMs: number;
  cpuMs: number | null;
  maxRssKiB: number | null;
  outputBytes: number | null;
  /** Why the run failed (non-zero exit, wrong output), or null. */
  error: string | null;
}

export interface W3Case {
  id: string;
  name: string;
  kind: 'cli' | 'baseline' | 'info';
  input: InputKind | null;
  format: OutputFormat | null;
  /** The baseline this case is compared with. */
  baseline: string | null;
  samples: Sample[];
  wall: Stat;
  cpuMedianMs: number | null;
  maxRssMiB: number | null;
  outputBytes: number | null;
  rowsPerSecond: number | null;
  /** The first failure of this case, if any run failed (those runs are left out of the timings). */
  error: string | null;
}

export interface W3Report {
  workload: 'w3-cli';
  status: 'done';
  options: W3Options;
  level: string;
  asOf: string;
  node: string;
  cpuSource: string;
  files: { csvBytes: number | null; xlsxBytes: number | null; generateMs: number; columns: number };
  cases: W3Case[];
  targets: TargetRow[];
  profiles: Record<string, ProfileSummary>;
}

interface CaseSpec {
  id: string;
  name: string;
  kind: W3Case['kind'];
  input: InputKind | null;
  format: OutputFormat | null;
  baseline: string | null;
  args: string[];
  out: string | null;
  /** Checks the output (throws when wrong). */
  check?: (out: string) => void;
}

const BASELINE_CSV = `// Baseline: read the CSV with csv-parse (as the CLI does), write it back as CSV.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from ${JSON.stringify(resolveFromCli('csv-parse/sync'))};
const [input, out] = process.argv.slice(2);
const records = parse(readFileSync(input, 'utf8').replace(/^\\ufeff/, ''), { relax_column_count: true, trim: false });
const cell = (v) => (/[",\\n\\r;]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v);
writeFileSync(out, records.map((row) => row.map(cell).join(',')).join('\\r\\n') + '\\r\\n');
`;

const BASELINE_XLSX = `// Baseline: read the workbook with exceljs (as the CLI does), write its cells back as CSV.
import { readFileSync, writeFileSync } from 'node:fs';
const loaded = await import(${JSON.stringify(`file://${resolveFromCli('exceljs')}`)});
const Excel = loaded.default ?? loaded;
const [input, out] = process.argv.slice(2);
const workbook = new Excel.Workbook();
await workbook.xlsx.load(readFileSync(input));
const sheet = workbook.worksheets[0];
const lines = [];
const cell = (v) => { const t = v === null || v === undefined ? '' : String(v); return /[",\\n\\r;]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t; };
sheet.eachRow({ includeEmpty: false }, (row) => { lines.push((row.values ?? []).slice(1).map(cell).join(',')); });
writeFileSync(out, lines.join('\\r\\n') + '\\r\\n');
`;

const WRITE_FLOOR = `// Disk floor: write N bytes of JSON-like ASCII text in 1 MiB chunks through a write stream.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
const [bytes, out] = process.argv.slice(2);
const chunk = Buffer.alloc(1 << 20, '{"status":"met","target":85.5},\\n');
const stream = createWriteStream(out);
for (let left = Number(bytes); left > 0; left -= chunk.length) {
  if (!stream.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await once(stream, 'drain');
}
stream.end();
await once(stream, 'finish');
`;

interface RunResult {
  wallMs: number;
  cpuMs: number | null;
  maxRssKiB: number | null;
  /** Why the process failed (exit code or signal, and the telling line of its stderr), or null. */
  failure: string | null;
}

/** The line of stderr that says what went wrong (V8's fatal error, an Error), else its last line. */
function tellingLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  return (
    lines.find((line) => /FATAL ERROR|out of memory|^\w*Error\b|^ntm:/.test(line.trim()))?.trim() ??
    lines.at(-1)?.trim() ??
    ''
  );
}

function run(command: string[], timeFile: string | null): RunResult {
  const argv = timeFile ? [GNU_TIME, '-f', '%U %S %M', '-o', timeFile, ...command] : command;
  const start = performance.now();
  const child = spawnSync(argv[0] as string, argv.slice(1), {
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  const wallMs = performance.now() - start;
  if (child.error) throw child.error;
  let cpuMs: number | null = null;
  let maxRssKiB: number | null = null;
  if (timeFile && existsSync(timeFile)) {
    // GNU time writes "Command exited with non-zero status N" first when the command failed.
    const fields = readFileSync(timeFile, 'utf8').trim().split('\n').pop()?.split(' ').map(Number) ?? [];
    const [user, system, rss] = fields;
    if (user !== undefined && system !== undefined && Number.isFinite(user + system))
      cpuMs = (user + system) * 1000;
    if (rss !== undefined && Number.isFinite(rss)) maxRssKiB = rss;
    rmSync(timeFile, { force: true });
  }
  const failure =
    child.status === 0
      ? null
      : `exit ${child.status ?? child.signal} after ${(wallMs / 1000).toFixed(1)} s${maxRssKiB ? ` at ${(maxRssKiB / 2 ** 20).toFixed(1)} GiB peak RSS` : ''}: ${tellingLine(child.stderr)}`;
  return { wallMs, cpuMs, maxRssKiB, failure };
}

function checkCsvOutput(rows: number) {
  return (out: string) => {
    const text = readFileSync(out, 'utf8');
    const lines = text.split('\r\n').filter((line) => line.length > 0).length;
    if (lines !== rows + 1) throw new Error(`W3: ${out} has ${lines - 1} result rows, expected ${rows}`);
  };
}

function checkJsonOutput(rows: number) {
  return (out: string) => {
    // The report can be hundreds of MiB: read its head only.
    const fd = openSync(out, 'r');
    const buffer = Buffer.alloc(400);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    closeSync(fd);
    const head = buffer.subarray(0, read).toString('utf8');
    const evaluated = /"evaluated":\s*(\d+)/.exec(head)?.[1];
    if (Number(evaluated) !== rows)
      throw new Error(`W3: ${out} says ${evaluated} evaluated, expected ${rows}`);
  };
}

function fileSize(path: string): number {
  return statSync(path).size;
}

export async function runW3(options: W3Options, log: (line: string) => void): Promise<W3Report | Skipped> {
  if (!existsSync(CLI_BIN)) {
    const reason = 'packages/cli is not built (packages/cli/dist/bin.js is absent: run `pnpm build`)';
    log(`W3 CLI: skipped: ${reason}`);
    return { workload: 'w3-cli', status: 'skipped', reason };
  }
  const dir = mkdtempSync(join(tmpdir(), 'ntm-bench-w3-'));
  try {
    return await measure(options, dir, log);
  } finally {
    if (options.keep) log(`  W3 files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(options: W3Options, dir: string, log: (line: string) => void): Promise<W3Report> {
  const rules = loadRules(W1_LEVEL, W1_AS_OF);
  const keys = Object.keys(rules.measures);
  const started = performance.now();
  const communes = generateCommunes(rules, { communes: options.rows, seed: options.seed });
  const csv = join(dir, `communes-${options.rows}.csv`);
  const xlsx = join(dir, `communes-${options.rows}.xlsx`);
  const needCsv = options.inputs.includes('csv');
  const needXlsx = options.inputs.includes('xlsx');
  const csvBytes = needCsv ? writeCsv(csv, communes, keys) : null;
  if (needXlsx) await writeXlsx(xlsx, communes, keys);
  const xlsxBytes = needXlsx ? fileSize(xlsx) : null;
  const generateMs = performance.now() - started;
  const timeFile = existsSync(GNU_TIME) ? join(dir, 'time.txt') : null;
  const node = process.execPath;
  writeFileSync(join(dir, 'baseline-csv.mjs'), BASELINE_CSV);
  writeFileSync(join(dir, 'baseline-xlsx.mjs'), BASELINE_XLSX);
  writeFileSync(join(dir, 'write-floor.mjs'), WRITE_FLOOR);
  const fmtBytes = (bytes: number | null) => (bytes === null ? '—' : `${(bytes / 2 ** 20).toFixed(1)} MiB`);
  log(
    `W3 CLI: \`ntm evaluate\` (${CLI_BIN.replace(/^.*\/packages\//, 'packages/')}) on ${options.rows.toLocaleString('en-US')} rows × ${keys.length} measures ` +
      `(+5 commune columns), level ${W1_LEVEL}, as of ${W1_AS_OF}; CSV ${fmtBytes(csvBytes)}, XLSX ${fmtBytes(xlsxBytes)} ` +
      `(written in ${(generateMs / 1000).toFixed(1)} s); ${options.warmup} warm-up + ${options.reps} repetitions, interleaved; ` +
      `CPU and peak RSS ${timeFile ? 'from /usr/bin/time' : 'not measured (no /usr/bin/time)'}`,
  );

  const files: Record<InputKind, string> = { csv, xlsx };
  const specs: CaseSpec[] = [];
  for (const input of options.inputs) {
    for (const format of options.formats) {
      const out = join(dir, `out-${input}.${format}`);
      specs.push({
        id: `cli-${input}-${format}`,
        name: `ntm evaluate ${input.toUpperCase()} → --format ${format}`,
        kind: 'cli',
        input,
        format,
        baseline: `baseline-${input}`,
        args: [
          CLI_BIN,
          'evaluate',
          files[input],
          '--level',
          W1_LEVEL,
          '--as-of',
          W1_AS_OF,
          '--format',
          format,
          '--out',
          out,
        ],
        out,
        check: format === 'csv' ? checkCsvOutput(options.rows) : checkJsonOutput(options.rows),
      });
    }
    const out = join(dir, `baseline-${input}.csv`);
    specs.push({
      id: `baseline-${input}`,
      name:
        input === 'csv'
          ? 'baseline: csv-parse the CSV, write it back'
          : 'baseline: exceljs load the XLSX, write cells as CSV',
      kind: 'baseline',
      input,
      format: 'csv',
      baseline: null,
      args: [join(dir, `baseline-${input}.mjs`), files[input], out],
      out,
      check: checkCsvOutput(options.rows),
    });
  }
  specs.push(
    {
      id: 'node-startup',
      name: 'info: node -e 0 (start-up)',
      kind: 'info',
      input: null,
      format: null,
      baseline: null,
      args: ['-e', '0'],
      out: null,
    },
    {
      id: 'cli-version',
      name: 'info: ntm --version (CLI start-up)',
      kind: 'info',
      input: null,
      format: null,
      baseline: 'node-startup',
      args: [CLI_BIN, '--version'],
      out: null,
    },
  );

  const samples = new Map<string, Sample[]>(specs.map((spec) => [spec.id, []]));
  // A run that fails (a crash, e.g. out of memory on a large file, or a wrong output) is recorded and reported,
  // not thrown: it is a result of the workload. Its time is left out of the timings; its peak RSS is kept.
  const once = (spec: CaseSpec): Sample => {
    try {
      const { failure, ...result } = run([node, ...spec.args], timeFile);
      let outputBytes: number | null = null;
      let error = failure;
      if (!error && spec.out) {
        outputBytes = fileSize(spec.out);
        try {
          spec.check?.(spec.out);
        } catch (wrong) {
          error = wrong instanceof Error ? wrong.message : String(wrong);
        }
      }
      if (error) log(`    FAILED: ${spec.name}: ${error}`);
      return { ...result, outputBytes, error };
    } finally {
      if (spec.out) rmSync(spec.out, { force: true });
    }
  };
  for (let w = 0; w < options.warmup; w++) for (const spec of specs) once(spec);
  for (let rep = 0; rep < options.reps; rep++) {
    for (let k = 0; k < specs.length; k++) {
      const spec = specs[(k + rep) % specs.length] as CaseSpec;
      (samples.get(spec.id) as Sample[]).push(once(spec));
    }
    log(`    W3 repetition ${rep + 1}/${options.reps} done`);
  }

  // The disk floor of the JSON output: as many bytes as the largest JSON written (after the others).
  const jsonBytes = Math.max(
    0,
    ...[...samples]
      .filter(([id]) => id.endsWith('-json'))
      .flatMap(([, list]) => list.map((s) => s.outputBytes ?? 0)),
  );
  if (jsonBytes > 0) {
    const out = join(dir, 'floor.json');
    const spec: CaseSpec = {
      id: 'write-floor',
      name: `info: write ${fmtBytes(jsonBytes)} to disk (JSON output's size)`,
      kind: 'info',
      input: null,
      format: null,
      baseline: null,
      args: [join(dir, 'write-floor.mjs'), String(jsonBytes), out],
      out,
    };
    specs.push(spec);
    samples.set(spec.id, []);
    for (let rep = 0; rep < options.reps; rep++) (samples.get(spec.id) as Sample[]).push(once(spec));
  }

  const cases: W3Case[] = specs.map((spec) => {
    const all = samples.get(spec.id) as Sample[];
    const list = all.filter((s) => s.error === null);
    const wall =
      list.length > 0 ? statOf(list.map((s) => s.wallMs)) : { medianMs: Number.NaN, minMs: Number.NaN };
    const cpu = list.map((s) => s.cpuMs).filter((v): v is number => v !== null);
    const rss = all.map((s) => s.maxRssKiB).filter((v): v is number => v !== null);
    return {
      id: spec.id,
      name: spec.name,
      kind: spec.kind,
      input: spec.input,
      format: spec.format,
      baseline: spec.baseline,
      samples: all.map((s) => ({ ...s, wallMs: Math.round(s.wallMs * 10) / 10 })),
      error: all.find((s) => s.error !== null)?.error ?? null,
      wall,
      cpuMedianMs: cpu.length > 0 ? statOf(cpu).medianMs : null,
      maxRssMiB: rss.length > 0 ? Math.max(...rss) / 1024 : null,
      outputBytes: list[0]?.outputBytes ?? null,
      rowsPerSecond: spec.input && list.length > 0 ? options.rows / (wall.medianMs / 1000) : null,
    };
  });

  const atTarget = options.rows === TARGET_ROWS;
  const targets: TargetRow[] = cases
    .filter((c) => c.kind === 'cli')
    .map((c) => ({
      workload: 'W3' as const,
      description: `${c.name}: ${TARGET_ROWS.toLocaleString('en-US')} rows to written results < ${TARGET_MS / 1000} s`,
      measured: `${c.error ? `FAILED (${c.error.slice(0, 160)}); ` : ''}${ms(c.wall.medianMs)} ms; ${ms(c.wall.minMs)} ms${atTarget ? '' : ` (on ${options.rows.toLocaleString('en-US')} rows: judged at ${TARGET_ROWS.toLocaleString('en-US')} only)`}`,
      pass: atTarget ? c.error === null && c.wall.medianMs < TARGET_MS : null,
      passFromMin: atTarget ? c.error === null && c.wall.minMs < TARGET_MS : null,
    }));

  const profiles: Record<string, ProfileSummary> = {};
  if (options.profile) {
    for (const spec of specs.filter((s) => s.kind === 'cli')) {
      const profDir = join(dir, `prof-${spec.id}`);
      mkdirSync(profDir, { recursive: true });
      log(`  profiling ${spec.name} (node --cpu-prof) …`);
      run([node, '--cpu-prof', `--cpu-prof-dir=${profDir}`, ...spec.args], null);
      if (spec.out) rmSync(spec.out, { force: true });
      const [file] = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'));
      if (file) profiles[spec.id] = summarizeProfile(join(profDir, file), { top: 12 });
    }
  }

  return {
    workload: 'w3-cli',
    status: 'done',
    options,
    level: W1_LEVEL,
    asOf: W1_AS_OF,
    node: process.version,
    cpuSource: timeFile ? '/usr/bin/time (user + system of the child)' : 'none',
    files: { csvBytes, xlsxBytes, generateMs: Math.round(generateMs), columns: keys.length + 5 },
    cases,
    targets,
    profiles,
  };
}

const size = (bytes: number | null) =>
  bytes === null
    ? ''
    : bytes >= 2 ** 20
      ? `${(bytes / 2 ** 20).toFixed(1)} MiB`
      : `${(bytes / 1024).toFixed(0)} KiB`;

/** The W3 table, as printed. */
export function formatW3(report: W3Report): string[] {
  const byId = new Map(report.cases.map((c) => [c.id, c]));
  const header = [
    'case'.padEnd(52),
    'median ms'.padStart(10),
    'min ms'.padStart(9),
    'cpu ms'.padStart(9),
    'rows/s'.padStart(8),
    'peak RSS'.padStart(9),
    'output'.padStart(10),
    'vs baseline'.padStart(12),
  ].join(' ');
  const lines = [header, '-'.repeat(header.length)];
  for (const c of report.cases) {
    const base = c.baseline ? byId.get(c.baseline) : undefined;
    lines.push(
      [
        c.name.padEnd(52),
        ms(c.wall.medianMs).padStart(10),
        ms(c.wall.minMs).padStart(9),
        ms(c.cpuMedianMs).padStart(9),
        (c.rowsPerSecond === null ? '' : Math.round(c.rowsPerSecond).toLocaleString('en-US')).padStart(8),
        (c.maxRssMiB === null ? '—' : `${c.maxRssMiB.toFixed(0)} MiB`).padStart(9),
        size(c.outputBytes).padStart(10),
        (base ? times(c.wall.medianMs, base.wall.medianMs) : '').padStart(12),
      ].join(' '),
    );
  }
  for (const c of report.cases) if (c.error) lines.push(`FAILED ${c.name}: ${c.error}`);
  lines.push(
    'wall: spawn to exit of a fresh process (median and min); cpu: user + system of the child; vs baseline: CLI time',
    'over the time to read the same file with the same library and write it back (csv-parse / exceljs).',
  );
  for (const target of report.targets)
    lines.push(
      `  ${verdict(target.pass).padEnd(4)} ${target.description}: ${target.measured}${target.pass !== null && target.pass !== target.passFromMin ? ` (noisy: fastest run says ${verdict(target.passFromMin)})` : ''}`,
    );
  for (const [id, profile] of Object.entries(report.profiles)) {
    lines.push(
      `  profile of ${byId.get(id)?.name ?? id} (${profile.totalMs.toFixed(0)} ms sampled), self time:`,
    );
    for (const entry of profile.self.slice(0, 8))
      lines.push(`    ${(100 * entry.share).toFixed(1).padStart(5)} %  ${entry.label}`);
  }
  return lines;
}

/** W3's lines of the summary table. */
export function summaryW3(report: W3Report): SummaryRow[] {
  const byId = new Map(report.cases.map((c) => [c.id, c]));
  return report.cases.map((c) => {
    const base = c.baseline ? byId.get(c.baseline) : undefined;
    return {
      workload: 'W3',
      measurement: c.name,
      size: c.input ? `${report.options.rows.toLocaleString('en-US')} rows` : '',
      medianMs: c.wall.medianMs,
      minMs: c.wall.minMs,
      cpuMs: c.cpuMedianMs,
      versus: c.error
        ? `FAILED: ${c.error.slice(0, 80)}`
        : base
          ? `${times(c.wall.medianMs, base.wall.medianMs)} ${base.id === 'node-startup' ? 'node -e 0' : `baseline ${base.input?.toUpperCase()}`}`
          : c.outputBytes
            ? `output ${size(c.outputBytes)}`
            : '',
    };
  });
}
