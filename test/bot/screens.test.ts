import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findUser } from "../../src/db/users.js";
import { seedCatalog } from "../../src/db/seed/index.js";
import { insertBooking, insertCenter, insertWeekdayConsultants } from "../support/fixtures.js";
import { createHarness, recorded, type ApiCall, type Harness, type HarnessUser } from "../support/harness.js";
import { signedUpUser } from "../support/users.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (key: string, vars?: Record<string, string | number>) => h.i18n.t("ru", key, vars);

/** The Bot API methods of a batch that show something, in order. */
const shownBy = (batch: ApiCall[]) => batch.filter((c) => c.method.startsWith("send") || c.method.startsWith("edit")).map((c) => c.method);
/** The message ids a batch's edits went to. */
const editedIds = (batch: ApiCall[]) => batch.filter((c) => c.method === "editMessageText").map((c) => c.payload.message_id);
const labels = (u: HarnessUser) => u.buttons().map((b) => b.text);

const CANT_EDIT = { error_code: 400, description: "Bad Request: message can't be edited" };
const NOT_MODIFIED = {
  error_code: 400,
  description: "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
};

describe("one-tap screens", () => {
  it("go from the main menu to a district's centers and back to the menu in the message pressed on", async () => {
    await seedCatalog(h.db);
    const u = await signedUpUser(h, 1001, "ru");
    expect(shownBy(await u.send("/menu"))).toEqual(["sendMessage"]);
    const menu = u.messages().at(-1)!.message_id;

    const districts = await u.click(ru("menu-centers"));
    expect(shownBy(districts)).toEqual(["editMessageText"]);
    expect(editedIds(districts)).toEqual([menu]);
    expect(h.texts(districts)).toEqual([ru("centers-choose-district")]);
    expect(labels(u)).toContain(ru("district-medeu"));

    const medeu = await u.click(ru("district-medeu"));
    expect(editedIds(medeu)).toEqual([menu]);
    expect(h.texts(medeu)).toEqual([ru("centers-district-title", { district: ru("district-medeu") })]);
    await u.click(ru("button-back"));
    const back = await u.click(ru("button-menu"));
    expect(editedIds(back)).toEqual([menu]);
    expect(h.texts(back)).toEqual([ru("menu-title")]);
    // One message all the way, and the keyboard it shows is the menu's.
    expect(u.messages()).toHaveLength(1);
    expect(labels(u)).toContain(ru("menu-centers"));
  });

  it("change a profile field in the profile's message", async () => {
    const u = await signedUpUser(h, 1002, "ru");
    await u.send("/profile");
    const profile = u.messages().at(-1)!.message_id;

    const choices = await u.press("profile:district");
    expect(editedIds(choices)).toEqual([profile]);
    expect(h.texts(choices)).toEqual([ru("signup-ask-district")]);
    const saved = await u.press("profile:set-district:medeu");
    expect(shownBy(saved)).toEqual(["editMessageText"]);
    expect(editedIds(saved)).toEqual([profile]);
    expect(h.texts(saved)[0]).toContain(ru("district-medeu"));
    expect((await findUser(h.db, 1002))?.district).toBe("medeu");
    expect(u.messages()).toHaveLength(1);
  });

  it("ask about cancelling a booking on the booking's own message, and keep it there", async () => {
    await insertCenter(h.db, { id: "medeu-1", district: "medeu" });
    await insertCenter(h.db, { id: "almaly-1", district: "almaly" });
    const { psychologist } = await insertWeekdayConsultants(h.db, { psychologistCenterId: "medeu-1", psychologistTelegramId: 9001, careerCenterId: "almaly-1" });
    const u = await signedUpUser(h, 1003, "ru");
    const id = await insertBooking(h.db, { specialist: psychologist, userId: 1003, startsAt: "2026-11-24T05:00:00Z", endsAt: "2026-11-24T05:50:00Z" });
    // Several bookings' messages: each comes as a message of its own.
    expect(shownBy(await u.press("menu:bookings"))).toEqual(["sendMessage", "sendMessage"]);
    const booking = u.messages().find((m) => m.reply_markup?.inline_keyboard.flat().some((b: any) => b.callback_data === `mybk:cancel:${id}`))!;

    const ask = await u.press(`mybk:cancel:${id}`);
    expect(editedIds(ask)).toEqual([booking.message_id]);
    expect(shownBy(ask)).toEqual(["editMessageText"]);
    const kept = await u.press(`mybk:keep:${id}`);
    expect(editedIds(kept)).toEqual([booking.message_id]);
    expect(h.texts(kept)).toEqual([ru("bookings-kept")]);
  });
});

describe("a screen Telegram will not edit", () => {
  it("comes as a new message when the one pressed on is too old or gone, with no apology", async () => {
    await seedCatalog(h.db);
    const u = await signedUpUser(h, 1004, "ru");
    await u.send("/menu");
    h.refuse((call) => (call.method === "editMessageText" ? CANT_EDIT : undefined));

    const districts = await u.click(ru("menu-centers"));
    expect(shownBy(districts)).toEqual(["editMessageText", "sendMessage"]);
    expect(districts.find((c) => c.method === "sendMessage")?.payload.text).toBe(ru("centers-choose-district"));
    expect(h.texts(districts)).not.toContain(ru("error-generic"));
    expect(districts.filter((c) => c.method === "answerCallbackQuery").map((c) => c.payload.text)).toEqual([undefined]);
    expect(labels(u)).toContain(ru("district-medeu"));
  });

  it("is left as it is when it already shows what was asked", async () => {
    const u = await signedUpUser(h, 1005, "ru");
    await u.send("/menu");
    h.refuse((call) => (call.method === "editMessageText" ? NOT_MODIFIED : undefined));
    const again = await u.press("menu:open");
    expect(shownBy(again)).toEqual(["editMessageText"]);
    expect(h.texts(again)).not.toContain(ru("error-generic"));
  });

  it("in a flow, the next step comes as a new message and the flow goes on", async () => {
    await insertCenter(h.db, { id: "medeu-1", district: "medeu" });
    await insertCenter(h.db, { id: "almaly-1", district: "almaly" });
    await insertWeekdayConsultants(h.db, { psychologistCenterId: "medeu-1", psychologistTelegramId: 9001, careerCenterId: "almaly-1" });
    const u = await signedUpUser(h, 1006, "ru");
    await u.send("/menu");
    h.refuse((call) => (call.method === "editMessageText" ? CANT_EDIT : undefined));
    const service = await u.press("menu:consult");
    expect(shownBy(service)).toEqual(["editMessageText", "sendMessage"]);
    expect(h.texts(service).at(-1)).toBe(ru("consult-ask-service"));
    h.refuse(undefined);
    expect(labels(u)).toContain(ru("service-career"));
    expect(h.texts(await u.press("cs-svc:career")).at(-1)).toMatch(/^📍/);
  });
});

describe("a flow's steps", () => {
  beforeEach(async () => {
    await insertCenter(h.db, { id: "medeu-1", district: "medeu" });
    await insertCenter(h.db, { id: "almaly-1", district: "almaly" });
    await insertWeekdayConsultants(h.db, { psychologistCenterId: "medeu-1", psychologistTelegramId: 9001, careerCenterId: "almaly-1" });
  });

  it("follow one another in the message pressed on", async () => {
    const u = await signedUpUser(h, 1007, "ru");
    await u.send("/menu");
    const menu = u.messages().at(-1)!.message_id;
    const service = await u.press("menu:consult");
    expect(editedIds(service)).toEqual([menu]);
    expect(h.texts(service)).toEqual([ru("consult-ask-service")]);
    const days = await u.press("cs-svc:career");
    expect(shownBy(days)).toEqual(["editMessageText"]);
    expect(editedIds(days)).toEqual([menu]);
    expect(u.messages()).toHaveLength(1);
  });

  it("leave a record of the answer, without buttons, when a message comes after it", async () => {
    const u = await signedUpUser(h, 1008, "ru");
    await u.send("/menu");
    const menu = u.messages().at(-1)!.message_id;
    await u.press("menu:consult");
    const safety = await u.press("cs-svc:psychologist");
    expect(shownBy(safety)).toEqual(["editMessageText", "sendMessage", "sendMessage"]);
    const record = safety.find((c) => c.method === "editMessageText")!;
    expect(record.payload).toMatchObject({ message_id: menu, text: recorded(ru("consult-ask-service"), ru("service-psychologist")) });
    expect(record.payload.reply_markup).toBeUndefined();
    expect(h.texts(safety).slice(1)).toEqual([ru("help-crisis"), ru("consult-safety-prompt")]);
    // The recorded question's buttons are gone; data of one of them, pressed anyway, is stale.
    expect(u.messages()[0]!.reply_markup).toBeUndefined();
    const stale = await u.press("cs-svc:lawyer");
    expect(stale.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(ru("stale-button-alert"));
    expect(labels(u)).toContain(ru("consult-button-continue"));
  });
});
