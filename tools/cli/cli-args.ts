import { parseArgs, ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** A command line that cannot be run as given: printed with the usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CliSpec<O extends Options> {
  /** The help text: usage line first, then every option. */
  usage: string;
  options: O;
  allowPositionals?: boolean;
}

export type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

/**
 * Parses argv with Node's util.parseArgs, strictly: an unknown option, a missing value or a stray
 * argument is a UsageError. `--help` / `-h` answers null (the caller prints the usage).
 */
export function parseCli<O extends Options>(spec: CliSpec<O>, argv: string[]): Parsed<O> | null {
  if (argv.includes('--help') || argv.includes('-h')) return null;
  try {
    return parseArgs({ args: argv, options: spec.options, allowPositionals: spec.allowPositionals ?? false, strict: true }) as Parsed<O>;
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument starting with a '-'.*$/s, ''));
  }
}

/** An integer option (`--lab 100`); anything else is a UsageError naming the option. */
export function integerOption(name: string, value: string | undefined, { min = Number.MIN_SAFE_INTEGER } = {}): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--${name} must be an integer${min > Number.MIN_SAFE_INTEGER ? ` of at least ${min}` : ''} (got '${value}')`);
  }
  return Number(value);
}

export function choiceOption<T extends string>(name: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${choices.join(', ')} (got '${value}')`);
  return value as T;
}

/**
 * Runs a CLI's main: usage errors print the message and the usage on stderr (exit 2), other
 * failures their message (exit 1), `--help` the usage on stdout (exit 0).
 */
export function runCli(usage: string, main: () => Promise<'help' | void>, failurePrefix = ''): void {
  main().then((outcome) => {
    if (outcome === 'help') console.log(usage);
  }, (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`);
      process.exit(2);
    }
    console.error(`${failurePrefix}${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
