/**
 * Commander in the user's language: the headings and extra words of `--help` (Cách dùng, Tùy chọn, mặc định…),
 * the help option and command, and commander's own errors (unknown option, missing argument, invalid value…),
 * re-worded from the catalogue. The language is chosen before parsing (from argv and NTM_LANG), so that
 * `--help` and the errors of parsing itself are already in it.
 */
import type { Argument, Command, HelpConfiguration, Option } from 'commander';
import type { Lang } from './i18n.js';
import { type MessageId, tr } from './messages.js';

/** The output and exit hooks every command gets. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const TITLES: Record<string, MessageId> = {
  'Usage:': 'help.title.usage',
  'Options:': 'help.title.options',
  'Global Options:': 'help.title.globalOptions',
  'Arguments:': 'help.title.arguments',
  'Commands:': 'help.title.commands',
};

/** `[options]` and `[command]` in usage lines, in the user's language. */
function usageWords(text: string, lang: Lang): string {
  return text
    .replace(/\[options\]/g, tr(lang, 'help.usage.options'))
    .replace(/\[command\]/g, tr(lang, 'help.usage.command'));
}

function shownDefault(value: unknown, description: string | undefined): string | null {
  if (description) return description;
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A description with its choices and default value, in the user's language. */
function withExtras(
  description: string,
  item: {
    argChoices?: string[] | undefined;
    defaultValue?: unknown;
    defaultValueDescription?: string | undefined;
  },
  showDefault: boolean,
  lang: Lang,
): string {
  const extras: string[] = [];
  if (item.argChoices) extras.push(tr(lang, 'help.choices', { choices: item.argChoices.join(', ') }));
  const value = showDefault ? shownDefault(item.defaultValue, item.defaultValueDescription) : null;
  if (value !== null) extras.push(tr(lang, 'help.default', { value }));
  if (extras.length === 0) return description;
  return `${description ? `${description} ` : ''}(${extras.join('; ')})`;
}

function helpConfiguration(lang: Lang): HelpConfiguration {
  return {
    styleTitle: (title) => (TITLES[title] ? tr(lang, TITLES[title] as 'help.title.usage') : title),
    styleUsage: (usage) => usageWords(usage, lang),
    styleSubcommandTerm: (term) => usageWords(term, lang),
    optionDescription: (option: Option) =>
      withExtras(option.description, option, option.required || option.optional, lang),
    argumentDescription: (argument: Argument) =>
      withExtras(argument.description, argument, argument.defaultValue !== undefined, lang),
  };
}

type Translation = [RegExp, (match: RegExpExecArray, lang: Lang) => string];

/** An option's flags without their value placeholder: "--as-of <ngày>" → "--as-of". */
function bare(flags: string | undefined): string {
  return (flags ?? '').replace(/\s*[<[].*$/, '');
}

/** A "(Did you mean --x?)" suggestion that commander adds, as the plain names. */
function suggestion(text: string | undefined): string | null {
  return text ? text.replace(/^one of /, '') : null;
}

/** Commander's error messages (commander 14, pinned), read back into their parts and said again. */
const TRANSLATIONS: Translation[] = [
  [
    /^unknown option '([^']*)'(?:\n\(Did you mean ([\s\S]+)\?\))?$/,
    (m, lang) => tr(lang, 'commander.unknownOption', { flag: m[1] as string, suggestion: suggestion(m[2]) }),
  ],
  [
    /^unknown command '([^']*)'(?:\n\(Did you mean ([\s\S]+)\?\))?$/,
    (m, lang) => tr(lang, 'commander.unknownCommand', { name: m[1] as string, suggestion: suggestion(m[2]) }),
  ],
  [
    /^missing required argument '([^']*)'$/,
    (m, lang) => tr(lang, 'commander.missingArgument', { name: m[1] as string }),
  ],
  [
    /^option '([^']*)' argument missing$/,
    (m, lang) => tr(lang, 'commander.optionMissingArgument', { flags: m[1] as string }),
  ],
  [
    /^required option '([^']*)' not specified$/,
    (m, lang) => tr(lang, 'commander.missingMandatoryOptionValue', { flags: m[1] as string }),
  ],
  [
    /^(?:option|environment variable) '([^']*)' cannot be used with (?:option|environment variable) '([^']*)'$/,
    (m, lang) => tr(lang, 'commander.conflictingOption', { first: bare(m[1]), second: bare(m[2]) }),
  ],
  [
    /^too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m, lang) =>
      tr(lang, 'commander.excessArguments', {
        command: m[1] ?? null,
        expected: Number(m[2]),
        got: Number(m[3]),
      }),
  ],
  [
    /^option '([^']*)' argument '([\s\S]*?)' is invalid\. ([\s\S]*)$/,
    (m, lang) =>
      tr(lang, 'commander.invalidOptionValue', {
        flags: bare(m[1]),
        value: m[2] as string,
        why: m[3] as string,
      }),
  ],
  [
    /^command-argument value '([\s\S]*?)' is invalid for argument '([^']*)'\. ([\s\S]*)$/,
    (m, lang) =>
      tr(lang, 'commander.invalidArgumentValue', {
        value: m[1] as string,
        name: m[2] as string,
        why: m[3] as string,
      }),
  ],
];

/**
 * One of commander's error messages ("error: unknown option '--x'\n"), as ntm says it: "ntm: " and the
 * message in `lang`. A message commander words differently (a later version) is shown as it is.
 */
export function commanderErrorText(text: string, lang: Lang): string {
  const message = text.replace(/\n$/, '').replace(/^error: /, '');
  for (const [pattern, render] of TRANSLATIONS) {
    const match = pattern.exec(message);
    if (match) return `ntm: ${render(match, lang)}\n`;
  }
  return `ntm: ${message}\n`;
}

/**
 * Sets up `command` and every command under it: output through `io`, errors thrown (not exiting the
 * process), every text commander writes in `lang`.
 */
export function localizeCommands(command: Command, io: CommandIo, lang: Lang): void {
  command
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => write(commanderErrorText(text, lang)),
    })
    .showHelpAfterError(tr(lang, 'help.afterError'))
    .helpOption('-h, --help', tr(lang, 'help.helpOption'))
    .configureHelp(helpConfiguration(lang));
  if (command.commands.length > 0) {
    command.helpCommand(`help ${tr(lang, 'help.usage.command')}`, tr(lang, 'help.helpCommand'));
  }
  for (const sub of command.commands) localizeCommands(sub, io, lang);
}

/** The "Examples:" block of a command's help. */
export function examplesText(lines: readonly string[], lang: Lang): string {
  return `\n${tr(lang, 'help.title.examples')}\n${lines.map((line) => `  ${line}`).join('\n')}\n`;
}
