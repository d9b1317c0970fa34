/** The `ntm` command line: builds the commander program and runs it, returning the exit code. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { localizeCommands } from './cli-help.js';
import { EXIT, examples, type Io, langOption, processIo, usageFailure } from './commands/common.js';
import { evaluateCommand } from './commands/evaluate.js';
import { reviewCommand } from './commands/review.js';
import { rulesCommand } from './commands/rules.js';
import { templateCommand } from './commands/template.js';
import { validateCommand } from './commands/validate.js';
import type { Lang } from './i18n.js';
import { langFromArgv, tr } from './messages.js';

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    return pkg.version;
  } catch {
    return '0.0.0';
  }
}

/**
 * The `ntm` program with every text in `lang` (Vietnamese unless `--lang en` or NTM_LANG=en: see
 * {@link langFromArgv}, which `main` uses to choose it before parsing).
 */
export function buildProgram(
  io: Io = processIo,
  setExit: (code: number) => void = () => {},
  lang: Lang = langFromArgv(process.argv.slice(2)),
): Command {
  const program = new Command('ntm')
    .description(tr(lang, 'help.program.description'))
    .version(version(), '-v, --version', tr(lang, 'help.versionOption'))
    .option('--debug', tr(lang, 'help.program.debug'))
    .addCommand(evaluateCommand(io, setExit, lang))
    .addCommand(reviewCommand(io, setExit, lang))
    .addCommand(templateCommand(io, setExit, lang))
    .addCommand(rulesCommand(io, setExit, lang))
    .addCommand(validateCommand(io, setExit, lang))
    .addOption(langOption(lang))
    .addHelpText(
      'after',
      `${examples(
        [
          'ntm template --level "nâng cao" --as-of 15/11/2023 --province "Nam Định" --out mau-nhap-lieu.xlsx',
          'ntm validate du-lieu.xlsx',
          'ntm evaluate du-lieu.xlsx --level "nâng cao" --as-of 15/11/2023 --province "Nam Định"',
          'ntm review du-lieu-31-12-2023.csv --level "nâng cao" --as-of 31/12/2023 --previous du-lieu-15-11-2023.csv --out bao-cao.html',
          'ntm rules show "nâng cao" --as-of 15/11/2023 --province "Nam Định"',
        ],
        lang,
      )}\n${tr(lang, 'help.program.exitCodes')}\n`,
    );
  localizeCommands(program, io, lang);
  return program;
}

/** Runs `ntm` with `argv` (as process.argv: node, script, args…) and returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code: number = EXIT.ok;
  const lang = langFromArgv(argv.slice(2));
  const program = buildProgram(
    io,
    (value) => {
      code = value;
    },
    lang,
  );
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help, --version, `ntm help`: 0; `ntm` or `ntm rules` alone (help on stderr) and every mistake: 2.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    try {
      // The checks that run before a command (options.ts) throw usage errors.
      return usageFailure(error, io, lang);
    } catch {
      reportUnexpected(error, io, argv);
      return EXIT.usage;
    }
  }
  return code;
}

/** True when the command line (or NTM_DEBUG=1) asks for the details of unexpected errors. */
export function debugRequested(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  return argv.includes('--debug') || env.NTM_DEBUG === '1';
}

/**
 * An error ntm did not expect (a fault in ntm, not in the data): a short message in the user's language, and
 * the stack trace only with --debug. Memory exhaustion that V8 reports as an error gets its own advice.
 */
export function reportUnexpected(error: unknown, io: Io, argv: readonly string[]): void {
  const lang = langFromArgv(argv.slice(2));
  const message = error instanceof Error ? error.message : String(error);
  const outOfMemory =
    error instanceof RangeError &&
    /invalid (string|array|typed array) length|allocation failed/i.test(message);
  io.stderr(
    outOfMemory
      ? tr(lang, 'unexpected.outOfMemory')
      : tr(lang, 'unexpected.error', { what: error instanceof Error ? error.name : typeof error }),
  );
  if (debugRequested(argv)) io.stderr(`${error instanceof Error ? (error.stack ?? message) : message}\n`);
}
