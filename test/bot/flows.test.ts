import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ABANDONED_FLOW_DAYS, forgetAbandonedFlows } from "../../src/db/conversation-state.js";
import { findUser } from "../../src/db/users.js";
import { BOOKING_WINDOW_DAYS } from "../../src/domain/services.js";
import { insertBooking, insertCenter, insertSpecialist } from "../support/fixtures.js";
import { createHarness, recorded, type Harness } from "../support/harness.js";
import { storedFlow } from "../support/flow-state.js";
import { callbackUpdate } from "../support/updates.js";
import { signedUpUser } from "../support/users.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (key: string, vars?: Record<string, string | number>) => h.i18n.t("ru", key, vars);

describe("a screen's button in the middle of a flow", () => {
  it("ends the flow and does what it says: a reminder's Cancel pressed during a profile edit", async () => {
    await insertCenter(h.db, { id: "almaly-1" });
    const specialist = await insertSpecialist(h.db, { centerId: "almaly-1", service: "career" });
    const u = await signedUpUser(h, 801, "ru");
    const booking = await insertBooking(h.db, {
      userId: 801,
      specialist,
      startsAt: "2026-11-25T05:00:00Z",
      endsAt: "2026-11-25T05:45:00Z",
    });

    await u.press("profile:edit:name");
    expect(await h.db.selectFrom("conversation_state").selectAll().execute()).toHaveLength(1);
    const batch = await u.press(`mybk:cancel:${booking}`);
    // The cancel confirmation of My bookings, not the name question again.
    expect(h.texts(batch)).toHaveLength(1);
    expect(u.buttons().map((b) => b.callback_data)).toContain(`mybk:cancel-yes:${booking}`);
    expect(batch.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBeUndefined();
    expect(await h.db.selectFrom("conversation_state").selectAll().execute()).toHaveLength(0);
    // The name question is gone: a name typed now is not taken as one.
    expect(h.texts(await u.send("Новое Имя"))).toEqual([ru("unknown-message"), ru("menu-title")]);
    expect((await findUser(h.db, 801))?.name).toBe("Тест");
  });

  it("a screen's button that no codec reads leaves the flow and is answered as stale, changing nothing", async () => {
    const u = await signedUpUser(h, 804, "ru");
    await u.press("profile:edit:name");
    const batch = await u.press("mybk:cancel:abc");
    expect(batch.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(ru("stale-button-alert"));
    expect(h.texts(batch)).toEqual([ru("stale-button"), ru("menu-title")]);
    expect(await h.db.selectFrom("conversation_state").selectAll().execute()).toHaveLength(0);
    expect((await findUser(h.db, 804))?.name).toBe("Тест");
  });

  it("a flow's own stale button on a text step asks for text", async () => {
    const u = await signedUpUser(h, 802, "ru");
    await u.press("profile:edit:name");
    const batch = await u.press("su-lang:ru");
    expect(batch.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(ru("stale-button-alert"));
    expect(h.texts(batch)).toEqual([ru("need-text"), ru("signup-ask-name")]);
  });
});

describe("/cancel on the phone step", () => {
  it("takes the contact button away with the flow", async () => {
    const u = h.user({ id: 803, first_name: "Тест", language_code: "ru" });
    await u.send("/start");
    await u.press("su-lang:ru");
    await u.press("su-start:go");
    await u.press("su-consent:yes");
    await u.send("Тест");
    await u.send("20");
    await u.press("su-district:medeu");
    const batch = await u.send("/cancel");
    expect(batch.find((c) => c.method === "sendMessage")?.payload).toMatchObject({
      text: ru("cancelled"),
      reply_markup: { remove_keyboard: true },
    });
  });
});

describe("an error after a button was answered", () => {
  it("still apologises in the person's language", async () => {
    const u = await signedUpUser(h, 804, "kk");
    // A database that fails under the handler: the tea-talk sign-ups are gone.
    await h.db.schema.dropTable("event_signups").execute();
    const from = h.calls.length;
    // As the runner does in production: a failed update goes to the bot's error handler.
    await h.bot.handleUpdate(callbackUpdate(u, "tt:my")).catch((err) => h.bot.errorHandler(err));
    const batch = h.calls.slice(from);
    expect(batch.filter((c) => c.method === "answerCallbackQuery").length).toBeGreaterThan(0);
    expect(h.texts(batch).at(-1)).toBe(h.i18n.t("kk", "error-generic"));
  });
});

describe("an abandoned flow", () => {
  it("is forgotten after a week, with what was typed in it", async () => {
    const u = h.user({ id: 805, first_name: "Тест", language_code: "ru" });
    await u.send("/start");
    await u.press("su-lang:ru");
    await u.press("su-start:go");
    await u.press("su-consent:yes");
    await u.send("Дана");

    h.clock.advance((ABANDONED_FLOW_DAYS * 24 - 1) * 60 * 60 * 1000);
    expect(await forgetAbandonedFlows(h.db, h.clock.now())).toBe(0);
    h.clock.advance(2 * 60 * 60 * 1000);
    expect(await forgetAbandonedFlows(h.db, h.clock.now())).toBe(1);
    expect(await h.db.selectFrom("conversation_state").selectAll().execute()).toEqual([]);
    // The age question no longer waits: the person is simply shown the menu.
    expect(h.texts(await u.send("25"))).toEqual([ru("unknown-message"), ru("menu-title")]);
  });
});

describe("a flow's saved state", () => {
  it("stays the same size however many wrong answers a text step gets", async () => {
    const u = h.user({ id: 806, first_name: "Тест", language_code: "ru" });
    await u.send("/start");
    await u.press("su-lang:ru");
    await u.press("su-start:go");
    await u.press("su-consent:yes");
    const sizes: number[] = [];
    for (let i = 1; i <= 1000; i++) {
      const batch = await u.send(`${i}`);
      if (i === 1) expect(h.texts(batch)).toEqual([ru("signup-name-invalid", { max: 64 })]);
      if (i === 10 || i === 1000) sizes.push((await storedFlow(h, 806))!.length);
    }
    expect(sizes[1]).toBe(sizes[0]);
    expect(sizes[1]).toBeLessThan(16_000);
    // The step still takes its answer after all that.
    expect(h.texts(await u.send("Тимур"))).toEqual([ru("signup-ask-age")]);
  });

  it("stays as it was at a button step, whatever comes instead of a press", async () => {
    const u = await signedUpUser(h, 807, "ru");
    await u.press("menu:consult");
    const before = await storedFlow(h, 807);
    expect(before).toBeDefined();
    for (let i = 0; i < 20; i++) {
      expect(h.texts(await u.send("психолог"))).toEqual([ru("need-button"), ru("consult-ask-service")]);
      await u.sendSticker();
      await u.send("/profile");
      await u.press("cs-time:10:00");
    }
    expect(await storedFlow(h, 807)).toBe(before);
    // The profile's district has no career consultant, so the district is asked.
    expect(h.texts(await u.press("cs-svc:career"))).toEqual([
      recorded(ru("consult-ask-service"), ru("service-career")),
      ru("consult-no-slots-district", { district: ru("district-almaly"), days: BOOKING_WINDOW_DAYS }),
      ru("consult-ask-district", { service: ru("service-career") }),
    ]);
  });

  it("does not grow as a person goes back and forth between steps", async () => {
    const u = await signedUpUser(h, 808, "ru");
    await u.press("menu:consult");
    // The profile's district has no career consultant: the days step says so and asks the district.
    const askDistrict = [
      recorded(ru("consult-ask-service"), ru("service-career")),
      ru("consult-no-slots-district", { district: ru("district-almaly"), days: BOOKING_WINDOW_DAYS }),
      ru("consult-ask-district", { service: ru("service-career") }),
    ];
    const sizes: number[] = [];
    for (let i = 1; i <= 200; i++) {
      expect(h.texts(await u.press("cs-svc:career"))).toEqual(askDistrict);
      if (i === 10 || i === 200) sizes.push((await storedFlow(h, 808))!.length);
      expect(h.texts(await u.press("cs-dist:back"))).toEqual([ru("consult-ask-service")]);
    }
    // Update and message numbers grow by a digit or two on the way; nothing else may.
    expect(sizes[1]).toBeLessThan(sizes[0]! + 100);
    expect(h.texts(await u.press("cs-svc:career"))).toEqual(askDistrict);
    expect(h.texts(await u.press("cs-dist:back"))).toEqual([ru("consult-ask-service")]);
    expect(h.texts(await u.press("cs-svc:back"))).toEqual([ru("menu-title")]);
    expect(await storedFlow(h, 808)).toBeUndefined();
  });
});
