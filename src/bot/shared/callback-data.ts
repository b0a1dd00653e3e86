/**
 * Typed callback data. Every inline button's data is made by a codec declared here or next to
 * its feature: a fixed prefix and typed fields, written `<prefix>:<field>:<field>...`. The same
 * codec reads the data back, so what a handler accepts is exactly what a keyboard can make;
 * anything else (forged, stale, malformed) matches no codec and is answered as a stale button.
 */

/** Telegram refuses callback data longer than this, in bytes of UTF-8. */
export const MAX_CALLBACK_BYTES = 64;

/** One field of callback data: how it is written, read, and its longest value. */
export interface Field<T> {
  /** A regular expression source without capturing groups. */
  readonly pattern: string;
  readonly longest: T;
  readonly optional: boolean;
  format(value: T): string;
  parse(text: string): T;
}

/** A field that may be left off the end of the data (older buttons were made without it). */
export interface OptionalField<T> extends Field<T> {
  readonly optional: true;
}

type Fields = Record<string, Field<unknown>>;
type ValueOf<F> = F extends Field<infer T> ? T : never;
type RequiredKeys<F extends Fields> = { [K in keyof F]: F[K] extends OptionalField<unknown> ? never : K }[keyof F];
type OptionalKeys<F extends Fields> = Exclude<keyof F, RequiredKeys<F>>;

/** The typed values of a codec's fields. */
export type Values<F extends Fields> = { [K in RequiredKeys<F>]: ValueOf<F[K]> } & { [K in OptionalKeys<F>]?: ValueOf<F[K]> };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** One of a fixed list of words (a district, a level, a menu entry). */
export function oneOf<const T extends string>(values: readonly T[]): Field<T> {
  const sorted = [...values].sort((a, b) => bytes(b) - bytes(a));
  return {
    pattern: `(?:${sorted.map(escapeRegExp).join("|")})`,
    longest: sorted[0]!,
    optional: false,
    format: (value) => value,
    parse: (text) => text as T,
  };
}

/** One of a few values, each written as a short code of its own, to keep the data short. */
export function coded<const T extends string>(codes: Record<T, string>): Field<T> {
  const entries = Object.entries(codes) as [T, string][];
  const values = new Map(entries.map(([value, code]) => [code, value]));
  const longest = entries.reduce((a, b) => (bytes(b[1]) > bytes(a[1]) ? b : a));
  return {
    pattern: `(?:${entries.map(([, code]) => escapeRegExp(code)).join("|")})`,
    longest: longest[0],
    optional: false,
    format: (value) => codes[value],
    parse: (text) => values.get(text)!,
  };
}

/** A non-negative whole number of at most `digits` digits (a database id, a page). */
export function int(digits = 15): Field<number> {
  return {
    pattern: `\\d{1,${digits}}`,
    longest: 10 ** digits - 1,
    optional: false,
    format: (value) => String(value),
    parse: Number,
  };
}

/** A word of letters, digits, `_` and `-` (a center's id). */
export function key(maxLength: number): Field<string> {
  return {
    pattern: `[\\w-]{1,${maxLength}}`,
    longest: "x".repeat(maxLength),
    optional: false,
    format: (value) => value,
    parse: (text) => text,
  };
}

export function optional<T>(field: Field<T>): OptionalField<T> {
  return { ...field, optional: true };
}

/** A codec: makes the callback data of one kind of button and reads it back. */
export interface CallbackCodec<F extends Fields = Fields> {
  readonly prefix: string;
  /** A stand-alone screen's button, handled outside any flow (and pressing it mid-flow leaves the flow). */
  readonly screen: boolean;
  readonly fields: F;
  /** The data of a button; throws when a value does not fit its field or the data is too long. */
  pack(...values: [RequiredKeys<F>] extends [never] ? [values?: Values<F>] : [values: Values<F>]): string;
  /** The values in the data, or null when the data is not this codec's. */
  match(data: string | undefined): Values<F> | null;
  /** The trigger of a screen's handler, `composer.callbackQuery(codec.filter(), ...)`. */
  filter(): RegExp;
  /** The values of data that `filter()` matched (`ctx.match` in the handler). */
  unpack(match: string | RegExpMatchArray): Values<F>;
}

const registry: CallbackCodec[] = [];

/** Every codec declared so far: all of them once the bot's features are loaded. */
export function registeredCallbacks(): readonly CallbackCodec[] {
  return registry;
}

/** The first words (`tt`, `menu`, ...) of the screens' callback data. */
export function screenNamespaces(): ReadonlySet<string> {
  return new Set(registry.filter((c) => c.screen).map((c) => namespaceOf(c.prefix)));
}

export function namespaceOf(data: string): string {
  return data.split(":", 1)[0]!;
}

/**
 * Declares a kind of button. `fields` are written in their order after the prefix; optional
 * ones only at the end.
 */
export function defineCallback<F extends Fields = Record<never, never>>(
  prefix: string,
  fields: F = {} as F,
  options: { screen?: boolean } = {},
): CallbackCodec<F> {
  if (!/^[a-z][a-z-]*(?::[a-z][a-z-]*)*$/.test(prefix)) throw new Error(`callback prefix "${prefix}" is not lower-case words`);
  if (registry.some((c) => c.prefix === prefix)) throw new Error(`callback prefix "${prefix}" is declared twice`);
  const names = Object.keys(fields);
  const firstOptional = names.findIndex((n) => fields[n]!.optional);
  if (firstOptional >= 0 && names.slice(firstOptional).some((n) => !fields[n]!.optional)) {
    throw new Error(`callback "${prefix}": optional fields come last`);
  }
  const source = names
    .map((n) => (fields[n]!.optional ? `(?::(?<${n}>${fields[n]!.pattern}))?` : `:(?<${n}>${fields[n]!.pattern})`))
    .join("");
  const regex = new RegExp(`^${escapeRegExp(prefix)}${source}$`);
  const fits = Object.fromEntries(names.map((n) => [n, new RegExp(`^${fields[n]!.pattern}$`)]));
  const screen = options.screen ?? false;

  const unpack = (m: RegExpMatchArray): Values<F> => {
    const values: Record<string, unknown> = {};
    for (const n of names) {
      const text = m.groups?.[n];
      if (text !== undefined) values[n] = fields[n]!.parse(text);
    }
    return values as Values<F>;
  };

  const codec: CallbackCodec<F> = {
    prefix,
    screen,
    fields,
    pack(...args) {
      const given = (args[0] ?? {}) as Record<string, unknown>;
      let data = prefix;
      let ended = false;
      for (const n of names) {
        const value = given[n];
        if (value === undefined) {
          if (!fields[n]!.optional) throw new Error(`callback "${prefix}": no value for "${n}"`);
          ended = true;
          continue;
        }
        if (ended) throw new Error(`callback "${prefix}": "${n}" given after a left-out field`);
        const text = fields[n]!.format(value);
        if (!fits[n]!.test(text)) throw new Error(`callback "${prefix}": "${text}" does not fit "${n}"`);
        data += `:${text}`;
      }
      if (bytes(data) > MAX_CALLBACK_BYTES) throw new Error(`callback "${prefix}": data of ${bytes(data)} bytes is over the limit`);
      return data;
    },
    match(data) {
      const m = data === undefined ? null : regex.exec(data);
      return m && unpack(m);
    },
    filter() {
      if (!screen) throw new Error(`callback "${prefix}" is a flow's step, not a screen: its flow reads it`);
      return regex;
    },
    unpack(match) {
      const m = typeof match === "string" ? regex.exec(match) : match;
      if (!m) throw new Error(`callback "${prefix}": data does not match`);
      return unpack(m);
    },
  };
  registry.push(codec as unknown as CallbackCodec);
  return codec;
}

/** Declares a stand-alone screen's button. */
export function defineScreen<F extends Fields = Record<never, never>>(prefix: string, fields?: F): CallbackCodec<F> {
  return defineCallback(prefix, fields, { screen: true });
}

/** The longest choice a step's button carries unless its step says otherwise. */
const CHOICE_LENGTH = 40;

/** The answer a step's button carries: a word that may hold `:` (a time, `c:<center>`). */
export function choice(maxLength = CHOICE_LENGTH): Field<string> {
  return {
    pattern: `[\\w:.-]{1,${maxLength}}`,
    longest: "x".repeat(maxLength),
    optional: false,
    format: (value) => value,
    parse: (text) => text,
  };
}

/** The buttons of one step of a flow: each answers the step with a choice. */
export interface StepButtons {
  /** A property, not a method: keyboards take it on its own, as the way to make each button's data. */
  data: (choice: string) => string;
  /** The choice a press answers, or null when the press is not one of this step's buttons. */
  choiceOf(data: string | undefined): string | null;
}

type StepFields = Fields & { choice: Field<string> };

/** A step's buttons from a codec whose other fields are fixed for the step (a practice run's exercise). */
export function stepButtons<F extends StepFields>(codec: CallbackCodec<F>, fixed: Omit<Values<F>, "choice">): StepButtons {
  const entries = Object.entries(fixed as Record<string, unknown>);
  return {
    data: (c) => (codec.pack as (values: unknown) => string)({ ...fixed, choice: c }),
    choiceOf(data) {
      const values = codec.match(data) as Record<string, unknown> | null;
      if (!values || entries.some(([n, v]) => values[n] !== v)) return null;
      return values.choice as string;
    },
  };
}

/** Declares the buttons of a step whose data is `<prefix>:<choice>`. */
export function defineStep(prefix: string, maxLength?: number): StepButtons & { codec: CallbackCodec<{ choice: Field<string> }> } {
  const codec = defineCallback(prefix, { choice: choice(maxLength) });
  return { codec, ...stepButtons(codec, {}) };
}
