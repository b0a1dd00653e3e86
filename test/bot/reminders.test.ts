import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { itemBlock } from "../../src/bot/features/practice/format.js";
import { noticeRenderers } from "../../src/bot/notices.js";
import { feedbackSummary } from "../../src/db/feedback.js";
import { enqueue } from "../../src/db/outbox.js";
import { findUser, updateUser } from "../../src/db/users.js";
import { FEEDBACK_COMMENT_MAX_LENGTH } from "../../src/domain/feedback.js";
import { bookingNotices } from "../../src/domain/notices.js";
import { phraseOfTheDay } from "../../src/domain/practice/phrase-of-the-day.js";
import { NUDGE_TIMES } from "../../src/domain/practice-nudge.js";
import type { BookingMode } from "../../src/domain/services.js";
import { addDays, localDateOf, toInstant } from "../../src/domain/time.js";
import { createLogger } from "../../src/logger.js";
import { OutboxDispatcher } from "../../src/scheduler/dispatcher.js";
import { insertBooking, insertCenter, insertSpecialist } from "../support/fixtures.js";
import { screenCalls } from "../support/edits.js";
import { createHarness, type ApiCall, type Harness } from "../support/harness.js";
import { registerUser } from "../support/users.js";

let h: Harness;
beforeEach(async () => {
  // 09:00 in Almaty on Monday 23 November.
  h = await createHarness({ now: "2026-11-23T04:00:00Z" });
  await insertCenter(h.db, { id: "medeu-1", name_kk: "Медеу жастар орталығы", name_ru: "Молодёжный центр Медеу" });
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (key: string, vars?: Record<string, string | number>) => h.i18n.t("ru", key, vars);
const kk = (key: string, vars?: Record<string, string | number>) => h.i18n.t("kk", key, vars);

/** Sends what is due through the bot's own API client, as the scheduler does; returns the calls it made. */
async function dispatch(): Promise<ApiCall[]> {
  const from = h.calls.length;
  const deps = { config: h.config, db: h.db, logger: createLogger("silent"), clock: h.clock, api: h.bot.api, i18n: h.i18n, renderers: noticeRenderers };
  await new OutboxDispatcher(deps, { sleep: async (ms) => h.clock.advance(ms) }).dispatchDue();
  return h.calls.slice(from);
}

/** A booking tomorrow at 14:00 Almaty, with the reminders and feedback request a booking plans. */
async function bookTomorrow(userId: number, status: "confirmed" | "cancelled" = "confirmed", mode: BookingMode = "in_person"): Promise<number> {
  const specialist = await insertSpecialist(h.db, { centerId: "medeu-1", service: "career" });
  const day = addDays(localDateOf(h.clock.now()), 1);
  const startsAt = toInstant(day, "14:00");
  const endsAt = toInstant(day, "14:45");
  const id = await insertBooking(h.db, { specialist, userId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), status, mode });
  for (const n of bookingNotices({ id, startsAt, endsAt }, h.config.reminderOffsetsMinutes, h.clock.now())) {
    await enqueue(h.db, { ...n, recipientId: userId, bookingId: id }, h.clock.now());
  }
  return id;
}

async function dueOf(bookingId: number, kind: string): Promise<string> {
  const row = await h.db.selectFrom("outbox").select("due_at").where("booking_id", "=", bookingId).where("kind", "=", kind).orderBy("due_at").executeTakeFirstOrThrow();
  return row.due_at;
}

function answer(batch: ApiCall[]): Record<string, any> | undefined {
  return batch.find((c) => c.method === "answerCallbackQuery")?.payload;
}

async function bookingRow(id: number) {
  return h.db.selectFrom("bookings").select(["feedback_score", "feedback_comment"]).where("id", "=", id).executeTakeFirstOrThrow();
}

describe("feedback after a consultation", () => {
  it("asks for a score, then an optional comment, once, from the booking's person only", async () => {
    await registerUser(h.db, 701, { language: "ru" });
    await registerUser(h.db, 702, { language: "ru" });
    const u = h.user({ id: 701, first_name: "Айдана", language_code: "ru" });
    const stranger = h.user({ id: 702, first_name: "Чужой", language_code: "ru" });
    const id = await bookTomorrow(701);

    h.clock.set(await dueOf(id, "booking_feedback"));
    const sent = await dispatch();
    expect(h.texts(sent)).toEqual([ru("feedback-ask", { service: ru("service-career"), day: "24 ноября, вторник" })]);
    expect(u.buttons().map((b) => b.callback_data)).toEqual([1, 2, 3, 4, 5].map((s) => `fb:${id}:${s}`));

    // Someone else's forged press changes nothing.
    const forged = await stranger.press(`fb:${id}:1`);
    expect(answer(forged)).toMatchObject({ text: ru("feedback-not-yours"), show_alert: true });
    expect((await bookingRow(id)).feedback_score).toBeNull();

    const request = u.messages().at(-1)!.message_id;
    const rated = await u.press(`fb:${id}:4`);
    expect(answer(rated)).toMatchObject({ text: ru("feedback-thanks-alert") });
    // The request keeps the score as its record, without the buttons; the comment is asked below.
    expect(h.texts(rated)).toEqual([expect.stringContaining("\n\n✔️ 4"), ru("feedback-ask-comment", { max: FEEDBACK_COMMENT_MAX_LENGTH })]);
    expect(screenCalls(rated).edited).toEqual([request]);
    expect(u.messages().find((m) => m.message_id === request)!.reply_markup).toBeUndefined();
    expect((await bookingRow(id)).feedback_score).toBe(4);

    expect(h.texts(await u.sendSticker())).toEqual([ru("need-text"), ru("feedback-ask-comment", { max: FEEDBACK_COMMENT_MAX_LENGTH })]);
    expect(h.texts(await u.send("а".repeat(FEEDBACK_COMMENT_MAX_LENGTH + 1)))).toEqual([ru("text-too-long", { max: FEEDBACK_COMMENT_MAX_LENGTH })]);
    expect(h.texts(await u.send("Очень помогли с резюме, спасибо!"))).toEqual([ru("feedback-comment-saved")]);
    // The thanks is not a dead end.
    expect(u.buttons().map((b) => b.callback_data)).toEqual(["menu:open"]);
    expect(await bookingRow(id)).toEqual({ feedback_score: 4, feedback_comment: "Очень помогли с резюме, спасибо!" });

    // The same buttons again: already rated, nothing changes.
    const again = await u.press(`fb:${id}:1`);
    expect(answer(again)).toMatchObject({ text: ru("feedback-already-given"), show_alert: true });
    expect(h.texts(again)).toEqual([]);
    expect(await feedbackSummary(h.db)).toEqual({ count: 1, average: 4 });
  });

  it("lets the comment be skipped, in Kazakh", async () => {
    await registerUser(h.db, 703, { language: "kk" });
    const u = h.user({ id: 703, first_name: "Ерлан", language_code: "kk" });
    const id = await bookTomorrow(703);
    h.clock.set(await dueOf(id, "booking_feedback"));
    expect(h.texts(await dispatch())).toEqual([kk("feedback-ask", { service: kk("service-career"), day: "24 қараша, сейсенбі" })]);
    await u.press(`fb:${id}:5`);
    // After the record of the question answered.
    expect(h.texts(await u.press("fb-comment:skip")).slice(1)).toEqual([kk("feedback-comment-skipped")]);
    expect(u.buttons().map((b) => [b.text, b.callback_data])).toEqual([[kk("button-menu"), "menu:open"]]);
    expect(await bookingRow(id)).toEqual({ feedback_score: 5, feedback_comment: null });
  });

  it("refuses a score before the end and for a consultation that did not take place, and asks nothing then", async () => {
    await registerUser(h.db, 704, { language: "ru" });
    const u = h.user({ id: 704, first_name: "Тест", language_code: "ru" });
    const upcoming = await bookTomorrow(704);
    expect(answer(await u.press(`fb:${upcoming}:5`))).toMatchObject({ text: ru("feedback-too-early"), show_alert: true });

    const cancelled = await bookTomorrow(704, "cancelled");
    h.clock.set(await dueOf(cancelled, "booking_feedback"));
    // The cancelled booking's request is not sent; the other one is.
    expect(h.texts(await dispatch())).toEqual([ru("feedback-ask", { service: ru("service-career"), day: "24 ноября, вторник" })]);
    expect(answer(await u.press(`fb:${cancelled}:5`))).toMatchObject({ text: ru("feedback-not-held"), show_alert: true });
    expect((await bookingRow(cancelled)).feedback_score).toBeNull();
  });
});

describe("the reminder's buttons", () => {
  it("'I'll come' thanks the person while the booking is theirs and upcoming", async () => {
    await registerUser(h.db, 711, { language: "ru" });
    await registerUser(h.db, 712, { language: "ru" });
    const u = h.user({ id: 711, first_name: "Тест", language_code: "ru" });
    const id = await bookTomorrow(711);
    h.clock.set(await dueOf(id, "booking_reminder"));
    await dispatch();
    expect(u.buttons().map((b) => b.callback_data)).toEqual([`rem:coming:${id}`, `mybk:cancel:${id}`, `mybk:reschedule:${id}`]);

    const coming = await u.press(`rem:coming:${id}`);
    expect(answer(coming)).toMatchObject({ text: ru("reminders-coming-alert") });
    // The reminder stays as a record of the answer; the thanks comes below it.
    expect(h.texts(coming)).toEqual([
      expect.stringContaining(`\n\n✔️ ${ru("reminders-button-coming")}`),
      ru("reminders-coming-thanks", { when: ru("reminders-when-tomorrow", { time: "14:00" }) }),
    ]);
    expect(screenCalls(coming)).toEqual({ edited: [u.messages()[0]!.message_id], sent: 1 });
    expect(u.buttons().map((b) => b.callback_data)).toEqual(["menu:open"]);

    const stranger = h.user({ id: 712, first_name: "Чужой", language_code: "ru" });
    const forged = await stranger.press(`rem:coming:${id}`);
    expect(answer(forged)).toMatchObject({ text: ru("stale-button-alert") });
    expect(h.texts(forged)).toEqual([ru("reminders-not-active")]);

    await h.db.updateTable("bookings").set({ status: "cancelled" }).where("id", "=", id).execute();
    const stale = await u.press(`rem:coming:${id}`);
    expect(answer(stale)).toMatchObject({ text: ru("stale-button-alert") });
    expect(h.texts(stale)).toEqual([ru("reminders-not-active")]);
    expect(u.buttons().map((b) => b.callback_data)).toEqual(["menu:bookings", "menu:open"]);
  });
});

describe("the reminder of an online consultation", () => {
  it("says the specialist will write in Telegram, and without a username to keep messages open", async () => {
    await registerUser(h.db, 721, { language: "kk" });
    await registerUser(h.db, 722, { language: "ru" });
    await h.db.updateTable("users").set({ username: "aruzhan" }).where("id", "=", 721).execute();
    const withUsername = await bookTomorrow(721, "confirmed", "online");
    await bookTomorrow(722, "confirmed", "online");
    h.clock.set(await dueOf(withUsername, "booking_reminder"));
    const texts = h.texts(await dispatch());
    const reminder = (t: typeof ru) => t("reminders-booking", { when: t("reminders-when-tomorrow", { time: "14:00" }), service: t("service-career"), place: t("reminders-online") });
    expect(texts.sort()).toEqual(
      [
        `${reminder(kk)}\n\n${kk("consult-online-how")}`,
        `${reminder(ru)}\n\n${ru("consult-online-how")}\n${ru("consult-online-no-username")}`,
      ].sort(),
    );
  });
});

describe("the daily Kazakh-practice nudge", () => {
  it("is chosen in the profile, planned, moved, sent with a way to practise, and turned off", async () => {
    await registerUser(h.db, 721, { language: "kk" });
    const u = h.user({ id: 721, first_name: "Әсел", language_code: "kk" });

    await u.press("menu:profile");
    expect(u.buttons().find((b) => b.callback_data === "nudge:open")?.text).toBe(kk("nudge-profile-button-off"));
    expect(h.texts(await u.press("nudge:open"))).toEqual([kk("nudge-choose")]);
    expect(u.buttons().map((b) => b.callback_data)).toEqual([...NUDGE_TIMES.map((t) => `nudge:set:${t}`), "nudge:set:off", "menu:profile"]);

    const saved = await u.press("nudge:set:20:00");
    expect(answer(saved)).toMatchObject({ text: kk("nudge-saved", { time: "20:00" }) });
    expect(u.buttons().find((b) => b.callback_data === "nudge:open")?.text).toBe(kk("nudge-profile-button-on", { time: "20:00" }));
    expect((await findUser(h.db, 721))?.practice_nudge_time).toBe("20:00");

    await u.press("nudge:open");
    await u.press("nudge:set:18:00");
    const rows = await h.db.selectFrom("outbox").select(["state", "due_at"]).where("recipient_id", "=", 721).orderBy("id").execute();
    expect(rows).toEqual([
      { state: "cancelled", due_at: toInstant("2026-11-23", "20:00").toISOString() },
      { state: "pending", due_at: toInstant("2026-11-23", "18:00").toISOString() },
    ]);

    h.clock.set(toInstant("2026-11-23", "18:00"));
    // With the phrase of the day for a beginner (no placement yet), and the way into practice.
    const phrase = phraseOfTheDay("2026-11-23", 1);
    const expected = `${kk("nudge-text")}\n\n${kk("practice-phrase-of-the-day", { item: itemBlock(kk, phrase) })}`;
    expect(h.texts(await dispatch())).toEqual([expected]);
    expect(u.buttons().map((b) => [b.text, b.callback_data])).toEqual([[kk("nudge-button-practice"), "practice:open:nudge"]]);

    await u.press("menu:profile");
    await u.press("nudge:open");
    expect(answer(await u.press("nudge:set:off"))).toMatchObject({ text: kk("nudge-turned-off") });
    expect((await findUser(h.db, 721))?.practice_nudge_time).toBeNull();
    expect(await h.db.selectFrom("outbox").select("id").where("recipient_id", "=", 721).where("state", "=", "pending").execute()).toEqual([]);
  });

  it("warns when notifications are off, and treats a forged time or a press without an account as stale", async () => {
    await registerUser(h.db, 722, { language: "ru" });
    await updateUser(h.db, 722, { notifications: 0 }, h.clock.now());
    const u = h.user({ id: 722, first_name: "Тест", language_code: "ru" });
    await u.press("nudge:open");
    const saved = await u.press("nudge:set:12:00");
    expect(h.texts(saved)[0]).toBe(ru("nudge-notifications-off"));

    const forged = await u.press("nudge:set:07:00");
    expect(answer(forged)).toMatchObject({ text: ru("stale-button-alert") });
    expect((await findUser(h.db, 722))?.practice_nudge_time).toBe("12:00");

    const guest = h.user({ id: 723, first_name: "Гость", language_code: "ru" });
    expect(answer(await guest.press("nudge:set:12:00"))).toMatchObject({ text: ru("stale-button-alert") });
    expect(await findUser(h.db, 723)).toBeUndefined();
  });
});

it("someone marked as having blocked the bot is reachable again once they write", async () => {
  await registerUser(h.db, 731, { language: "ru" });
  await updateUser(h.db, 731, { blocked_at: "2026-11-20T10:00:00.000Z" }, h.clock.now());
  await h.user({ id: 731, first_name: "Тест", language_code: "ru" }).send("/menu");
  expect((await findUser(h.db, 731))?.blocked_at).toBeNull();
});
