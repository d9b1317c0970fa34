/** The `ntm` command line: builds the commander program and runs it, returning the exit code. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXIT, examples, type Io, processIo } from './commands/common.js';
import { evaluateCommand } from './commands/evaluate.js';
import { reviewCommand } from './commands/review.js';
import { rulesCommand } from './commands/rules.js';
import { templateCommand } from './commands/template.js';
import { validateCommand } from './commands/validate.js';
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

function configure(command: Command, io: Io): void {
  command
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(add --help for usage and examples)');
  for (const sub of command.commands) configure(sub, io);
}

export function buildProgram(io: Io = processIo, setExit: (code: number) => void = () => {}): Command {
  const program = new Command('ntm')
    .description(
      "Evaluate communes against Vietnam's New Rural Development (Nông thôn mới) criteria, and write district review reports.\n" +
        'Data: one row per commune (CSV, Excel or JSON); headers are measure keys or their Vietnamese labels.',
    )
    .version(version(), '-v, --version')
    .option('--debug', 'on an unexpected error, also print its details (the stack trace)')
    .addCommand(evaluateCommand(io, setExit))
    .addCommand(reviewCommand(io, setExit))
    .addCommand(templateCommand(io, setExit))
    .addCommand(rulesCommand(io, setExit))
    .addCommand(validateCommand(io, setExit))
    .addHelpText(
      'after',
      examples([
        'ntm template --level nang-cao --as-of 2023-11-15 --province nam-dinh --out mau.xlsx',
        'ntm validate du-lieu.xlsx',
        'ntm evaluate du-lieu.xlsx --level nang-cao --as-of 2023-11-15 --province nam-dinh',
        'ntm review data-2023-12-31.csv --level nang-cao --as-of 2023-12-31 --previous data-2023-11-15.csv --out report.html',
        'ntm rules show nang-cao --as-of 2023-11-15 --province nam-dinh',
      ]) +
        '\nExit codes: 0 all good, 1 some rows had errors (results for the rest written), 2 usage error or unreadable file.\n',
    );
  configure(program, io);
  return program;
}

/** Runs `ntm` with `argv` (as process.argv: node, script, args…) and returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (value) => {
    code = value;
  });
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      ) {
        return EXIT.ok;
      }
      return EXIT.usage;
    }
    reportUnexpected(error, io, argv);
    return EXIT.usage;
  }
  if (program.args.length === 0 && argv.length <= 2) {
    program.outputHelp();
    return EXIT.usage;
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
