import { join } from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { eventCardText, eventDetails, eventWhenAndWhere } from "../../src/bot/features/events/format.js";
import { createI18n } from "../../src/bot/i18n.js";
import { findEvent, type EventView } from "../../src/db/events.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { addDays, localDateOf, toInstant } from "../../src/domain/time.js";
import { addMinutes } from "../../src/domain/time-math.js";
import { htmlToPlainText } from "../../src/emulator/bot-api-emulator.js";
import { insertEvent } from "../support/events.js";
import { recorded } from "../support/harness.js";
import type { TestUser } from "../support/updates.js";
import { botEnv, endToEndSetupEachTest, readDb, startBot } from "./bot-process.js";
import { expectReplies, textOf } from "./dialogue.js";
import { ProcessClock } from "./process-clock.js";

const e2e = endToEndSetupEachTest("jastar-e2e-event-link-");

const i18n = createI18n();
const t = (key: string, vars?: Record<string, string | number>) => i18n.t("kk", key, vars);
/** A locale text in Kazakh as the person reads it in the chat. */
const kk = (key: string, vars?: Record<string, string | number>) => htmlToPlainText(t(key, vars));

const person: TestUser = { id: 700511, first_name: "Әсем", language_code: "kk" };
/** The scheduler's tick is 10 seconds: a reminder due now goes out within that. */
const REMINDER_WAIT_MS = 15_000;

/** An event in a park, in a database the bot will find migrated. */
async function prepareEvent(startsAt: Date): Promise<EventView> {
  const db = e2e.db;
  await migrateToLatest(db);
  const id = await insertEvent(db, { startsAt, title: "Жастар форумы", venue: { kk: "Орталық саябақ", ru: "Центральный парк" }, capacity: 50 });
  return (await findEvent(db, id))!;
}

describe("a poster's link to an event, in the bot process", () => {
  it("signs a new person up, lands them on the event, takes their seat and reminds them the day before", { timeout: 40_000 }, async () => {
    // The process runs on a clock of the test's own: tomorrow at noon in Almaty, whatever the
    // time of the run, so that the reminder is never held back for the night.
    const today = localDateOf(new Date());
    const clock = new ProcessClock(join(e2e.dir, "clock"), toInstant(addDays(today, 1), "12:00"));
    // The reminder falls due two minutes later: time enough for the sign-up, and a short jump.
    const startsAt = toInstant(addDays(today, 2), "12:02");
    const event = await prepareEvent(startsAt);
    const bot = await startBot(e2e.em, botEnv(e2e, { LOG_LEVEL: "warn", ...clock.env }));
    e2e.em.addUser(person);
    const u = person;

    await expectReplies(e2e, u, () => e2e.em.sendText(u, `/start event_${event.id}`), [kk("signup-choose-language")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, t("language-kk")), [kk("signup-overview")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, t("button-signup-start")), [kk("signup-consent")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, t("button-consent-yes")), [kk("signup-ask-name")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, t("button-use-name", { name: "Әсем" })), [kk("signup-ask-age")]);
    await expectReplies(e2e, u, () => e2e.em.sendText(u, "19"), [kk("signup-ask-district")]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, t("district-medeu")), [
      recorded(kk("signup-ask-district"), t("district-medeu")),
      kk("signup-ask-phone"),
    ]);
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, t("button-skip")), [kk("signup-phone-skipped"), kk("signup-ask-occupation")]);
    // Sign-up done, the poster's event comes next rather than the main menu.
    await expectReplies(e2e, u, () => e2e.em.clickButton(u, t("occupation-study")), [
      recorded(kk("signup-ask-occupation"), t("occupation-study")),
      kk("signup-done", { name: "Әсем" }),
      htmlToPlainText(eventCardText(t, "kk", event)),
    ]);

    const [, joined] = await expectReplies(e2e, u, () => e2e.em.clickButton(u, t("events-button-join")), [
      expect.stringContaining(t("events-button-join")),
      kk("events-joined", eventWhenAndWhere(t, "kk", event, clock.now())),
    ]);
    expect(textOf(joined!)).toMatch(/^✅/);
    const signups = await readDb(e2e, sql<{ id: number; status: string }>`select id, status from event_signups where user_id = ${u.id}`);
    expect(signups).toMatchObject([{ status: "confirmed" }]);
    const dueAt = addMinutes(startsAt, -24 * 60);
    const reminder = () => readDb(e2e, sql`select kind, due_at, state from outbox where recipient_id = ${u.id}`);
    expect(await reminder()).toEqual([{ kind: "event_reminder", due_at: dueAt.toISOString(), state: "pending" }]);

    // A day before the event: the reminder comes, with a way to give the seat up.
    clock.advance(dueAt.getTime() - clock.now().getTime() + 1000);
    const message = await e2e.em.waitForMessageTo(u.id, undefined, REMINDER_WAIT_MS);
    expect(textOf(message)).toBe(
      kk("events-reminder", { when: t("reminders-when-tomorrow", { time: "12:02" }), details: eventDetails(t, "kk", event) }),
    );
    const markup = message.reply_markup;
    const buttons = markup && "inline_keyboard" in markup ? markup.inline_keyboard.flat() : [];
    expect(buttons).toEqual([{ text: t("events-button-cannot-come"), callback_data: `ev:cancel:${signups[0]!.id}` }]);

    // Stopping lets the run in flight record what it sent.
    expect(await bot.stop()).toBe(0);
    expect(await reminder()).toMatchObject([{ kind: "event_reminder", state: "sent" }]);
    expect(bot.output()).not.toContain("Әсем");
  });
});
