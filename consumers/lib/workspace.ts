import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CheckError, consumerEnv, type ExecResult, mustRun } from './exec.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures');
export const PACKAGES = ['core', 'scorecard', 'cli'] as const;
export type PackageKey = (typeof PACKAGES)[number];

export interface Tarball {
  key: PackageKey;
  name: string;
  version: string;
  file: string;
  entries: string[];
}

export type Tarballs = Record<PackageKey, Tarball>;

/** `pnpm -r build` for the published packages only (examples and docs are not packed). */
export async function buildPackages(): Promise<ExecResult> {
  return mustRun('pnpm', ['-r', '--filter', './packages/*', 'run', 'build'], {
    cwd: ROOT,
    timeoutMs: 300_000,
  });
}

function readTarFile(file: string, member: string): Promise<ExecResult> {
  return mustRun('tar', ['-xzOf', file, member], { cwd: ROOT, timeoutMs: 30_000 });
}

/**
 * `pnpm pack` of every published package into `destination` (pnpm rewrites `workspace:*` to the version and
 * applies publishConfig), then checks what each tarball holds.
 */
export async function packPackages(destination: string): Promise<Tarballs> {
  mkdirSync(destination, { recursive: true });
  await mustRun('pnpm', ['-r', '--filter', './packages/*', 'pack', '--pack-destination', destination], {
    cwd: ROOT,
    timeoutMs: 120_000,
  });
  const files = readdirSync(destination).filter((f) => f.endsWith('.tgz'));
  const tarballs = {} as Tarballs;
  const problems: string[] = [];
  for (const key of PACKAGES) {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'packages', key, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    const expected = `${manifest.name.replace('@', '').replace('/', '-')}-${manifest.version}.tgz`;
    if (!files.includes(expected)) {
      problems.push(`no ${expected} in ${destination} (found: ${files.join(', ') || 'nothing'})`);
      continue;
    }
    const file = join(destination, expected);
    const list = await mustRun('tar', ['-tzf', file], { cwd: ROOT, timeoutMs: 30_000 });
    const entries = list.stdout.split('\n').filter(Boolean);
    tarballs[key] = { key, name: manifest.name, version: manifest.version, file, entries };

    for (const entry of entries) {
      if (/\.(test|spec)\.[cm]?[jt]sx?$/.test(entry) || entry.includes('__screenshots__')) {
        problems.push(`${expected} ships a test file: ${entry}`);
      }
    }
    for (const needed of ['package/package.json', 'package/README.md', 'package/LICENSE']) {
      if (!entries.includes(needed)) problems.push(`${expected} lacks ${needed.slice('package/'.length)}`);
    }
    const packed = JSON.parse((await readTarFile(file, 'package/package.json')).stdout) as Record<
      string,
      Record<string, string> | undefined
    >;
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies'] as const) {
      for (const [dep, range] of Object.entries(packed[field] ?? {})) {
        if (range.startsWith('workspace:')) {
          problems.push(`${expected}: ${field}.${dep} is still "${range}" (pnpm pack did not rewrite it)`);
        }
      }
    }
  }
  // Internal dependencies must name the exact versions packed next to them (the `fixed` changesets group).
  for (const key of PACKAGES) {
    const tarball = tarballs[key];
    if (!tarball) continue;
    const packed = JSON.parse((await readTarFile(tarball.file, 'package/package.json')).stdout) as {
      dependencies?: Record<string, string>;
    };
    for (const other of PACKAGES) {
      const dep = tarballs[other];
      const range = dep && packed.dependencies?.[dep.name];
      if (dep && range !== undefined && range !== dep.version) {
        problems.push(`${tarball.name} depends on ${dep.name}@${range}, but ${dep.version} is being packed`);
      }
    }
  }
  if (problems.length > 0) {
    throw new CheckError(`${problems.length} packaging problem(s)`, problems.map((p) => `- ${p}`).join('\n'));
  }
  return tarballs;
}

export interface ProjectSpec {
  /** Folder under the temp root, and the consumer's name. */
  name: string;
  /** `"module"` or `"commonjs"` for the throwaway package.json. */
  type: 'module' | 'commonjs';
  /** Fixture folders copied into the project (from consumers/fixtures). */
  fixtures: string[];
  /** Extra files copied in: [source path, name in the project]. */
  copy?: [string, string][];
  tarballs: PackageKey[];
  /** Packages from the registry, with exact versions. */
  registry?: string[];
}

export interface Project {
  dir: string;
  env: NodeJS.ProcessEnv;
}

/**
 * A fresh throwaway project under `tempRoot`, outside the repository (so nothing resolves from the
 * workspace's node_modules), with the tarballs installed by npm as a user would.
 */
export async function createProject(
  tempRoot: string,
  spec: ProjectSpec,
  tarballs: Tarballs,
): Promise<Project> {
  const dir = join(tempRoot, spec.name);
  mkdirSync(dir, { recursive: true });
  for (const fixture of spec.fixtures) cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  for (const [from, to] of spec.copy ?? []) cpSync(from, join(dir, to));
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: `ntm-consumer-${spec.name}`, version: '0.0.0', private: true, type: spec.type }, null, 2)}\n`,
  );
  const env = consumerEnv(ROOT);
  const files = spec.tarballs.map((key) => tarballs[key].file);
  const offline = process.env.NTM_CONSUMERS_ONLINE ? [] : ['--prefer-offline'];
  await mustRun(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...offline,
      ...files,
      ...(spec.registry ?? []),
    ],
    { cwd: dir, env, timeoutMs: 240_000 },
  );
  // The @nongthonmoi packages must come from the tarballs, never from the registry.
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; resolved?: string }>;
  };
  const problems: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.includes('node_modules/@nongthonmoi/')) continue;
    if (!entry.resolved?.startsWith('file:')) {
      problems.push(`${path} was resolved from ${entry.resolved ?? '(nothing)'}, not a packed tarball`);
    }
  }
  for (const key of spec.tarballs) {
    const installed = join(dir, 'node_modules', tarballs[key].name, 'package.json');
    if (!existsSync(installed)) problems.push(`${tarballs[key].name} is not in node_modules`);
  }
  if (problems.length > 0) throw new CheckError('unexpected install', problems.join('\n'));
  return { dir, env };
}
