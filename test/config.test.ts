import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, ConfigError, loadConfig, loadStoreConfig } from "../src/config.js";
import { projectRoot } from "../src/paths.js";

const TOKEN = "123456:ABCdefGhIJKlmnoPQRstuVWXyz";

describe("configuration", () => {
  it("needs only BOT_TOKEN and fills in the rest", () => {
    const config = loadConfig({ BOT_TOKEN: TOKEN });
    expect(config).toMatchObject({
      botToken: TOKEN,
      apiRoot: "https://api.telegram.org",
      database: { dialect: "sqlite", path: "./data/jastar.db" },
      adminIds: [],
      logLevel: "info",
      booking: { maxUpcomingPerService: 2, noShowLimit: 3, noShowWindowDays: 90 },
      reminderOffsetsMinutes: [1440, 120],
      // The outbox keeps to Telegram's limit.
      outboxSendsPerSecond: undefined,
      // The cards' key is then made once and kept in the database.
      cardSecret: undefined,
    });
  });

  it("reads every documented variable", () => {
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      DATABASE_URL: "sqlite:/var/lib/jastar/bot.db",
      ADMIN_IDS: "111, 222",
      LOG_LEVEL: "debug",
      REMINDER_OFFSETS_MINUTES: "60,1440,60",
      OUTBOX_SENDS_PER_SECOND: "25",
      CARD_SECRET: " a-long-random-key-chosen-by-the-operator ",
    });
    expect(config.apiRoot).toBe("http://127.0.0.1:8081");
    expect(config.database).toEqual({ dialect: "sqlite", path: "/var/lib/jastar/bot.db" });
    expect(config.adminIds).toEqual([111, 222]);
    expect(config.logLevel).toBe("debug");
    expect(config.reminderOffsetsMinutes).toEqual([1440, 60]);
    expect(config.outboxSendsPerSecond).toBe(25);
    expect(config.cardSecret).toBe("a-long-random-key-chosen-by-the-operator");
  });

  it.each([
    [{}, "BOT_TOKEN"],
    [{ BOT_TOKEN: "" }, "BOT_TOKEN"],
    [{ BOT_TOKEN: "not-a-token" }, "BOT_TOKEN"],
    [{ BOT_TOKEN: TOKEN, DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ BOT_TOKEN: TOKEN, ADMIN_IDS: "12,abc" }, "ADMIN_IDS"],
    [{ BOT_TOKEN: TOKEN, LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "nowhere" }, "TELEGRAM_API_ROOT"],
    [{ BOT_TOKEN: TOKEN, CARD_SECRET: "too-short-to-sign-cards" }, "CARD_SECRET"],
    [{ BOT_TOKEN: TOKEN, OUTBOX_SENDS_PER_SECOND: "0" }, "OUTBOX_SENDS_PER_SECOND"],
  ])("rejects %j naming %s", (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${variable} `));
  });
});

describe("configuration of how updates arrive", () => {
  const SECRET = "a-webhook-secret-of-32-characters";

  it("polls by default, with no HTTP server unless PORT is set", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN })).toMatchObject({ updates: { mode: "polling" }, port: undefined });
    expect(loadConfig({ BOT_TOKEN: TOKEN, PORT: "9090" })).toMatchObject({ updates: { mode: "polling" }, port: 9090 });
  });

  it("serves a webhook with its URL and secret, on port 8080 unless PORT says otherwise", () => {
    const env = { BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/telegram", WEBHOOK_SECRET: SECRET };
    expect(loadConfig(env)).toMatchObject({ updates: { mode: "webhook", url: "https://bot.example.org/telegram", secret: SECRET }, port: 8080 });
    expect(loadConfig({ ...env, PORT: "3000" }).port).toBe(3000);
  });

  it.each([
    [{ BOT_MODE: "push" }, "BOT_MODE"],
    [{ BOT_MODE: "webhook", WEBHOOK_SECRET: SECRET }, "WEBHOOK_URL"],
    [{ BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/telegram" }, "WEBHOOK_SECRET"],
    [{ BOT_MODE: "webhook", WEBHOOK_URL: "ftp://bot.example.org", WEBHOOK_SECRET: SECRET }, "WEBHOOK_URL"],
    [{ BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/telegram", WEBHOOK_SECRET: "short" }, "WEBHOOK_SECRET"],
    [{ BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/telegram", WEBHOOK_SECRET: `${SECRET}!` }, "WEBHOOK_SECRET"],
    [{ PORT: "70000" }, "PORT"],
  ])("rejects %j naming %s", (env, variable) => {
    expect(() => loadConfig({ BOT_TOKEN: TOKEN, ...env })).toThrow(new RegExp(`^${variable} `));
  });
});

describe("configuration of migrate and seed", () => {
  it("needs no BOT_TOKEN: only the database and the log level", () => {
    expect(loadStoreConfig({})).toEqual({ database: { dialect: "sqlite", path: "./data/jastar.db" }, logLevel: "info" });
    expect(loadStoreConfig({ DATABASE_URL: "sqlite:/srv/j.db", LOG_LEVEL: "warn", BOT_TOKEN: "" })).toEqual({
      database: { dialect: "sqlite", path: "/srv/j.db" },
      logLevel: "warn",
    });
  });

  it("reads a PostgreSQL server's URL, as both spellings write it", () => {
    for (const url of ["postgres://bot:secret@db.example:5432/jastar", "postgresql://bot@127.0.0.1/jastar"]) {
      expect(loadStoreConfig({ DATABASE_URL: url }).database).toEqual({ dialect: "postgres", url });
    }
  });

  it("still names a malformed database or log level", () => {
    expect(() => loadStoreConfig({ DATABASE_URL: "mysql://x" })).toThrow(/^DATABASE_URL /);
    expect(() => loadStoreConfig({ LOG_LEVEL: "loud" })).toThrow(/^LOG_LEVEL /);
  });
});

describe("documentation of the configuration", () => {
  it("the README's example token is one the configuration accepts", () => {
    const readme = readFileSync(join(projectRoot(), "README.md"), "utf8");
    const tokens = [...readme.matchAll(/BOT_TOKEN=(\S+)/g)].map((m) => m[1]!);
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(loadConfig({ BOT_TOKEN: token }).botToken).toBe(token);
  });


  it.each(["README.md", ".env.example"])("%s names every variable the bot reads", (file) => {
    const text = readFileSync(join(projectRoot(), file), "utf8");
    expect(CONFIG_VARIABLES.filter((name) => !text.includes(name))).toEqual([]);
  });
});
