import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { CENTER_CATALOG } from "../../src/db/seed/centers.js";
import { migrations } from "../../migrations/index.js";
import { botEnv, endToEndSetupEachTest, readDb, runBotCommand } from "./bot-process.js";

const e2e = endToEndSetupEachTest("jastar-e2e-maintenance-");

/** No BOT_TOKEN anywhere: the process gets only the database (see processEnv). */
const withoutToken = () => botEnv(e2e, { LOG_LEVEL: "warn" });

describe("the maintenance commands, run as npm run migrate / seed run them", () => {
  it("migrate applies every migration without a bot token, and a second run changes nothing", async () => {
    const first = await runBotCommand(["migrate"], withoutToken());
    expect(first.code, first.stderr).toBe(0);
    const applied = () => readDb(e2e, sql`select name from kysely_migration order by name`);
    expect(await applied()).toHaveLength(Object.keys(migrations).length);

    const again = await runBotCommand(["migrate"], withoutToken());
    expect(again.code, again.stderr).toBe(0);
    expect(await applied()).toHaveLength(Object.keys(migrations).length);
  });

  it("seed --demo fills the catalog and the demo specialists without a bot token", async () => {
    const seed = await runBotCommand(["seed", "--demo"], withoutToken());
    expect(seed.code, seed.stderr).toBe(0);
    expect(seed.stdout).toContain(`catalog: ${CENTER_CATALOG.length} of ${CENTER_CATALOG.length} centers added`);
    const [specialists] = await readDb(e2e, sql<{ n: number }>`select count(*) as n from specialists where demo = 1`);
    expect(specialists!.n).toBeGreaterThan(0);
  });

  it("running the bot itself still needs the token and says so in one line", async () => {
    const run = await runBotCommand([], withoutToken());
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe("Configuration error: BOT_TOKEN is required (the token from @BotFather)");
  });
});
