#!/usr/bin/env node
import { processIo } from './commands/common.js';
import { installSignalCleanup } from './io/output.js';
import { langFromArgv } from './messages.js';
import { main, reportUnexpected } from './program.js';

// Ctrl-C, SIGTERM, SIGHUP: remove the outputs being written (the earlier files stay) and exit 130/143/129.
installSignalCleanup(langFromArgv(process.argv.slice(2)));

// Whatever escapes the commands: a short message (the stack only with --debug), exit 2; the temporary files
// are removed at exit.
const crash = (error: unknown) => {
  reportUnexpected(error, processIo, process.argv);
  process.exit(2);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

// `ntm … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv);
