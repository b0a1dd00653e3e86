import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { TEST_TOKEN } from "../support/harness.js";
import { registerUser } from "../support/users.js";
import { htmlToPlainText } from "../../src/emulator/bot-api-emulator.js";
import type { TestUser } from "../support/updates.js";
import { botEnv, endToEndSetupEachTest, readDb, runBotCommand, startBot } from "./bot-process.js";
import { expectReplies, expectScreen, textOf } from "./dialogue.js";

const e2e = endToEndSetupEachTest("jastar-e2e-events-");

const i18n = createI18n();
const ru = (key: string, vars?: Record<string, string | number>) => htmlToPlainText(i18n.t("ru", key, vars));
/** A button's label: plain text, as Telegram shows it. */
const label = (key: string) => i18n.t("ru", key);

const person: TestUser = { id: 700411, first_name: "Айдана", language_code: "ru" };

describe("events in the bot process", () => {
  it("lists the demo events from the main menu, signs up for one and sends its calendar file", async () => {
    // A reminder an hour before: tomorrow's 18:00 class is less than a day ahead in the evening.
    const env = botEnv(e2e, { BOT_TOKEN: TEST_TOKEN, LOG_LEVEL: "warn", EVENT_REMINDER_MINUTES: "60" });
    const seed = await runBotCommand(["seed", "--demo"], env);
    expect(seed.code, `${seed.stdout}${seed.stderr}`).toBe(0);
    expect(seed.stdout).toContain("events: 8 added");
    await registerUser(e2e.db, person.id, { language: "ru", now: new Date() });
    const bot = await startBot(e2e.em, env);
    e2e.em.addUser(person);

    await expectReplies(e2e, person, () => e2e.em.sendText(person, "/menu"), [ru("menu-title")]);
    const list = await expectScreen(e2e, person, () => e2e.em.clickButton(person, label("menu-events")), expect.stringContaining(ru("events-list-hint")));
    expect(textOf(list)).toContain("(демо)");

    // The soonest demo event is tomorrow's class.
    const card = await expectScreen(e2e, person, () => e2e.em.clickButton(person, "1"), expect.stringContaining("Основы SMM (демо)"));
    expect(textOf(card)).toContain(ru("events-card-organiser", { host: "" }).trim());
    const [, joined] = await expectReplies(e2e, person, () => e2e.em.clickButton(person, label("events-button-join")), [
      expect.stringContaining(ru("events-button-join")),
      expect.stringContaining("«Основы SMM (демо)»"),
    ]);
    expect(textOf(joined!)).toMatch(/^✅/);
    const [file] = await expectReplies(e2e, person, () => e2e.em.clickButton(person, label("events-button-calendar")), [ru("events-ics-caption")]);
    expect(file!.document?.file_name).toBe("event.ics");

    expect(await readDb(e2e, sql`select status from event_signups where user_id = ${person.id}`)).toEqual([{ status: "confirmed" }]);
    expect(await readDb(e2e, sql`select kind from outbox where recipient_id = ${person.id}`)).toEqual([{ kind: "event_reminder" }]);
    expect(await bot.stop()).toBe(0);
  });
});
