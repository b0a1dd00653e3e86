import { existsSync } from "node:fs";
import { z } from "zod";

const telegramIdList = z
  .string()
  .trim()
  .refine((s) => s === "" || s.split(",").every((p) => /^\d{1,20}$/.test(p.trim())), {
    message: "must be comma-separated numeric Telegram user ids",
  })
  .transform((s) => (s === "" ? [] : s.split(",").map((p) => Number(p.trim()))));

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** What the maintenance commands (`migrate`, `seed`) read: they never talk to Telegram. */
const storeSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(
      /^(sqlite:.+|postgres(ql)?:\/\/.+)/,
      "must look like sqlite:PATH (for example sqlite:./data/jastar.db) or postgres://USER:PASSWORD@HOST:PORT/DATABASE",
    )
    .default("sqlite:./data/jastar.db"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

/** Running the bot needs, on top, the token and everything that shapes its behaviour. */
const schema = storeSchema.extend({
  BOT_TOKEN: z
    .string({ error: "is required (the token from @BotFather)" })
    .trim()
    .regex(/^\d+:[\w-]{20,}$/, "does not look like a bot token (digits:letters, as @BotFather gives it)"),
  TELEGRAM_API_ROOT: z.url({ error: "must be a URL such as https://api.telegram.org" }).default("https://api.telegram.org"),
  BOT_MODE: z.enum(["polling", "webhook"], { error: "must be polling or webhook" }).default("polling"),
  WEBHOOK_URL: z.url({ protocol: /^https?$/, error: "must be the public https URL Telegram posts updates to" }).optional(),
  WEBHOOK_SECRET: z
    .string()
    .trim()
    .regex(/^[\w-]{16,256}$/, "must be 16 to 256 characters of A-Z a-z 0-9 _ - (e.g. from `openssl rand -hex 32`)")
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535, "must be a TCP port (1-65535)").optional(),
  ADMIN_IDS: telegramIdList.default([]),
  BOOKINGS_PER_SERVICE: positiveInt(2),
  NO_SHOW_LIMIT: positiveInt(3),
  NO_SHOW_WINDOW_DAYS: positiveInt(90),
  REMINDER_OFFSETS_MINUTES: z
    .string()
    .trim()
    .regex(/^\d+(\s*,\s*\d+)*$/, "must be comma-separated minutes before a consultation, e.g. 1440,120")
    .default("1440,120")
    .transform((s) => [...new Set(s.split(",").map((p) => Number(p.trim())))].sort((a, b) => b - a)),
  OUTBOX_LEASE_SECONDS: positiveInt(120),
  OUTBOX_SENDS_PER_SECOND: z.coerce.number().int().positive().optional(),
  TEATALK_REMINDER_MINUTES: positiveInt(180),
  EVENT_REMINDER_MINUTES: positiveInt(1440),
  PRACTICE_NEW_PER_DAY: positiveInt(10),
  CARD_SECRET: z.string().trim().min(32, "must be at least 32 characters (a long random string)").optional(),
});

/** Webhook mode cannot start without the address Telegram posts to and the secret it sends back. */
const runSchema = schema.superRefine((c, ctx) => {
  if (c.BOT_MODE !== "webhook") return;
  for (const name of ["WEBHOOK_URL", "WEBHOOK_SECRET"] as const) {
    if (c[name] === undefined) ctx.addIssue({ code: "custom", path: [name], message: "is required when BOT_MODE=webhook" });
  }
});

/** The port the HTTP server listens on in webhook mode when PORT is not set. */
export const DEFAULT_WEBHOOK_PORT = 8080;

/** The names of every environment variable the bot reads. */
export const CONFIG_VARIABLES = Object.keys(schema.shape) as (keyof typeof schema.shape)[];

/** An SQLite file on this machine (the embedded default), or a PostgreSQL server that several instances share. */
export type DatabaseConfig = { dialect: "sqlite"; path: string } | { dialect: "postgres"; url: string };

/** Where the data lives and how much to log: all that `migrate` and `seed` need. */
export type StoreConfig = {
  database: DatabaseConfig;
  logLevel: z.infer<typeof storeSchema>["LOG_LEVEL"];
};

/** How updates reach the bot: it asks Telegram for them, or Telegram posts them to `url`. */
export type UpdateSource = { mode: "polling" } | { mode: "webhook"; url: string; secret: string };

export type Config = StoreConfig & {
  botToken: string;
  apiRoot: string;
  updates: UpdateSource;
  /**
   * The port of the HTTP server (the webhook, /healthz and /readyz); in polling mode there is
   * none unless PORT is set.
   */
  port: number | undefined;
  adminIds: number[];
  booking: { maxUpcomingPerService: number; noShowLimit: number; noShowWindowDays: number };
  /** Minutes before a consultation at which its reminders go out, largest first. */
  reminderOffsetsMinutes: number[];
  /** How long an outbox row may stay claimed before another run may take it over (its sender died). */
  outboxLeaseSeconds: number;
  /**
   * Messages the outbox sends a second at most, over all chats; Telegram's limit unless set. The
   * bot's replies count against the same limit: a lower figure leaves them room at busy times.
   */
  outboxSendsPerSecond: number | undefined;
  /** Minutes before a tea-talk session at which its participants are reminded. */
  teatalkReminderMinutes: number;
  /** Minutes before an event at which those signed up are reminded. */
  eventReminderMinutes: number;
  /** New Kazakh-practice items a learner meets per Almaty day, unless they chose otherwise. */
  practiceNewPerDay: number;
  /** The key discount cards are signed with; without one, a key is generated and kept in the database. */
  cardSecret: string | undefined;
};

/** A configuration problem the operator must fix; the message names the variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads `.env` (if present) into process.env without overriding what is already set. */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** Validates the environment against `shape`; empty strings count as unset. */
function parseEnv<S extends z.ZodType>(shape: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = shape.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? "configuration");
    throw new ConfigError(`${variable} ${issue.message}`);
  }
  return parsed.data;
}

function storeConfigOf(c: z.infer<typeof storeSchema>): StoreConfig {
  const url = c.DATABASE_URL;
  const database: DatabaseConfig = url.startsWith("sqlite:") ? { dialect: "sqlite", path: url.slice("sqlite:".length) } : { dialect: "postgres", url };
  return { database, logLevel: c.LOG_LEVEL };
}

/**
 * The configuration of `migrate` and `seed`: the database and the log level only, so that they
 * run where the bot's token is not available (a build step, an administrator's machine).
 */
export function loadStoreConfig(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  return storeConfigOf(parseEnv(storeSchema, env));
}

/** The configuration of the running bot, validated once; the token is required here only. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const c = parseEnv(runSchema, env);
  const webhook = c.BOT_MODE === "webhook";
  return {
    ...storeConfigOf(c),
    botToken: c.BOT_TOKEN,
    apiRoot: c.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
    updates: webhook ? { mode: "webhook", url: c.WEBHOOK_URL!, secret: c.WEBHOOK_SECRET! } : { mode: "polling" },
    port: c.PORT ?? (webhook ? DEFAULT_WEBHOOK_PORT : undefined),
    adminIds: c.ADMIN_IDS,
    booking: {
      maxUpcomingPerService: c.BOOKINGS_PER_SERVICE,
      noShowLimit: c.NO_SHOW_LIMIT,
      noShowWindowDays: c.NO_SHOW_WINDOW_DAYS,
    },
    reminderOffsetsMinutes: c.REMINDER_OFFSETS_MINUTES,
    outboxLeaseSeconds: c.OUTBOX_LEASE_SECONDS,
    outboxSendsPerSecond: c.OUTBOX_SENDS_PER_SECOND,
    teatalkReminderMinutes: c.TEATALK_REMINDER_MINUTES,
    eventReminderMinutes: c.EVENT_REMINDER_MINUTES,
    practiceNewPerDay: c.PRACTICE_NEW_PER_DAY,
    cardSecret: c.CARD_SECRET,
  };
}
