import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findUser } from "../../src/db/users.js";
import { createHarness, type Harness } from "../support/harness.js";
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

describe("/mydata and /deleteme", () => {
  it("/mydata sends everything stored about the person as a JSON file", async () => {
    await registerUser(h.db, 701, { name: "Аружан", age: 19, district: "bostandyk", phone: "+77010000001" });
    const u = h.user({ id: 701, first_name: "Аружан", language_code: "ru" });
    const batch = await u.send("/mydata");
    const doc = batch.find((c) => c.method === "sendDocument");
    expect(doc?.payload.caption).toBe(ru("mydata-caption"));
    const data = JSON.parse(doc!.payload.document);
    expect(data.user).toMatchObject({ id: 701, name: "Аружан", age: 19, district: "bostandyk", phone: "+77010000001" });
  });

  it("/deleteme asks first, then erases and counts the erasure anonymously", async () => {
    await registerUser(h.db, 702, { language: "kk" });
    const u = h.user({ id: 702, first_name: "Test", language_code: "ru" });
    expect(h.texts(await u.send("/deleteme"))).toEqual([kk("deleteme-confirm")]);
    expect(h.texts(await u.press("privacy:erase:no"))).toEqual([kk("deleteme-kept"), kk("menu-title")]);
    expect(await findUser(h.db, 702)).toBeDefined();

    await u.send("/deleteme");
    expect(h.texts(await u.press("privacy:erase:yes"))).toEqual([kk("deleteme-done")]);
    expect(await findUser(h.db, 702)).toBeUndefined();
    const counts = await h.db.selectFrom("anonymous_counts").selectAll().execute();
    expect(counts).toEqual([{ metric: "accounts_erased", day: "2026-11-23", count: 1 }]);
    // Nothing about the person is left in the export either.
    const after = await u.send("/mydata");
    expect(JSON.parse(after.find((c) => c.method === "sendDocument")!.payload.document)).toEqual({});
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
    expect((await h.db.selectFrom("teatalk_signups").select("status").executeTakeFirstOrThrow()).status).toBe("confirmed");

    await u.press("privacy:erase:yes");
    expect((await h.db.selectFrom("bookings").select("status").where("id", "=", booking).executeTakeFirstOrThrow()).status).toBe("cancelled");
    expect((await h.db.selectFrom("teatalk_signups").select("status").executeTakeFirstOrThrow()).status).toBe("cancelled");
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
    const exported = JSON.parse((await u.send("/mydata")).find((c) => c.method === "sendDocument")!.payload.document);
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
