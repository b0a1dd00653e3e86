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

const schema = z.object({
  BOT_TOKEN: z
    .string({ error: "is required (the token from @BotFather)" })
    .trim()
    .regex(/^\d+:[\w-]{20,}$/, "does not look like a bot token (digits:letters, as @BotFather gives it)"),
  TELEGRAM_API_ROOT: z.url({ error: "must be a URL such as https://api.telegram.org" }).default("https://api.telegram.org"),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^sqlite:.+/, "must look like sqlite:PATH (for example sqlite:./data/jastar.db)")
    .default("sqlite:./data/jastar.db"),
  ADMIN_IDS: telegramIdList.default([]),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
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
  TEATALK_REMINDER_MINUTES: positiveInt(180),
  PRACTICE_NEW_PER_DAY: positiveInt(10),
});

/** The names of every environment variable the bot reads. */
export const CONFIG_VARIABLES = Object.keys(schema.shape) as (keyof typeof schema.shape)[];

export type Config = {
  botToken: string;
  apiRoot: string;
  database: { dialect: "sqlite"; path: string };
  adminIds: number[];
  logLevel: z.infer<typeof schema>["LOG_LEVEL"];
  booking: { maxUpcomingPerService: number; noShowLimit: number; noShowWindowDays: number };
  /** Minutes before a consultation at which its reminders go out, largest first. */
  reminderOffsetsMinutes: number[];
  /** How long an outbox row may stay claimed before another run may take it over (its sender died). */
  outboxLeaseSeconds: number;
  /** Minutes before a tea-talk session at which its participants are reminded. */
  teatalkReminderMinutes: number;
  /** New Kazakh-practice items a learner meets per Almaty day, unless they chose otherwise. */
  practiceNewPerDay: number;
};

/** A configuration problem the operator must fix; the message names the variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads `.env` (if present) into process.env without overriding what is already set. */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** Validates the environment once; empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? "configuration");
    throw new ConfigError(`${variable} ${issue.message}`);
  }
  const c = parsed.data;
  return {
    botToken: c.BOT_TOKEN,
    apiRoot: c.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
    database: { dialect: "sqlite", path: c.DATABASE_URL.slice("sqlite:".length) },
    adminIds: c.ADMIN_IDS,
    logLevel: c.LOG_LEVEL,
    booking: {
      maxUpcomingPerService: c.BOOKINGS_PER_SERVICE,
      noShowLimit: c.NO_SHOW_LIMIT,
      noShowWindowDays: c.NO_SHOW_WINDOW_DAYS,
    },
    reminderOffsetsMinutes: c.REMINDER_OFFSETS_MINUTES,
    outboxLeaseSeconds: c.OUTBOX_LEASE_SECONDS,
    teatalkReminderMinutes: c.TEATALK_REMINDER_MINUTES,
    practiceNewPerDay: c.PRACTICE_NEW_PER_DAY,
  };
}
