import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { noticeRenderers } from "../../src/bot/notices.js";
import type { Specialist } from "../../src/db/schema.js";
import type { DistrictCode } from "../../src/domain/districts.js";
import type { Language } from "../../src/domain/language.js";
import { createLogger } from "../../src/logger.js";
import { OutboxDispatcher } from "../../src/scheduler/dispatcher.js";
import { bookingDetailsText, type BookingByHand } from "../support/booking-texts.js";
import { insertBooking, insertCenter, insertSpecialist, insertWeekdayConsultants } from "../support/fixtures.js";
import { createHarness, recorded, type ApiCall, type Harness, type HarnessUser } from "../support/harness.js";
import { handleWithFlowStateLost } from "../support/flow-state.js";
import { insertTeaTalkSession } from "../support/teatalk.js";
import { callbackUpdate } from "../support/updates.js";
import { registerUser, signedUpUser } from "../support/users.js";

// The clock stands at Monday 23 November 2026, 09:00 in Almaty (04:00Z): the 14-day window
// runs to Sunday 6 December, and nothing today starts before 11:00 (two hours' notice).
let h: Harness;
let psychologist: Specialist;
let career: Specialist;
let businessMedeu1: Specialist;
let businessMedeu2: Specialist;
const PSYCHOLOGIST_TELEGRAM_ID = 9001;

beforeEach(async () => {
  h = await createHarness();
  await insertCenter(h.db, { id: "medeu-1", district: "medeu" });
  await insertCenter(h.db, { id: "medeu-2", district: "medeu" });
  await insertCenter(h.db, { id: "almaly-1", district: "almaly" });
  // Weekdays: the psychologist in Medeu-1 at 10:00, 10:50 and 11:40, in person or online; the
  // career consultant in Almaly-1 at 10:00 and 10:45, in person only.
  ({ psychologist, career } = await insertWeekdayConsultants(h.db, {
    psychologistCenterId: "medeu-1",
    psychologistTelegramId: PSYCHOLOGIST_TELEGRAM_ID,
    careerCenterId: "almaly-1",
  }));
  // Two business mentors in two Medeu centers, Tuesdays only: 14:00–17:00 and 15:00–17:00.
  businessMedeu1 = await insertSpecialist(h.db, { centerId: "medeu-1", service: "business", hours: [{ start: "14:00", end: "17:00" }], weekdays: [2] });
  businessMedeu2 = await insertSpecialist(h.db, { centerId: "medeu-2", service: "business", hours: [{ start: "15:00", end: "17:00" }], weekdays: [2] });
});
afterEach(async () => {
  await h.cleanup();
});

const t = (lang: Language) => (key: string, vars?: Record<string, string | number>) => h.i18n.t(lang, key, vars);
const ru = t("ru");
const kk = t("kk");
const details = (lang: Language, b: BookingByHand) => bookingDetailsText(h, lang, b);

const data = (u: HarnessUser) => u.buttons().map((b) => b.callback_data);
const labels = (u: HarnessUser) => u.buttons().map((b) => b.text);
const documentOf = (batch: ApiCall[]) => String(batch.find((c) => c.method === "sendDocument")?.payload.document ?? "");
const bookingsOf = (userId: number) => h.db.selectFrom("bookings").selectAll().where("user_id", "=", userId).orderBy("id").execute();
/** The day step's question for a place ("📍 Центр medeu-1", all centers of a district, or the city). */
const askDayAt = (lang: Language, place: string) => t(lang)("consult-ask-day", { place });
const atCenter = (lang: Language, center: string) => t(lang)("consult-place-center", { center });

/** A signed-up person whose profile names `district`. */
async function personIn(id: number, language: Language, district: DistrictCode): Promise<HarnessUser> {
  await registerUser(h.db, id, { language, district });
  return h.user({ id, first_name: "Тест", language_code: language });
}

/** Takes a person of Almaly through the flow to the topic step of a career consultation on Tuesday 24 November, 10:00. */
async function toCareerTopicStep(u: HarnessUser): Promise<void> {
  for (const data of ["menu:consult", "cs-svc:career", "cs-day:2026-11-24", "cs-time:10:00"]) await u.press(data);
}

describe("booking a consultation", () => {
  it("books a psychologist in Russian, repeating every step on wrong input", async () => {
    const u = await personIn(501, "ru", "medeu");

    expect(h.texts(await u.press("menu:consult"))).toEqual([ru("consult-ask-service")]);
    expect(data(u)).toEqual(["cs-svc:psychologist", "cs-svc:lawyer", "cs-svc:business", "cs-svc:career", "cs-svc:back", "cs-svc:cancel"]);
    expect(h.texts(await u.send("психолог"))).toEqual([ru("need-button"), ru("consult-ask-service")]);
    expect(h.texts(await u.send("/profile"))).toEqual([ru("command-mid-flow"), ru("consult-ask-service")]);

    // Safety first: the help lines before anything else, then a button to go on.
    expect(h.texts(await u.press("cs-svc:psychologist"))).toEqual([
      recorded(ru("consult-ask-service"), ru("service-psychologist")),
      ru("help-crisis"),
      ru("consult-safety-prompt"),
    ]);
    expect(data(u)).toEqual(["cs-safe:go", "cs-safe:back", "cs-safe:cancel"]);
    expect(h.texts(await u.sendSticker())).toEqual([ru("need-button"), ru("consult-safety-prompt")]);
    // The profile's district is taken as the answer: the days come at once. Only Medeu-1 of
    // the district has a psychologist, so there is no center to choose.
    const askDay = askDayAt("ru", atCenter("ru", "Центр medeu-1"));
    expect(h.texts(await u.press("cs-safe:go"))).toEqual([askDay]);
    // Today still has 11:40; then every weekday of the window.
    expect(data(u)).toEqual([
      ...["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"],
      ...["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"],
      "district",
      "back",
      "cancel",
    ].map((d) => `cs-day:${d}`));
    expect(labels(u)[1]).toBe("24 ноября, вторник");
    expect(labels(u).at(-3)).toBe(ru("consult-button-other-district"));
    expect(h.texts(await u.sendPhoto())).toEqual([ru("need-button"), askDay]);

    const askTime = ru("consult-ask-time-at", { day: "24 ноября, вторник", center: "Центр medeu-1" });
    expect(h.texts(await u.press("cs-day:2026-11-24"))).toEqual([askTime]);
    expect(labels(u)).toEqual(["10:00", "10:50", "11:40", ru("button-back"), ru("button-cancel")]);
    expect(h.texts(await u.send("10:50"))).toEqual([ru("need-button"), askTime]);

    // The service and the specialist both work online: the person chooses.
    expect(h.texts(await u.press("cs-time:10:50"))).toEqual([ru("consult-ask-mode")]);
    expect(h.texts(await u.sendSticker())).toEqual([ru("need-button"), ru("consult-ask-mode")]);
    const askTopic = ru("consult-ask-topic-private", { max: 300 });
    expect(h.texts(await u.press("cs-mode:online"))).toEqual([askTopic]);
    expect(askTopic).toMatch(/только ваш специалист/);

    expect(h.texts(await u.send("x".repeat(301)))).toEqual([ru("text-too-long", { max: 300 })]);
    expect(h.texts(await u.sendSticker())).toEqual([ru("need-text"), askTopic]);
    const bookingDetails = details("ru", {
      date: "2026-11-24",
      time: "10:50",
      service: "psychologist",
      center: "Центр medeu-1",
      address: "адрес",
      mode: "online",
      topic: "Тревога перед экзаменами",
    });
    const summary = ru("consult-summary", { details: bookingDetails });
    expect(h.texts(await u.send("Тревога перед экзаменами"))).toEqual([summary]);
    expect(h.texts(await u.send("да"))).toEqual([ru("need-button"), summary]);
    expect(await bookingsOf(501)).toEqual([]);

    const done = await u.press("cs-ok:yes");
    // Online: the specialist will write in Telegram; without a username, private messages must stay open.
    expect(h.texts(done)).toEqual([
      recorded(summary, ru("consult-button-confirm")),
      `${ru("consult-booked", { details: bookingDetails })}\n\n${ru("consult-online-how")}\n${ru("consult-online-no-username")}`,
      ru("consult-ics-caption"),
      ru("menu-title"),
    ]);

    const [booking] = await bookingsOf(501);
    expect(booking).toMatchObject({
      specialist_id: psychologist.id,
      service: "psychologist",
      center_id: "medeu-1",
      starts_at: "2026-11-24T05:50:00.000Z", // 10:50 Almaty
      ends_at: "2026-11-24T06:40:00.000Z",
      mode: "online",
      topic: "Тревога перед экзаменами",
      status: "confirmed",
    });
    const outbox = await h.db.selectFrom("outbox").selectAll().where("booking_id", "=", booking!.id).orderBy("id").execute();
    expect(outbox.map((o) => [o.kind, o.recipient_id, o.due_at])).toEqual([
      ["booking_reminder", 501, "2026-11-23T05:50:00.000Z"],
      ["booking_reminder", 501, "2026-11-24T03:50:00.000Z"],
      ["booking_feedback", 501, "2026-11-24T07:10:00.000Z"],
      ["staff_booking_new", PSYCHOLOGIST_TELEGRAM_ID, "2026-11-23T04:00:00.000Z"],
    ]);

    // The calendar file: UTC times, online in the person's language, and no topic for a sensitive service.
    const ics = documentOf(done);
    expect(ics).toContain(`\r\nUID:booking-${booking!.id}@jastar-bot\r\nSEQUENCE:0\r\nSTATUS:CONFIRMED\r\n`);
    expect(ics).toContain("\r\nMETHOD:PUBLISH\r\n");
    expect(ics).toContain("\r\nDTSTART:20261124T055000Z\r\nDTEND:20261124T064000Z\r\n");
    expect(ics).toContain("\r\nSUMMARY:Консультация: Психолог\r\n");
    expect(ics).toContain(`\r\nLOCATION:${ru("consult-ics-online")}\r\n`);
    expect(ics).not.toContain("Online");
    expect(ics).not.toContain("Тревога");
  });

  it("books a career consultation in Kazakh: no safety screen, no mode step, the topic in the calendar", async () => {
    const u = await signedUpUser(h, 502, "kk");
    expect(h.texts(await u.press("menu:consult"))).toEqual([kk("consult-ask-service")]);
    expect(h.texts(await u.press("cs-svc:career"))).toEqual([askDayAt("kk", atCenter("kk", "Орталық almaly-1"))]);
    // Today's 10:00 and 10:45 are too soon; every other weekday of the window is open.
    expect(data(u).slice(0, -3)).toEqual(
      ["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"].map((d) => `cs-day:${d}`),
    );
    expect(labels(u)[1]).toBe("25 қараша, сәрсенбі");
    expect(h.texts(await u.press("cs-day:2026-11-25"))).toEqual([kk("consult-ask-time-at", { day: "25 қараша, сәрсенбі", center: "Орталық almaly-1" })]);
    expect(labels(u)).toEqual(["10:00", "10:45", kk("button-back"), kk("button-cancel")]);

    const askTopic = kk("consult-ask-topic", { max: 300 });
    expect(h.texts(await u.press("cs-time:10:45"))).toEqual([askTopic]);
    expect(data(u)).toEqual(["cs-topic:skip", "cs-topic:back", "cs-topic:cancel"]);
    expect(h.texts(await u.send("/mydata"))).toEqual([kk("command-mid-flow"), askTopic]);
    const bookingDetails = details("kk", {
      date: "2026-11-25",
      time: "10:45",
      service: "career",
      center: "Орталық almaly-1",
      address: "мекенжай",
      mode: "in_person",
      topic: "Түйіндеме, сұхбат",
    });
    expect(h.texts(await u.send("Түйіндеме, сұхбат"))).toEqual([kk("consult-summary", { details: bookingDetails })]);

    const done = await u.press("cs-ok:yes");
    expect(h.texts(done)).toEqual([
      recorded(kk("consult-summary", { details: bookingDetails }), kk("consult-button-confirm")),
      kk("consult-booked", { details: bookingDetails }),
      kk("consult-ics-caption"),
      kk("menu-title"),
    ]);
    expect(await bookingsOf(502)).toMatchObject([
      { specialist_id: career.id, starts_at: "2026-11-25T05:45:00.000Z", ends_at: "2026-11-25T06:30:00.000Z", mode: "in_person", topic: "Түйіндеме, сұхбат" },
    ]);
    const ics = documentOf(done);
    expect(ics).toContain("\r\nSUMMARY:Кеңес: Мансап жөніндегі кеңесші\r\n");
    expect(ics).toContain("\r\nLOCATION:мекенжай\r\n");
    expect(ics).toContain("\r\nDESCRIPTION:Орталық almaly-1\\nТүйіндеме\\, сұхбат\r\n");
    // Nobody is linked to the career consultant's account: no staff notice.
    expect(await h.db.selectFrom("outbox").select("kind").where("kind", "like", "staff_%").execute()).toEqual([]);
  });

  it("goes back one step at a time, skipping what was skipped, and cancels from anywhere", async () => {
    const u = await personIn(503, "ru", "medeu");
    await u.press("menu:consult");
    await u.press("cs-svc:psychologist");
    await u.press("cs-safe:go");
    await u.press("cs-day:2026-11-24");
    await u.press("cs-time:10:00");
    await u.press("cs-mode:in_person");
    const summary = ru("consult-summary", {
      details: details("ru", { date: "2026-11-24", time: "10:00", service: "psychologist", center: "Центр medeu-1", address: "адрес", mode: "in_person" }),
    });
    expect(h.texts(await u.press("cs-topic:skip"))).toEqual([summary]);

    expect(h.texts(await u.press("cs-ok:back"))).toEqual([ru("consult-ask-topic-private", { max: 300 })]);
    expect(h.texts(await u.press("cs-topic:back"))).toEqual([ru("consult-ask-mode")]);
    expect(h.texts(await u.press("cs-mode:back"))).toEqual([ru("consult-ask-time-at", { day: "24 ноября, вторник", center: "Центр medeu-1" })]);
    expect(h.texts(await u.press("cs-time:back"))).toEqual([askDayAt("ru", atCenter("ru", "Центр medeu-1"))]);
    // Back from the days is the way to another district: now the district step asks, with
    // the profile's district pinned.
    const askDistrict = ru("consult-ask-district", { service: ru("service-psychologist") });
    expect(h.texts(await u.press("cs-day:back"))).toEqual([askDistrict]);
    expect(labels(u)).toContain(`📍 ${ru("district-medeu")}`);
    expect(labels(u)).toContain(ru("district-almaly"));
    expect(h.texts(await u.send("Медеу"))).toEqual([ru("need-button"), askDistrict]);
    // Going back replays the service answer, whose prompt stays its record; the help lines and
    // the safety step come below.
    expect(h.texts(await u.press("cs-dist:back"))).toEqual([
      recorded(ru("consult-ask-service"), ru("service-psychologist")),
      ru("help-crisis"),
      ru("consult-safety-prompt"),
    ]);
    expect(h.texts(await u.press("cs-safe:back"))).toEqual([ru("consult-ask-service")]);
    // Back from the first step leaves the flow.
    expect(h.texts(await u.press("cs-svc:back"))).toEqual([ru("menu-title")]);
    expect(h.texts(await u.send("привет"))).toEqual([ru("unknown-message"), ru("menu-title")]);

    // Without a mode step, Back from the topic returns to the times.
    for (const data of ["menu:consult", "cs-svc:career", "cs-dist:almaly", "cs-day:2026-11-24", "cs-time:10:00"]) await u.press(data);
    expect(h.texts(await u.press("cs-topic:back"))).toEqual([ru("consult-ask-time-at", { day: "24 ноября, вторник", center: "Центр almaly-1" })]);
    // Answers can change on the way back: another time, then Cancel.
    await u.press("cs-time:10:45");
    expect(h.texts(await u.press("cs-topic:cancel"))).toEqual([
      recorded(ru("consult-ask-topic", { max: 300 }), ru("button-cancel")),
      ru("cancelled"),
      ru("menu-title"),
    ]);
    // A button of the abandoned flow is stale now.
    const stale = await u.press("cs-time:10:00");
    expect(stale.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(ru("stale-button-alert"));

    // Nobody gives career advice in Medeu, the profile's district: the district step asks at once.
    await u.press("menu:consult");
    const askCareerDistrict = ru("consult-ask-district", { service: ru("service-career") });
    expect(h.texts(await u.press("cs-svc:career"))).toEqual([
      recorded(ru("consult-ask-service"), ru("service-career")),
      ru("consult-no-slots-district", { district: ru("district-medeu"), days: 14 }),
      askCareerDistrict,
    ]);
    const cancelled = [ru("cancelled"), ru("menu-title")];
    expect(h.texts(await u.press("cs-dist:cancel"))).toEqual([recorded(askCareerDistrict, ru("button-cancel")), ...cancelled]);
    for (const step of ["cs-svc", "cs-day"]) {
      await u.press("menu:consult");
      if (step !== "cs-svc") await u.press("cs-svc:career");
      if (step === "cs-day") await u.press("cs-dist:almaly");
      // Cancel is an answer too: the step left becomes its record.
      expect(h.texts(await u.press(`${step}:cancel`)).slice(1)).toEqual(cancelled);
    }
    await u.press("menu:consult");
    expect(h.texts(await u.send("/cancel"))).toEqual([ru("cancelled"), ru("menu-title")]);
    expect(await bookingsOf(503)).toEqual([]);
  });

  it("says when a district has nothing free and offers another district or any center", async () => {
    const u = await signedUpUser(h, 504, "ru");
    await u.press("menu:consult");
    const askDistrict = ru("consult-ask-district", { service: ru("service-lawyer") });
    // No lawyer in Almaly, the profile's district: said at once, with the districts to choose from.
    expect(h.texts(await u.press("cs-svc:lawyer"))).toEqual([
      recorded(ru("consult-ask-service"), ru("service-lawyer")),
      ru("consult-no-slots-district", { district: ru("district-almaly"), days: 14 }),
      askDistrict,
    ]);
    expect(h.texts(await u.press("cs-dist:medeu"))).toEqual([
      recorded(askDistrict, ru("district-medeu")),
      ru("consult-no-slots-district", { district: ru("district-medeu"), days: 14 }),
      askDistrict,
    ]);
    expect(h.texts(await u.press("cs-dist:any"))).toEqual([
      recorded(askDistrict, ru("consult-any-center")),
      ru("consult-no-slots-any", { days: 14 }),
      askDistrict,
    ]);
    expect(h.texts(await u.press("cs-dist:back"))).toEqual([ru("consult-ask-service")]);

    // Any center finds the psychologist in Medeu; a district without one does not.
    await u.press("cs-svc:psychologist");
    await u.press("cs-safe:go");
    expect(h.texts(await u.press("cs-dist:turksib"))).toEqual([
      recorded(ru("consult-ask-district", { service: ru("service-psychologist") }), ru("district-turksib")),
      ru("consult-no-slots-district", { district: ru("district-turksib"), days: 14 }),
      ru("consult-ask-district", { service: ru("service-psychologist") }),
    ]);
    expect(h.texts(await u.press("cs-dist:any"))).toEqual([askDayAt("ru", ru("consult-place-any"))]);
  });

  it("lets a person keep both centers of a district or narrow to one, and names the center with each time", async () => {
    // The Medeu-1 mentor already has someone at 16:00 on Tuesday 24 November.
    await registerUser(h.db, 600);
    await insertBooking(h.db, { specialist: businessMedeu1, userId: 600, startsAt: "2026-11-24T11:00:00Z", endsAt: "2026-11-24T12:00:00Z" });
    const u = await personIn(505, "ru", "medeu");
    await u.press("menu:consult");
    const both = askDayAt("ru", ru("consult-place-district", { district: ru("district-medeu") }));
    expect(h.texts(await u.press("cs-svc:business"))).toEqual([both]);
    expect(data(u)).toEqual([
      "cs-day:2026-11-24", "cs-day:2026-12-01",
      "cs-day:c:any", "cs-day:c:medeu-1", "cs-day:c:medeu-2", "cs-day:district",
      "cs-day:back", "cs-day:cancel",
    ]);
    expect(labels(u).slice(2, 5)).toEqual([`✓ ${ru("consult-button-both-centers")}`, "Центр medeu-1", "Центр medeu-2"]);

    expect(h.texts(await u.press("cs-day:2026-11-24"))).toEqual([ru("consult-ask-time", { day: "24 ноября, вторник" })]);
    // 14:00 only Medeu-1 works; 15:00 both; at 16:00 Medeu-1 is booked. One button per time and center.
    expect(labels(u).slice(0, -2)).toEqual(["14:00 · Центр medeu-1", "15:00 · Центр medeu-1", "15:00 · Центр medeu-2", "16:00 · Центр medeu-2"]);
    expect(data(u).slice(0, -2)).toEqual(["cs-time:14:00:medeu-1", "cs-time:15:00:medeu-1", "cs-time:15:00:medeu-2", "cs-time:16:00:medeu-2"]);

    // Narrowed to Medeu-2: its days and its times only, under its name.
    await u.press("cs-time:back");
    expect(h.texts(await u.press("cs-day:c:medeu-2"))).toEqual([askDayAt("ru", atCenter("ru", "Центр medeu-2"))]);
    expect(labels(u).slice(2, 5)).toEqual([ru("consult-button-both-centers"), "Центр medeu-1", "✓ Центр medeu-2"]);
    expect(h.texts(await u.press("cs-day:2026-12-01"))).toEqual([ru("consult-ask-time-at", { day: "1 декабря, вторник", center: "Центр medeu-2" })]);
    expect(labels(u).slice(0, -2)).toEqual(["15:00", "16:00"]);

    // Both again, and the 15:00 of Medeu-2 on the 24th: exactly that mentor is booked.
    await u.press("cs-time:back");
    await u.press("cs-day:c:any");
    await u.press("cs-day:2026-11-24");
    await u.press("cs-time:15:00:medeu-2");
    await u.press("cs-mode:in_person");
    await u.press("cs-topic:skip");
    await u.press("cs-ok:yes");
    expect(await bookingsOf(505)).toMatchObject([{ specialist_id: businessMedeu2.id, center_id: "medeu-2", starts_at: "2026-11-24T10:00:00.000Z" }]);
  });

  it("'another district' on the profile's district days asks the district, which Back then returns to", async () => {
    const u = await personIn(507, "ru", "medeu");
    await u.press("menu:consult");
    const both = askDayAt("ru", ru("consult-place-district", { district: ru("district-medeu") }));
    expect(h.texts(await u.press("cs-svc:business"))).toEqual([both]);
    const askDistrict = ru("consult-ask-district", { service: ru("service-business") });
    expect(h.texts(await u.press("cs-day:district"))).toEqual([askDistrict]);
    expect(labels(u)).toContain(`📍 ${ru("district-medeu")}`);
    // Chosen by the person this time, the district is the step Back returns to.
    expect(h.texts(await u.press("cs-dist:medeu"))).toEqual([both]);
    expect(h.texts(await u.press("cs-day:district"))).toEqual([askDistrict]);
    expect(h.texts(await u.press("cs-dist:medeu"))).toEqual([both]);
    expect(h.texts(await u.press("cs-day:back"))).toEqual([askDistrict]);
    expect(h.texts(await u.press("cs-dist:back"))).toEqual([ru("consult-ask-service")]);
  });

  it("widens to the whole district when the chosen center has no free time left", async () => {
    // Medeu-2's mentor is away for the whole window; Medeu-1's still works.
    for (const date of ["2026-11-24", "2026-12-01"]) {
      await h.db.insertInto("specialist_overrides").values({ specialist_id: businessMedeu2.id, date, kind: "off", start_time: null, end_time: null }).execute();
    }
    const u = await personIn(506, "kk", "medeu");
    await u.press("menu:consult");
    await u.press("cs-svc:business");
    expect(h.texts(await u.press("cs-day:c:medeu-2"))).toEqual([
      recorded(askDayAt("kk", kk("consult-place-district", { district: kk("district-medeu") })), "Орталық medeu-2"),
      kk("consult-no-slots-center", { center: "Орталық medeu-2", days: 14 }),
      askDayAt("kk", kk("consult-place-district", { district: kk("district-medeu") })),
    ]);
  });

  it("any center: a shared time is offered at every center, spread fairly when they do not all fit", async () => {
    // Lawyers in six centers of six districts, all free on weekdays at 14:00, 15:00 and 16:00.
    const districts: DistrictCode[] = ["alatau", "auezov", "bostandyk", "zhetysu", "nauryzbay", "turksib"];
    const lawyers = new Map<string, Specialist>();
    for (const district of districts) {
      await insertCenter(h.db, { id: `${district}-1`, district });
      lawyers.set(`${district}-1`, await insertSpecialist(h.db, { centerId: `${district}-1`, service: "lawyer", hours: [{ start: "14:00", end: "17:00" }], weekdays: [1, 2, 3, 4, 5] }));
    }
    const u = await signedUpUser(h, 507, "ru");
    await u.press("menu:consult");
    await u.press("cs-svc:lawyer");
    await u.press("cs-dist:any");
    // Eighteen (time, center) pairs; twelve buttons, each time at four centers, each center twice.
    expect(h.texts(await u.press("cs-day:2026-11-24"))).toEqual([
      `${ru("consult-ask-time", { day: "24 ноября, вторник" })}\n${ru("consult-ask-time-some")}`,
    ]);
    const shown = labels(u).slice(0, -2);
    expect(shown).toHaveLength(12);
    for (const time of ["14:00", "15:00", "16:00"]) expect(shown.filter((l) => l.startsWith(time))).toHaveLength(4);
    for (const center of lawyers.keys()) expect(shown.filter((l) => l.endsWith(`Центр ${center}`))).toHaveLength(2);
    expect(data(u).every((d) => Buffer.byteLength(d!, "utf8") <= 64)).toBe(true);
    // Round by round, each time takes the center shown least so far: the lowest id does not take every time.
    expect(shown).toEqual([
      ...["alatau", "auezov", "bostandyk", "nauryzbay"].map((d) => `14:00 · Центр ${d}-1`),
      ...["alatau", "auezov", "turksib", "zhetysu"].map((d) => `15:00 · Центр ${d}-1`),
      ...["bostandyk", "nauryzbay", "turksib", "zhetysu"].map((d) => `16:00 · Центр ${d}-1`),
    ]);

    // The 15:00 at Turksib, not the lowest id: that center's lawyer is booked.
    await u.press("cs-time:15:00:turksib-1");
    await u.press("cs-mode:online");
    await u.press("cs-topic:skip");
    await u.press("cs-ok:yes");
    expect(await bookingsOf(507)).toMatchObject([
      { specialist_id: lawyers.get("turksib-1")!.id, center_id: "turksib-1", starts_at: "2026-11-24T10:00:00.000Z", mode: "online" },
    ]);
  });
});

describe("online consultations", () => {
  /** Sends what is due through the bot's own API client, as the scheduler does; returns the calls it made. */
  async function dispatch(): Promise<ApiCall[]> {
    const from = h.calls.length;
    const deps = { config: h.config, db: h.db, logger: createLogger("silent"), clock: h.clock, api: h.bot.api, i18n: h.i18n, renderers: noticeRenderers };
    await new OutboxDispatcher(deps, { sleep: async (ms) => h.clock.advance(ms) }).dispatchDue();
    return h.calls.slice(from);
  }

  /** Books the psychologist online on Tuesday 24 November at 10:00, from the profile's district. */
  async function bookOnline(u: HarnessUser): Promise<ApiCall[]> {
    for (const data of ["menu:consult", "cs-svc:psychologist", "cs-safe:go", "cs-day:2026-11-24", "cs-time:10:00", "cs-mode:online", "cs-topic:skip"]) {
      await u.press(data);
    }
    return u.press("cs-ok:yes");
  }

  const noticeTo = (batch: ApiCall[], chatId: number) => batch.find((c) => c.method === "sendMessage" && c.payload.chat_id === chatId)?.payload;

  it("with a username: the person is told the specialist will write, the specialist gets the @username and the phone", async () => {
    await registerUser(h.db, 531, { language: "kk", district: "medeu", phone: "+77011234567" });
    const u = h.user({ id: 531, first_name: "Дана", language_code: "kk", username: "dana_jas" });
    const done = await bookOnline(u);
    expect(h.texts(done)[1]).toBe(
      `${kk("consult-booked", {
        details: details("kk", { date: "2026-11-24", time: "10:00", service: "psychologist", center: "Орталық medeu-1", address: "мекенжай", mode: "online" }),
      })}\n\n${kk("consult-online-how")}`,
    );
    // The username is kept from the person's own updates.
    expect((await h.db.selectFrom("users").select("username").where("id", "=", 531).executeTakeFirstOrThrow()).username).toBe("dana_jas");
    expect(await bookingsOf(531)).toMatchObject([{ specialist_id: psychologist.id, mode: "online" }]);

    const notice = noticeTo(await dispatch(), PSYCHOLOGIST_TELEGRAM_ID);
    expect(notice?.text.split("\n").slice(-2)).toEqual([
      ru("staff-contact-username", { username: "dana_jas" }),
      ru("staff-contact-phone", { phone: "+77011234567" }),
    ]);
    expect(notice?.reply_markup).toBeUndefined();
  });

  it("without a username: the specialist's notice carries a button that opens the person's chat", async () => {
    const u = await personIn(532, "ru", "medeu");
    await bookOnline(u);
    const notice = noticeTo(await dispatch(), PSYCHOLOGIST_TELEGRAM_ID);
    expect(notice?.text.split("\n").at(-1)).toBe(ru("staff-contact-no-username"));
    expect(notice?.text).not.toContain("📞");
    expect(notice?.reply_markup).toEqual({ inline_keyboard: [[{ text: ru("staff-button-write", { name: "Тест" }), url: "tg://user?id=532" }]] });
    // Nothing of it went to the person or anyone else.
    expect(h.calls.filter((c) => JSON.stringify(c.payload).includes("tg://user")).map((c) => c.payload.chat_id)).toEqual([PSYCHOLOGIST_TELEGRAM_ID]);
  });

  it("a username that changes or goes is kept current", async () => {
    await registerUser(h.db, 533, { language: "ru", district: "medeu" });
    const usernameOf = async () => (await h.db.selectFrom("users").select("username").where("id", "=", 533).executeTakeFirstOrThrow()).username;
    await h.user({ id: 533, first_name: "Тест", language_code: "ru", username: "old_name" }).send("/menu");
    expect(await usernameOf()).toBe("old_name");
    await h.user({ id: 533, first_name: "Тест", language_code: "ru", username: "new_name" }).send("/menu");
    expect(await usernameOf()).toBe("new_name");
    await h.user({ id: 533, first_name: "Тест", language_code: "ru" }).send("/menu");
    expect(await usernameOf()).toBeNull();
    // Before sign-up nothing personal is kept.
    await h.user({ id: 534, first_name: "Гость", language_code: "ru", username: "guest" }).send("/start");
    expect((await h.db.selectFrom("users").select("username").where("id", "=", 534).executeTakeFirst())?.username ?? null).toBeNull();
    // Nor for someone whose consent, given to an older text, did not name the username.
    await registerUser(h.db, 535, { language: "ru" });
    await h.db.updateTable("users").set({ consent_version: "2026-11-21" }).where("id", "=", 535).execute();
    await h.user({ id: 535, first_name: "Тест", language_code: "ru", username: "earlier" }).send("/menu");
    expect((await h.db.selectFrom("users").select("username").where("id", "=", 535).executeTakeFirstOrThrow()).username).toBeNull();
  });
});

describe("a slot taken meanwhile", () => {
  it("tells the second person and offers the nearest free times, keeping the other answers", async () => {
    const first = await signedUpUser(h, 511, "ru");
    const second = await signedUpUser(h, 512, "ru");
    for (const u of [first, second]) await toCareerTopicStep(u);
    await first.press("cs-topic:skip");
    await second.send("Резюме");

    expect(h.texts(await first.press("cs-ok:yes"))[1]).toBe(
      ru("consult-booked", {
        details: details("ru", { date: "2026-11-24", time: "10:00", service: "career", center: "Центр almaly-1", address: "адрес", mode: "in_person" }),
      }),
    );

    expect(h.texts(await second.press("cs-ok:yes"))).toEqual([ru("consult-slot-taken")]);
    // Nearest to Tue 10:00: Tue 10:45 (45 min), Wed 10:00 (a day), Wed 10:45, Thu 10:00.
    expect(labels(second)).toEqual([
      "24 ноября, вторник, 10:45 · Центр almaly-1",
      "25 ноября, среда, 10:00 · Центр almaly-1",
      "25 ноября, среда, 10:45 · Центр almaly-1",
      "26 ноября, четверг, 10:00 · Центр almaly-1",
      ru("button-back"),
      ru("button-cancel"),
    ]);
    expect(data(second)).toEqual(["cs-alt:0", "cs-alt:1", "cs-alt:2", "cs-alt:3", "cs-alt:back", "cs-alt:cancel"]);
    expect(await bookingsOf(512)).toEqual([]);
    expect(h.texts(await second.send("в среду"))).toEqual([ru("need-button"), ru("consult-slot-taken")]);

    const wednesday = details("ru", { date: "2026-11-25", time: "10:00", service: "career", center: "Центр almaly-1", address: "адрес", mode: "in_person", topic: "Резюме" });
    expect(h.texts(await second.press("cs-alt:1"))).toEqual([ru("consult-summary", { details: wednesday })]);
    expect(h.texts(await second.press("cs-ok:yes"))[1]).toBe(ru("consult-booked", { details: wednesday }));

    const live = await h.db.selectFrom("bookings").select(["user_id", "starts_at", "topic"]).where("status", "=", "confirmed").orderBy("id").execute();
    expect(live).toEqual([
      { user_id: 511, starts_at: "2026-11-24T05:00:00.000Z", topic: null },
      { user_id: 512, starts_at: "2026-11-25T05:00:00.000Z", topic: "Резюме" },
    ]);
  });

  it("Back from the nearest times shows that day's times as they are now", async () => {
    const first = await signedUpUser(h, 513, "ru");
    const second = await signedUpUser(h, 514, "ru");
    for (const u of [first, second]) {
      await toCareerTopicStep(u);
      await u.press("cs-topic:skip");
    }
    await first.press("cs-ok:yes");
    await second.press("cs-ok:yes");
    expect(h.texts(await second.press("cs-alt:back"))).toEqual([ru("consult-ask-time-at", { day: "24 ноября, вторник", center: "Центр almaly-1" })]);
    expect(labels(second).slice(0, -2)).toEqual(["10:45"]);
  });
});

describe("limits", () => {
  it("stops a third upcoming booking of the same service before the steps, leaving other services open", async () => {
    const u = await signedUpUser(h, 520, "ru");
    for (const startsAt of ["2026-11-24T05:00:00Z", "2026-11-25T05:00:00Z"]) {
      await insertBooking(h.db, { specialist: career, userId: 520, startsAt, endsAt: new Date(new Date(startsAt).getTime() + 45 * 60_000).toISOString() });
    }
    await u.press("menu:consult");
    expect(h.texts(await u.press("cs-svc:career"))).toEqual([
      recorded(ru("consult-ask-service"), ru("service-career")),
      ru("consult-limit-service", { service: ru("service-career"), max: 2 }),
      ru("consult-ask-service"),
    ]);
    expect(h.texts(await u.press("cs-svc:psychologist"))).toEqual([
      recorded(ru("consult-ask-service"), ru("service-psychologist")),
      ru("help-crisis"),
      ru("consult-safety-prompt"),
    ]);
  });

  it("politely refuses someone with three no-shows in the last 90 days", async () => {
    const u = await signedUpUser(h, 521, "kk");
    for (const startsAt of ["2026-09-01T05:00:00Z", "2026-10-06T05:00:00Z", "2026-11-16T05:00:00Z"]) {
      await insertBooking(h.db, { specialist: career, userId: 521, startsAt, endsAt: new Date(new Date(startsAt).getTime() + 45 * 60_000).toISOString(), status: "no_show" });
    }
    expect(h.texts(await u.press("menu:consult"))).toEqual([kk("consult-limit-no-shows", { limit: 3, days: 90 }), kk("menu-title")]);
    // No flow was started.
    expect(h.texts(await u.send("психолог"))).toEqual([kk("unknown-message"), kk("menu-title")]);
    expect((await bookingsOf(521)).every((b) => b.status === "no_show")).toBe(true);
  });

  it("asks a person without an account to sign up first", async () => {
    const u = h.user({ id: 522, first_name: "Тест", language_code: "ru" });
    const batch = await u.press("menu:consult");
    expect(h.texts(batch)).toEqual([ru("need-signup")]);
    expect(data(u)).toEqual(["signup:consult"]);
  });
});

describe("another appointment at that time", () => {
  it("refuses a consultation overlapping the person's other one, names it, and goes back to the times", async () => {
    const u = await signedUpUser(h, 530, "ru");
    // A psychologist on Tuesday 10:50–11:40 Almaty.
    await insertBooking(h.db, { specialist: psychologist, userId: 530, startsAt: "2026-11-24T05:50:00Z", endsAt: "2026-11-24T06:40:00Z" });
    for (const step of ["menu:consult", "cs-svc:career", "cs-dist:almaly", "cs-day:2026-11-24", "cs-time:10:45"]) await u.press(step);
    await u.press("cs-topic:skip");

    const refused = await u.press("cs-ok:yes");
    const clash = ru("appointment-overlap", {
      what: ru("appointment-consultation", { service: ru("service-psychologist") }),
      day: "24 ноября, вторник",
      start: "10:50",
      end: "11:40",
      then: "time",
    });
    expect(clash).toContain("Консультация: Психолог — 24 ноября, вторник, 10:50–11:40");
    expect(h.texts(refused).slice(1)).toEqual([clash, ru("consult-ask-time-at", { day: "24 ноября, вторник", center: "Центр almaly-1" })]);
    expect((await bookingsOf(530)).map((b) => b.service)).toEqual(["psychologist"]);

    // 10:00–10:45 ends before the psychologist's time begins.
    await u.press("cs-time:10:00");
    await u.press("cs-topic:skip");
    expect(h.texts(await u.press("cs-ok:yes"))[1]).toMatch(/Вы записаны/);
    expect((await bookingsOf(530)).map((b) => [b.service, b.starts_at])).toEqual([
      ["psychologist", "2026-11-24T05:50:00.000Z"],
      ["career", "2026-11-24T05:00:00.000Z"],
    ]);
  });

  it("names a tea-talk session in Kazakh", async () => {
    const u = await signedUpUser(h, 531, "kk");
    const session = await insertTeaTalkSession(h.db, { centerId: "almaly-1", startsAt: "2026-11-24T04:30:00Z", minutes: 60 });
    const at = h.clock.now().toISOString();
    await h.db.insertInto("event_signups").values({ event_id: session, user_id: 531, status: "confirmed", offer_expires_at: null, created_at: at, updated_at: at }).execute();
    await toCareerTopicStep(u);
    await u.press("cs-topic:skip");
    const clash = kk("appointment-overlap", { what: kk("appointment-teatalk"), day: "24 қараша, сейсенбі", start: "09:30", end: "10:30", then: "time" });
    expect(h.texts(await u.press("cs-ok:yes"))[1]).toBe(clash);
    expect(await bookingsOf(531)).toEqual([]);
  });
});

describe("a flow replayed after its booking was written", () => {
  it("confirms the booking it made instead of calling the time taken, and books once", async () => {
    const u = await signedUpUser(h, 540, "ru");
    await toCareerTopicStep(u);
    await u.press("cs-topic:skip");
    // The booking is written, then the flow's state is lost: the flow is still at its summary.
    const lost = await handleWithFlowStateLost(h, callbackUpdate(u, "cs-ok:yes", u.messages().at(-1)));
    expect(h.texts(lost).at(-1)).toBe(ru("error-generic"));
    const [booking] = await bookingsOf(540);
    expect(booking).toMatchObject({ status: "confirmed", starts_at: "2026-11-24T05:00:00.000Z" });

    // The person presses Confirm again: the flow is replayed and finds its own booking.
    const again = await u.press("cs-ok:yes");
    const bookingDetails = details("ru", { date: "2026-11-24", time: "10:00", service: "career", center: "Центр almaly-1", address: "адрес", mode: "in_person" });
    // Its summary became a record on the first press; the press comes on a copy of its button.
    expect(h.texts(again).slice(1)).toEqual([ru("consult-booked", { details: bookingDetails }), ru("consult-ics-caption"), ru("menu-title")]);
    expect(documentOf(again)).toContain(`\r\nUID:booking-${booking!.id}@jastar-bot\r\n`);
    expect(await bookingsOf(540)).toEqual([booking]);
    const notices = await h.db.selectFrom("outbox").select("kind").where("booking_id", "=", booking!.id).execute();
    expect(notices.map((n) => n.kind)).toEqual(["booking_reminder", "booking_reminder", "booking_feedback"]);
  });
});

describe("a center whose address is not known yet", () => {
  it("names only the center, on every screen and in the calendar file", async () => {
    await h.db.updateTable("centers").set({ placeholder: 1, address_placeholder: 1, address_ru: "Адрес уточняется администратором", address_kk: "Мекенжайды әкімші нақтылайды" }).where("id", "=", "almaly-1").execute();
    for (const [id, lang] of [[550, "ru"], [551, "kk"]] as const) {
      const u = await signedUpUser(h, id, lang);
      await u.press("menu:consult");
      await u.press("cs-svc:career");
      await u.press("cs-dist:almaly");
      await u.press(id === 550 ? "cs-day:2026-11-24" : "cs-day:2026-11-25");
      await u.press("cs-time:10:00");
      const center = lang === "ru" ? "Центр almaly-1" : "Орталық almaly-1";
      const bookingDetails = details(lang, { date: id === 550 ? "2026-11-24" : "2026-11-25", time: "10:00", service: "career", center, address: null, mode: "in_person" });
      const summary = h.texts(await u.press("cs-topic:skip"));
      expect(summary).toEqual([t(lang)("consult-summary", { details: bookingDetails })]);
      expect(summary[0]).toContain(t(lang)("consult-place-address-unknown", { center }));
      const done = await u.press("cs-ok:yes");
      expect(h.texts(done)[1]).toBe(t(lang)("consult-booked", { details: bookingDetails }));
      for (const text of [...h.texts(done), documentOf(done)]) expect(text).not.toMatch(/уточняется администратором|әкімші нақтылайды/);
      expect(documentOf(done)).toContain(`\r\nLOCATION:${center}\r\n`);
    }
  });
});
