import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Rating } from "ts-fsrs";
import { loadCards, recordReview, savePlacement } from "../../src/db/practice.js";
import { findUser } from "../../src/db/users.js";
import { CONSENT_VERSION } from "../../src/domain/profile.js";
import { localDateOf } from "../../src/domain/time.js";
import { screenCalls } from "../support/edits.js";
import { insertTeam } from "../support/teams.js";
import { createHarness, type ApiCall, type Harness } from "../support/harness.js";
import { insertBooking, insertCenter, insertOutboxRow, insertSpecialist } from "../support/fixtures.js";
import { insertTeaTalkSession } from "../support/teatalk.js";
import { registerUser } from "../support/users.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (key: string, vars?: Record<string, string | number>) => h.i18n.t("ru", key, vars);
const kk = (key: string, vars?: Record<string, string | number>) => h.i18n.t("kk", key, vars);

/** The files sent in a batch, as text, in order. */
function documents(batch: ApiCall[]): string[] {
  return batch.filter((c) => c.method === "sendDocument").map((c) => String(c.payload.document));
}

describe("/mydata and /deleteme", () => {
  it("/mydata sends everything stored about the person as a file to read and as JSON", async () => {
    await registerUser(h.db, 701, { name: "Аружан", age: 19, district: "bostandyk", phone: "+77010000001" });
    const u = h.user({ id: 701, first_name: "Аружан", language_code: "ru" });
    const batch = await u.send("/mydata");
    const [readable, json] = documents(batch);
    expect(h.texts(batch)).toEqual([ru("mydata-caption"), ru("mydata-json-caption")]);
    const data = JSON.parse(json!);
    expect(data.user).toMatchObject({ id: 701, name: "Аружан", age: 19, district: "bostandyk", phone: "+77010000001" });
    expect(readable).toContain(ru("mydata-file-title"));
    expect(readable).toContain(`${ru("district-bostandyk")}\n`);
    expect(u.buttons().map((b) => b.callback_data)).toEqual(["menu:open"]);
  });

  it("the file to read is in the person's language, with names, Almaty dates and no internal codes", async () => {
    await registerUser(h.db, 706, {
      language: "kk",
      name: "Әсел",
      age: 16,
      guardianConsent: true,
      district: "bostandyk",
      occupation: "study",
      now: new Date("2026-11-20T10:00:00Z"),
    });
    await insertCenter(h.db, { id: "bostandyk-1", district: "bostandyk", name_kk: "Бостандық жастар орталығы" });
    const specialist = await insertSpecialist(h.db, { centerId: "bostandyk-1", service: "psychologist" });
    const past = await insertBooking(h.db, {
      userId: 706,
      specialist,
      startsAt: "2026-11-20T05:00:00Z",
      endsAt: "2026-11-20T05:50:00Z",
      status: "attended",
      topic: "емтихан алдындағы уайым",
    });
    await h.db.updateTable("bookings").set({ feedback_score: 5, feedback_comment: "Көп көмектесті" }).where("id", "=", past).execute();
    await insertBooking(h.db, { userId: 706, specialist, startsAt: "2026-11-25T05:00:00Z", endsAt: "2026-11-25T05:50:00Z", mode: "online" });
    await insertOutboxRow(h.db, { kind: "booking_reminder", recipientId: 706, dueAt: "2026-11-24T05:00:00Z" });
    const session = await insertTeaTalkSession(h.db, { centerId: "bostandyk-1", startsAt: "2026-11-24T13:30:00Z", topicKk: "Танысайық" });
    await savePlacement(h.db, 706, 2, true, new Date("2026-11-21T10:00:00Z"));
    await recordReview(h.db, { userId: 706, itemId: "greetings-001", reviewNumber: 1, rating: Rating.Good, kind: "flashcard", now: new Date("2026-11-22T14:00:00Z") });
    const u = h.user({ id: 706, first_name: "Әсел", language_code: "kk" });
    await u.press(`tt:join:${session}`);
    const team = await insertTeam(h.db, { name_kk: "Жасыл қала", coordinator_id: 9100 });
    await u.press(`teams:join:${team.id}`);
    await u.send("Ағаш отырғызғым келеді");

    const [readable] = documents(await u.send("/mydata"));
    const due = (await loadCards(h.db, 706))[0]!.card.due;
    const [y, m, d] = localDateOf(due).split("-");
    const profile = kk("mydata-profile", {
      id: 706,
      name: "Әсел",
      age: 16,
      guardian: kk("mydata-guardian-given"),
      district: kk("district-bostandyk"),
      phone: kk("profile-not-set"),
      occupation: kk("occupation-study"),
      language: kk("language-kk"),
      notifications: kk("profile-notifications-on"),
      nudge: kk("profile-not-set"),
      consent: kk("mydata-consent", { when: "20.11.2026, 15:00", version: CONSENT_VERSION }),
      registered: "20.11.2026, 15:00",
      created: "20.11.2026, 15:00",
    });
    const booking = (when: string, mode: string, status: string) =>
      kk("mydata-booking", { when, service: kk("service-psychologist"), center: "Бостандық жастар орталығы", mode: kk(`consult-mode-${mode}`), status: kk(`bookings-status-${status}`) });
    expect(readable).toBe(
      [
        kk("mydata-file-title"),
        kk("mydata-file-made", { when: "23.11.2026, 09:00" }),
        profile,
        [
          kk("mydata-bookings-title"),
          booking("20.11.2026, 10:00–10:50", "in_person", "attended"),
          "  " + kk("mydata-booking-topic", { topic: "емтихан алдындағы уайым" }),
          "  " + kk("mydata-booking-score", { score: 5 }),
          "  " + kk("mydata-booking-comment", { comment: "Көп көмектесті" }),
          booking("25.11.2026, 10:00–10:50", "online", "confirmed"),
        ].join("\n"),
        [
          kk("mydata-signups-title"),
          kk("mydata-signup", {
            when: "24.11.2026, 18:30–20:00",
            center: "Бостандық жастар орталығы",
            kind: kk("teatalk-level-beginner"),
            topic: "Танысайық",
            status: kk("mydata-signup-status-confirmed"),
          }),
        ].join("\n"),
        [
          kk("mydata-teams-title"),
          kk("mydata-team", { team: "Жасыл қала", when: "23.11.2026", status: kk("mydata-team-status-requested") }),
          "  " + kk("mydata-team-message", { message: "Ағаш отырғызғым келеді" }),
        ].join("\n"),
        [
          kk("mydata-practice-title"),
          kk("mydata-practice-settings", { level: kk("practice-level-2"), pace: 10, placement: kk("mydata-placement-done") }),
          kk("mydata-practice-answers", { count: 1, last: "22.11.2026, 19:00" }),
          kk("mydata-practice-words"),
          kk("mydata-practice-word", { kk: "сәлеметсіз бе", ru: "здравствуйте", next: `${d}.${m}.${y}` }),
        ].join("\n"),
        // "My card" never opened: no card yet.
        [kk("mydata-card-title"), kk("mydata-none")].join("\n"),
      ].join("\n\n") + "\n",
    );
    // Codes and bookkeeping stay in the JSON only.
    for (const code of ["bostandyk", "psychologist", "in_person", "attended", "greetings-001", "stability", "booking_reminder", "T05:00"]) {
      expect(readable).not.toContain(code);
    }
  });

  it("/deleteme asks first, then erases and counts the erasure anonymously", async () => {
    await registerUser(h.db, 702, { language: "kk" });
    const u = h.user({ id: 702, first_name: "Test", language_code: "ru" });
    expect(h.texts(await u.send("/deleteme"))).toEqual([kk("deleteme-confirm")]);
    // The answer takes the question's place, so that its buttons cannot be pressed again.
    const question = u.messages().at(-1)!.message_id;
    const kept = await u.press("privacy:erase:no");
    expect(h.texts(kept)).toEqual([kk("deleteme-kept")]);
    expect(screenCalls(kept)).toEqual({ edited: [question], sent: 0 });
    expect(u.buttons().map((b) => b.callback_data)).toEqual(["menu:open"]);
    expect(await findUser(h.db, 702)).toBeDefined();

    await u.send("/deleteme");
    const again = u.messages().at(-1)!.message_id;
    const erased = await u.press("privacy:erase:yes");
    expect(h.texts(erased)).toEqual([kk("deleteme-done")]);
    expect(screenCalls(erased)).toEqual({ edited: [again], sent: 0 });
    expect(u.messages().find((m) => m.message_id === again)!.reply_markup).toBeUndefined();
    expect(await findUser(h.db, 702)).toBeUndefined();
    const counts = await h.db.selectFrom("anonymous_counts").selectAll().execute();
    expect(counts).toEqual([{ metric: "accounts_erased", day: "2026-11-23", count: 1 }]);
    // Nothing about the person is left in the export either.
    const after = await u.send("/mydata");
    // With the stored language gone, the answer follows the Telegram client's.
    expect(h.texts(after)).toEqual([ru("mydata-nothing")]);
    expect(documents(after)).toEqual([]);
  });

  it("counts a second erasure on the same day into the same figure", async () => {
    for (const id of [704, 705]) {
      await registerUser(h.db, id, { language: "ru" });
      const u = h.user({ id, first_name: "Test", language_code: "ru" });
      await u.send("/deleteme");
      expect(h.texts(await u.press("privacy:erase:yes"))).toEqual([ru("deleteme-done")]);
    }
    const counts = await h.db.selectFrom("anonymous_counts").selectAll().execute();
    expect(counts).toEqual([{ metric: "accounts_erased", day: "2026-11-23", count: 2 }]);
  });

  it("erasing mid-conversation drops the saved conversation too", async () => {
    const u = h.user({ id: 703, first_name: "Test", language_code: "ru" });
    await u.send("/start");
    await u.press("su-lang:ru");
    expect(await h.db.selectFrom("conversation_state").selectAll().execute()).toHaveLength(1);
    await u.send("/cancel");
    await u.send("/deleteme");
    await u.press("privacy:erase:yes");
    expect(await h.db.selectFrom("conversation_state").selectAll().execute()).toHaveLength(0);
    expect(await findUser(h.db, 703)).toBeUndefined();
  });
});

describe("help", () => {
  it("/help and the menu entry show the three help lines in the person's language", async () => {
    const u = h.user({ id: 704, first_name: "Test", language_code: "kk" });
    const fromCommand = h.texts(await u.send("/help"))[0]!;
    const fromMenu = h.texts(await u.press("menu:help"))[0]!;
    expect(fromCommand).toBe(kk("help-crisis"));
    expect(fromMenu).toBe(kk("help-crisis"));
    // The help lines stay in the chat, with a way on from them.
    expect(u.buttons().map((b) => [b.text, b.callback_data])).toEqual([[kk("button-menu"), "menu:open"]]);
    for (const number of ["150", "111", "112"]) expect(fromCommand).toContain(number);
  });

  it("a crisis phrase outside any flow gets help at once", async () => {
    const u = h.user({ id: 705, first_name: "Test", language_code: "ru" });
    expect(h.texts(await u.send("Мне кажется, я хочу умереть"))).toEqual([ru("crisis-detected"), ru("help-crisis")]);
  });
});

describe("erasure and bookings", () => {
  it("/deleteme names the consultations and club places it would cancel before asking", async () => {
    await registerUser(h.db, 711, { language: "ru" });
    await insertCenter(h.db, { id: "medeu-1", name_ru: "Центр «Медеу» & друзья" });
    const specialist = await insertSpecialist(h.db, { centerId: "medeu-1", service: "lawyer" });
    const booking = await insertBooking(h.db, { userId: 711, specialist, startsAt: "2026-11-25T05:00:00Z", endsAt: "2026-11-25T05:50:00Z" });
    // A past one is not cancelled and not named.
    await insertBooking(h.db, { userId: 711, specialist, startsAt: "2026-11-20T05:00:00Z", endsAt: "2026-11-20T05:50:00Z", status: "attended" });
    const session = await insertTeaTalkSession(h.db, { centerId: "medeu-1", startsAt: "2026-11-24T13:30:00Z" });
    const u = h.user({ id: 711, first_name: "Тест", language_code: "ru" });
    await u.press(`tt:join:${session}`);

    const asked = await u.send("/deleteme");
    const items = [
      ru("deleteme-booking-item", { day: "25 ноября, среда", time: "10:00", service: ru("service-lawyer"), center: "Центр «Медеу» &amp; друзья" }),
      ru("deleteme-teatalk-item", { day: "24 ноября, вторник", time: "18:30", center: "Центр «Медеу» &amp; друзья" }),
    ].join("\n");
    expect(h.texts(asked)).toEqual([`${ru("deleteme-cancels", { items })}\n\n${ru("deleteme-confirm")}`]);
    expect(asked.find((c) => c.method === "sendMessage")?.payload.parse_mode).toBe("HTML");
    // Asking changes nothing.
    expect((await h.db.selectFrom("bookings").select("status").where("id", "=", booking).executeTakeFirstOrThrow()).status).toBe("confirmed");
    expect((await h.db.selectFrom("event_signups").select("status").executeTakeFirstOrThrow()).status).toBe("confirmed");

    await u.press("privacy:erase:yes");
    expect((await h.db.selectFrom("bookings").select("status").where("id", "=", booking).executeTakeFirstOrThrow()).status).toBe("cancelled");
    expect((await h.db.selectFrom("event_signups").select("status").executeTakeFirstOrThrow()).status).toBe("cancelled");
  });

  it("exports the person's bookings, cancels upcoming ones and keeps past ones without personal details", async () => {
    await registerUser(h.db, 710, { name: "Алия" });
    await insertCenter(h.db, { id: "medeu-1" });
    const specialist = await insertSpecialist(h.db, { centerId: "medeu-1", service: "psychologist" });
    const past = await insertBooking(h.db, {
      userId: 710,
      specialist,
      startsAt: "2026-11-20T05:00:00Z",
      endsAt: "2026-11-20T05:50:00Z",
      status: "attended",
      topic: "тревога",
    });
    const upcoming = await insertBooking(h.db, {
      userId: 710,
      specialist,
      startsAt: "2026-11-25T05:00:00Z",
      endsAt: "2026-11-25T05:50:00Z",
      topic: "сон",
    });

    const u = h.user({ id: 710, first_name: "Алия", language_code: "ru" });
    const exported = JSON.parse(documents(await u.send("/mydata"))[1]!);
    expect(exported.bookings.map((b: { id: number; topic: string }) => [b.id, b.topic])).toEqual([
      [past, "тревога"],
      [upcoming, "сон"],
    ]);

    const sent = await insertOutboxRow(h.db, { kind: "booking_reminder", recipientId: 710, dueAt: "2026-11-19T05:00:00Z", bookingId: past, state: "sent" });
    expect(sent).toBeGreaterThan(0);

    await u.send("/deleteme");
    await u.press("privacy:erase:yes");
    // Nothing sent to the person is kept: it would tie the anonymous bookings back to them.
    expect(await h.db.selectFrom("outbox").select("id").where("recipient_id", "=", 710).execute()).toEqual([]);
    const rows = await h.db.selectFrom("bookings").select(["id", "user_id", "topic", "status"]).orderBy("id").execute();
    expect(rows).toEqual([
      { id: past, user_id: null, topic: null, status: "attended" },
      { id: upcoming, user_id: null, topic: null, status: "cancelled" },
    ]);
  });
});
