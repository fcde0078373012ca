// The argument parsing every `chanrong <command>` shares: node:util parseArgs (strict) underneath, `--help`/`-h`
// printing the usage (exit 0), and any bad argument — an unknown option, a missing value, a value of the wrong kind,
// a wrong number of positionals — printing one line that names it, then the usage, to stderr (exit 2). Values are
// typed from the option table: a `parse` function turns the text into the type the command wants, or throws with
// what the value must be.
import { parseArgs } from 'node:util';

export interface BooleanOption { type: 'boolean'; short?: string }
export interface ListOption { type: 'string'; multiple: true; short?: string }
export interface StringOption<T = string> {
  type: 'string';
  multiple?: false;
  short?: string;
  /** Used when the option is absent (and parsed like a given value). */
  default?: string;
  /** Text → value; throws an Error whose message says what the value must be ("must be a whole number"). */
  parse?: (raw: string) => T;
}
export type OptionSpec = BooleanOption | ListOption | StringOption<unknown>;
export type OptionTable = Record<string, OptionSpec>;

/** The type of each option's value: booleans, lists, parsed values; `undefined` when absent without default. */
export type ArgValues<O extends OptionTable> = {
  -readonly [K in keyof O]: O[K] extends BooleanOption ? boolean
    : O[K] extends ListOption ? string[] | undefined
    : O[K] extends { parse: (raw: string) => infer T } ? (O[K] extends { default: string } ? T : T | undefined)
    : O[K] extends { default: string } ? string : string | undefined;
};

export interface CommandSpec<O extends OptionTable> {
  /** How the command is typed, for messages: "serve", "record verify". */
  command: string;
  usage: string;
  options: O;
  /** Positional arguments allowed (none by default), and what one is called in messages. */
  positionals?: { min?: number; max?: number; name?: string };
}

export type ParsedArgs<O extends OptionTable> =
  | { ok: true; values: ArgValues<O>; positionals: string[] }
  /** Help was printed (0) or the arguments were refused (2): the command returns this exit code. */
  | { ok: false; exitCode: 0 | 2 };

export interface ArgsOutput { out: (text: string) => void; err: (text: string) => void }
const CONSOLE: ArgsOutput = { out: (t) => console.log(t), err: (t) => console.error(t) };

/** Whether `--help` or `-h` comes among the arguments before any `--` (it wins over a bad argument beside it). */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** Parses `args` for `spec`; prints help or the refusal itself. */
export function parseCommandArgs<O extends OptionTable>(args: readonly string[], spec: CommandSpec<O>, io: ArgsOutput = CONSOLE): ParsedArgs<O> {
  const refuse = (message: string): ParsedArgs<O> => {
    io.err(`chanrong ${spec.command}: ${message}\n\n${spec.usage}`);
    return { ok: false, exitCode: 2 };
  };
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, o] of Object.entries(spec.options)) {
    options[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...('multiple' in o && o.multiple ? { multiple: true } : {}) };
  }
  options.help = { type: 'boolean', short: 'h' };
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true }) as typeof parsed;
  } catch (error) {
    // `--help` wins over a bad argument beside it.
    if (asksForHelp(args)) {
      io.out(spec.usage);
      return { ok: false, exitCode: 0 };
    }
    return refuse((error as Error).message);
  }
  if (parsed.values.help) {
    io.out(spec.usage);
    return { ok: false, exitCode: 0 };
  }
  const { min = 0, max = 0, name = 'argument' } = spec.positionals ?? {};
  const n = parsed.positionals.length;
  if (n > max) return refuse(max === 0 ? `unexpected argument "${parsed.positionals[0]}"` : `takes at most ${max} ${name}${max > 1 ? 's' : ''}, got ${n}: ${parsed.positionals.map((p) => `"${p}"`).join(' ')}`);
  if (n < min) return refuse(min === 1 && max === 1 ? `takes one ${name}` : `takes at least ${min} ${name}${min > 1 ? 's' : ''}, got ${n}`);
  const values: Record<string, unknown> = {};
  for (const [key, o] of Object.entries(spec.options)) {
    const given = parsed.values[key];
    if (o.type === 'boolean') values[key] = given === true;
    else if ('multiple' in o && o.multiple) values[key] = given;
    else {
      const one = o as StringOption<unknown>;
      const raw = (given as string | undefined) ?? one.default;
      if (raw === undefined) values[key] = undefined;
      else if (!one.parse) values[key] = raw;
      else {
        try {
          values[key] = one.parse(raw);
        } catch (error) {
          return refuse(`--${key} ${(error as Error).message}, got "${raw}"`);
        }
      }
    }
  }
  return { ok: true, values: values as ArgValues<O>, positionals: parsed.positionals };
}

/** A whole number within [min, max]. */
export function integer(bounds: { min?: number; max?: number } = {}): (raw: string) => number {
  const { min, max } = bounds;
  const what = min !== undefined && max !== undefined ? `from ${min} to ${max}`
    : min === 1 ? '(1 or more)' : min !== undefined ? `(${min} or more)` : max !== undefined ? `(${max} or less)` : '';
  const message = `must be a whole number${what ? ` ${what}` : ''}`;
  return (raw) => {
    const n = raw.trim() === '' ? NaN : Number(raw);
    if (!Number.isInteger(n) || (min !== undefined && n < min) || (max !== undefined && n > max)) throw new Error(message);
    return n;
  };
}

/** A finite number above 0 (seconds, a rate). */
export function positiveNumber(unit = ''): (raw: string) => number {
  return (raw) => {
    const n = raw.trim() === '' ? NaN : Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`must be a positive number${unit ? ` of ${unit}` : ''}`);
    return n;
  };
}

/** One of a fixed list of words. */
export function oneOf<const T extends string>(choices: readonly T[]): (raw: string) => T {
  return (raw) => {
    if (!(choices as readonly string[]).includes(raw)) throw new Error(`must be one of ${choices.join(', ')}`);
    return raw as T;
  };
}

/** A real calendar date, YYYY-MM-DD. */
export function calendarDate(): (raw: string) => string {
  return (raw) => {
    const ok = /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(raw)) && new Date(raw).toISOString().slice(0, 10) === raw;
    if (!ok) throw new Error('must be a calendar date YYYY-MM-DD');
    return raw;
  };
}
