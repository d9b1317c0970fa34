import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputError, openOutput, pendingTemporaryFiles, writeOutput } from './output.js';

const dir = mkdtempSync(join(tmpdir(), 'ntm-output-test-'));
const crashDir = mkdtempSync(join(tmpdir(), 'ntm-output-crash-'));
afterAll(() => {
  for (const folder of [dir, crashDir]) rmSync(folder, { recursive: true, force: true });
});
const temporaries = (folder = dir) => readdirSync(folder).filter((name) => name.includes('.ntm-'));

describe('atomic outputs', () => {
  it('writes to a hidden temporary file in the same folder and renames it over the target at commit', async () => {
    const path = join(dir, 'a.csv');
    writeFileSync(path, 'old');
    const out = await openOutput(path);
    expect(out.temporaryPath).not.toBeNull();
    expect(out.temporaryPath?.startsWith(join(dir, '.a.csv.ntm-'))).toBe(true);
    await out.write('new ');
    await out.write(new TextEncoder().encode('content'));
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(pendingTemporaryFiles()).toContain(out.temporaryPath);
    await out.commit();
    expect(readFileSync(path, 'utf8')).toBe('new content');
    expect(temporaries()).toEqual([]);
    expect(pendingTemporaryFiles()).not.toContain(out.temporaryPath);
    await out.abort(); // after commit: nothing happens
    expect(readFileSync(path, 'utf8')).toBe('new content');
  });

  it('leaves the earlier file as it was when aborted, and removes the temporary file', async () => {
    const path = join(dir, 'b.json');
    writeFileSync(path, '{"good":true}');
    const out = await openOutput(path);
    await out.write('{"half":');
    await out.abort();
    expect(readFileSync(path, 'utf8')).toBe('{"good":true}');
    expect(temporaries()).toEqual([]);
    await expect(out.write('more')).rejects.toThrow(/aborted/);
  });

  it('streams large content in blocks', async () => {
    const path = join(dir, 'big.txt');
    const out = await openOutput(path);
    const line = `${'x'.repeat(99)}\n`;
    for (let i = 0; i < 30_000; i++) await out.write(line);
    await out.commit();
    expect(statSync(path).size).toBe(3_000_000);
  });

  it('offers a Writable for streaming writers; ending it does not commit', async () => {
    const path = join(dir, 'streamed.csv');
    writeFileSync(path, 'old');
    const out = await openOutput(path);
    await pipeline(Readable.from(['a,b\n', '1,2\n', Buffer.from('3,4\n')]), out.writable());
    expect(readFileSync(path, 'utf8')).toBe('old');
    await out.commit();
    expect(readFileSync(path, 'utf8')).toBe('a,b\n1,2\n3,4\n');
  });

  it('keeps the mode of the file it replaces, and writes through a symlink to its target', async () => {
    const target = join(dir, 'target.csv');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    const link = join(dir, 'link.csv');
    symlinkSync(target, link);
    await writeOutput(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(statSync(target).mode & 0o777).toBe(0o640);
  });

  it('writes devices directly (/dev/null) and reports a full disk (/dev/full) in Vietnamese', async () => {
    await writeOutput('/dev/null', 'nothing');
    if (!existsSync('/dev/full')) return;
    const error = await writeOutput('/dev/full', 'x'.repeat(2_000_000), { option: '--out' }).catch((e) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect(error.message).toBe(
      'không ghi được --out "/dev/full": đĩa đã đầy; tệp cũ (nếu có) được giữ nguyên',
    );
    const english = await writeOutput('/dev/full', 'x'.repeat(2_000_000), { lang: 'en' }).catch((e) => e);
    expect(english.message).toMatch(/cannot write --out "\/dev\/full": the disk is full/);
  });

  it('says why an output cannot be created: a missing folder, a folder in its place', async () => {
    const missing = await openOutput(join(dir, 'nope', 'x.csv'), { option: '--errors' }).catch((e) => e);
    expect(missing).toBeInstanceOf(OutputError);
    expect(missing.message).toMatch(/^không ghi được --errors ".*x\.csv": thư mục không tồn tại/);
    const folder = await openOutput(dir).catch((e) => e);
    expect(folder.message).toMatch(/đó là một thư mục/);
    expect(temporaries()).toEqual([]);
  });

  it('two writers of one file: each commits a complete file, the last one wins', async () => {
    const path = join(dir, 'shared.json');
    const first = await openOutput(path);
    const second = await openOutput(path);
    expect(first.temporaryPath).not.toBe(second.temporaryPath);
    await first.write(JSON.stringify({ run: 1, rows: Array(1000).fill('a') }));
    await second.write(JSON.stringify({ run: 2, rows: Array(2000).fill('b') }));
    await second.commit();
    await first.commit();
    expect(JSON.parse(readFileSync(path, 'utf8')).run).toBe(1);
    expect(temporaries()).toEqual([]);
  });

  it('a crash (an uncaught exception) leaves the earlier file and no temporary file', async () => {
    const folder = crashDir;
    const path = join(folder, 'report.html');
    writeFileSync(path, '<p>good</p>');
    const module = pathToFileURL(join(import.meta.dirname, 'output.ts')).href;
    const script = `
      import { installSignalCleanup, openOutput } from ${JSON.stringify(module)};
      installSignalCleanup('vi');
      const out = await openOutput(${JSON.stringify(path)});
      await out.write('<p>half a rep');
      throw new Error('boom');
    `;
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], (error, _, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr }),
      );
    });
    expect(code).not.toBe(0);
    // It crashed where it was meant to: after opening the output and writing half of it.
    expect(stderr).toContain('Error: boom');
    expect(readFileSync(path, 'utf8')).toBe('<p>good</p>');
    expect(temporaries(folder)).toEqual([]);
  });
});
