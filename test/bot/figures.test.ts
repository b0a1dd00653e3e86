import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REPORTS } from "../../src/bot/features/figures/reports.js";
import type { BookingStatus, Specialist } from "../../src/db/schema.js";
import type { ServiceCode } from "../../src/domain/services.js";
import { insertEvent } from "../support/events.js";
import { insertBooking, insertSpecialist } from "../support/fixtures.js";
import { CENTER_ADMIN, CITY_ADMIN, NOBODY, createAdminHarness, type AdminHarness } from "../support/admins.js";
import type { ApiCall, HarnessUser } from "../support/harness.js";
import { registerUser } from "../support/users.js";

let h: AdminHarness;

beforeEach(async () => {
  // Wednesday 2 December 2026, 10:00 in Almaty: 30 days left in the year, today included.
  h = await createAdminHarness({ catalog: true });
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (key: string, vars?: Record<string, string | number>) => h.i18n.t("ru", key, vars);

/** `count` bookings of one specialist from `day` on, an hour apart (so that no two share a slot). */
let nextHour = 0;
async function book(specialist: Specialist, count: number, status: BookingStatus, day: string, userId: number | null = null) {
  for (let i = 0; i < count; i++) {
    const start = new Date(new Date(`${day}T03:00:00Z`).getTime() + nextHour++ * 3_600_000);
    await insertBooking(h.db, { specialist, userId, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 1_800_000).toISOString(), status });
  }
}

async function specialist(centerId: string, service: ServiceCode) {
  return insertSpecialist(h.db, { centerId, service });
}

/**
 * The consultations of the figures, counted by hand below:
 * career at almaly-1: 12 attended, 3 no-show (March), 2 cancelled (April) — 17;
 * career at almaly-2: 20 attended and 1 cancelled (May), 1 attended at 00:30 on 1 January in
 *   Almaty (still 2025 in UTC) — 22; and outside the figures: one at 23:00 on 31 December 2025
 *   in Almaty, and one moved (its new booking is the one that counts);
 * business at medeu-1: 15 attended (June), 10 ahead (10 December) — 25;
 * psychologist at almaly-1: 11 attended (March); lawyer at medeu-1: 4 attended (June).
 */
async function seedConsultations() {
  const careerA1 = await specialist("almaly-1", "career");
  const careerA2 = await specialist("almaly-2", "career");
  const business = await specialist("medeu-1", "business");
  const psychologist = await specialist("almaly-1", "psychologist");
  const lawyer = await specialist("medeu-1", "lawyer");
  await book(careerA1, 12, "attended", "2026-03-02");
  await book(careerA1, 3, "no_show", "2026-03-10");
  await book(careerA1, 2, "cancelled", "2026-04-06");
  await book(careerA2, 20, "attended", "2026-05-04");
  await book(careerA2, 1, "cancelled", "2026-05-12");
  await book(careerA2, 1, "rescheduled", "2026-05-13");
  await insertBooking(h.db, { specialist: careerA2, userId: null, startsAt: "2025-12-31T19:30:00Z", endsAt: "2025-12-31T20:00:00Z", status: "attended" });
  await insertBooking(h.db, { specialist: careerA2, userId: null, startsAt: "2025-12-31T18:00:00Z", endsAt: "2025-12-31T18:30:00Z", status: "attended" });
  await book(business, 15, "attended", "2026-06-01");
  await book(business, 10, "confirmed", "2026-12-10");
  await book(psychologist, 11, "attended", "2026-03-16");
  await book(lawyer, 4, "attended", "2026-06-15");
}

/** A report's CSV, pressed as its button, read back: the header, then each row by "section|row". */
async function csvOf(admin: HarnessUser, report: string): Promise<{ header: string[]; rows: Map<string, string[]>; batch: ApiCall[] }> {
  const batch = await admin.press(`fig:csv:${report}`);
  const doc = batch.find((c) => c.method === "sendDocument");
  expect(doc, `a CSV of ${report}`).toBeDefined();
  const bytes = doc!.files!.document!;
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records: string[][] = parse(bytes, { bom: true });
  const [header, ...body] = records;
  return { header: header!, rows: new Map(body.map((r) => [`${r[0]}|${r[1]}`, r.slice(2)])), batch };
}

/**
 * No hidden count can be worked out by subtraction: in every row, the total and its parts; in
 * every column, a section's total and its rows. Read from what the reader gets, the CSV.
 */
function expectNothingDerivable(rows: Map<string, string[]>, section: string, totalRow: string, rowsTotalled: string[], partsOfTotal: boolean) {
  const hidden = (v: string) => v === "< 10" || v === "*";
  const check = (whole: string, parts: string[]) => {
    const hiddenParts = parts.filter(hidden).length;
    if (hidden(whole)) expect(hiddenParts, `${whole} = ${parts.join(" + ")}`).not.toBe(0);
    else expect(hiddenParts, `${whole} = ${parts.join(" + ")}`).not.toBe(1);
  };
  const total = rows.get(`${section}|${totalRow}`)!;
  for (let j = 0; j < total.length; j++) check(total[j]!, rowsTotalled.map((r) => rows.get(`${section}|${r}`)![j]!));
  if (partsOfTotal) for (const r of [...rowsTotalled, totalRow]) check(rows.get(`${section}|${r}`)![0]!, rows.get(`${section}|${r}`)!.slice(1));
}

describe("📊 Figures", () => {
  it("is on the home screen of city and center administrators", async () => {
    await h.grantCenter(CENTER_ADMIN, "almaly-1");
    for (const id of [CITY_ADMIN, CENTER_ADMIN]) {
      const admin = h.admin(id);
      await admin.send("/admin");
      expect(admin.buttons().map((b) => b.text)).toContain(ru("admin-button-figures"));
    }
  });

  it("shows a city administrator the 2026 targets with the pace needed until 31 December", async () => {
    await seedConsultations();
    for (let i = 0; i < 25; i++) await registerUser(h.db, 5000 + i);
    // Held: three this year; not: one ahead, one cancelled, one last year.
    for (const day of ["2026-02-10", "2026-07-01", "2026-11-30"]) await insertEvent(h.db, { startsAt: `${day}T12:00:00Z`, centerId: "almaly-1" });
    await insertEvent(h.db, { startsAt: "2026-12-20T12:00:00Z", centerId: "almaly-1" });
    await insertEvent(h.db, { startsAt: "2026-05-20T12:00:00Z", centerId: "almaly-1", status: "cancelled" });
    await insertEvent(h.db, { startsAt: "2025-11-20T12:00:00Z", centerId: "almaly-1" });
    const admin = h.admin();
    await admin.send("/admin");
    const [text] = h.texts(await admin.click(ru("admin-button-figures")));

    // Attended consultations: 12 + 20 + 1 + 15 + 11 + 4 = 63; 21,937 to go over 30 days.
    expect(text).toContain(`${ru("figures-target-consultations", { done: "63", target: "22 000", percent: 0 })}\n    ${ru("figures-pace", { perDay: "732", perWeek: "5 119" })}`);
    // Events: 2,997 to go → 99.9 a day, 699.3 a week.
    expect(text).toContain(`${ru("figures-target-events", { done: "3", target: "3 000", percent: 0 })}\n    ${ru("figures-pace", { perDay: "100", perWeek: "700" })}`);
    // Signed up: 25 of 700,000 → 699,975 over 30 days.
    expect(text).toContain(`${ru("figures-target-reached", { done: "25", target: "700 000", percent: 0 })}\n    ${ru("figures-pace", { perDay: "23 333", perWeek: "163 328" })}`);
    // No team yet: 8 to go → 1 a day, 2 a week.
    expect(text).toContain(`${ru("figures-target-ngos", { done: "0", target: "8", percent: 0 })}\n    ${ru("figures-pace", { perDay: "1", perWeek: "2" })}`);
    expect(text).toContain(ru("figures-targets-title", { year: "2026", days: 30 }));
    expect(admin.buttons().map((b) => b.text)).toEqual(expect.arrayContaining(REPORTS.map((r) => ru(`figures-report-${r}`))));
  });

  it("counts consultations by service, center, district and month, the psychologist and the lawyer only as city totals", async () => {
    await seedConsultations();
    const admin = h.admin();
    const { header, rows } = await csvOf(admin, "consultations");
    expect(header).toEqual([ru("figures-column-section"), ru("figures-column-row"), ...["total", "attended", "no_show", "cancelled", "upcoming"].map((c) => ru(`figures-column-${c}`))]);
    const row = (section: string, label: string) => rows.get(`${ru(`figures-section-${section}`)}|${label}`);

    // By service, hand-counted: business 25 (15 attended, 10 ahead), career 17 + 22 = 39 (33 attended,
    // 3 no-show, 3 cancelled), all 79 (63 attended). The lawyer's 4 are hidden, and the
    // psychologist's 11 with them as a guard: otherwise 79 − 11 − 25 − 39 would give the lawyer's away.
    expect(row("service", ru("service-business"))).toEqual(["25", "15", "0", "0", "10"]);
    expect(row("service", ru("service-career"))).toEqual(["39", "33", "< 10", "< 10", "0"]);
    expect(row("service", ru("service-lawyer"))).toEqual(["< 10", "< 10", "0", "0", "0"]);
    expect(row("service", ru("service-psychologist"))).toEqual(["*", "*", "0", "0", "0"]);
    expect(row("service", ru("figures-row-total"))).toEqual(["79", "63", "< 10", "< 10", "10"]);

    // By center, district and month: business and career only, 64 in all (48 attended).
    const open = ["64", "48", "< 10", "< 10", "10"];
    for (const section of ["center", "district", "month"]) expect(row(section, ru("figures-row-total-open"))).toEqual(open);
    expect(row("center", "Молодёжный центр Алмалинского района №1")).toEqual(["17", "12", "< 10", "< 10", "0"]);
    expect(row("center", "Молодёжный центр Медеуского района №1")).toEqual(["25", "15", "0", "0", "10"]);
    expect(row("district", ru("district-almaly"))).toEqual(["39", "33", "< 10", "< 10", "0"]);
    expect(row("district", ru("district-medeu"))).toEqual(["25", "15", "0", "0", "10"]);
    // Almaty's months: the consultation at 00:30 on 1 January is January's; the one at 23:00 the day before is not counted.
    expect(row("month", "01.2026")?.slice(0, 2)).toEqual(["< 10", "< 10"]);
    expect(row("month", "03.2026")?.slice(0, 2)).toEqual(["15", "12"]);
    expect(row("month", "05.2026")?.slice(0, 2)).toEqual(["21", "20"]);
    expect(row("month", "06.2026")).toEqual(["15", "15", "0", "0", "0"]);
    expect(row("month", "12.2026")).toEqual(["10", "0", "0", "0", "10"]);

    // The sensitive services appear in no section but the service totals.
    const sections = [...rows.keys()].filter((k) => k.includes(ru("service-psychologist")) || k.includes(ru("service-lawyer")));
    expect(sections.map((k) => k.split("|")[0])).toEqual([ru("figures-section-service"), ru("figures-section-service")]);

    const section = (s: string) => ru(`figures-section-${s}`);
    const labels = (s: string) => [...rows.keys()].filter((k) => k.startsWith(`${section(s)}|`)).map((k) => k.split("|")[1]!);
    const totalled = (s: string, total: string) => labels(s).filter((l) => l !== total);
    expectNothingDerivable(rows, section("service"), ru("figures-row-total"), totalled("service", ru("figures-row-total")), true);
    for (const s of ["center", "district", "month"]) {
      expectNothingDerivable(rows, section(s), ru("figures-row-total-open"), totalled(s, ru("figures-row-total-open")), true);
    }
    // A district is its two centers: neither can be worked out from it and the other.
    const districtRow = rows.get(`${section("district")}|${ru("district-almaly")}`)!;
    const centersOf = ["1", "2"].map((n) => rows.get(`${section("center")}|Молодёжный центр Алмалинского района №${n}`)!);
    districtRow.forEach((whole, j) => {
      const hidden = (v: string | undefined) => v === "< 10" || v === "*";
      const hiddenParts = centersOf.filter((c) => hidden(c[j])).length;
      expect(hidden(whole) ? hiddenParts !== 0 : hiddenParts !== 1).toBe(true);
    });
  });

  it("shows the same figures as a message", async () => {
    await seedConsultations();
    const admin = h.admin();
    const [text] = h.texts(await admin.press("fig:rep:consultations"));
    expect(text).toContain(`${ru("service-business")}: 25 / 15 / 0 / 0 / 10`);
    expect(text).toContain(`${ru("service-lawyer")}: &lt; 10 / &lt; 10 / 0 / 0 / 0`);
    expect(admin.buttons().map((b) => b.callback_data)).toEqual(["fig:csv:consultations", "fig:png:consultations", "fig:home"]);
  });

  it("counts the young people reached, each once, by district, age band and NEET status", async () => {
    // 12 in Almaly aged 20, neither working nor studying; 13 in Medeu aged 16, studying; 3 in Turksib aged 30, not saying.
    for (let i = 0; i < 12; i++) await registerUser(h.db, 6000 + i, { district: "almaly", age: 20, occupation: "neither" });
    for (let i = 0; i < 13; i++) await registerUser(h.db, 6100 + i, { district: "medeu", age: 16, guardianConsent: true, occupation: "study" });
    for (let i = 0; i < 3; i++) await registerUser(h.db, 6200 + i, { district: "turksib", age: 30, occupation: null });
    // Someone who never finished signing up is not counted.
    await h.db.insertInto("users").values({ id: 6300, language: "ru", created_at: h.clock.now().toISOString(), updated_at: h.clock.now().toISOString() } as never).execute();
    const admin = h.admin();
    const { rows } = await csvOf(admin, "reach");
    const row = (section: string, label: string) => rows.get(`${ru(`figures-section-${section}`)}|${label}`)?.[0];
    expect(row("district", ru("district-almaly"))).toBe("12");
    expect(row("district", ru("district-medeu"))).toBe("13");
    expect(row("district", ru("district-turksib"))).toBe("< 10");
    expect(row("district", ru("figures-row-total"))).toBe("28");
    expect(row("band", "14–17")).toBe("13");
    expect(row("band", "18–24")).toBe("12");
    expect(row("band", "25–35")).toBe("< 10");
    // 28 = 12 + 13 + 3: with the three who do not say hidden, the smaller of the others is a guard.
    expect(row("occupation", ru("figures-row-neet"))).toBe("*");
    expect(row("occupation", ru("figures-row-not-neet"))).toBe("13");
    expect(row("occupation", ru("figures-row-unknown"))).toBe("< 10");
    // 28 − 12 − 13 would give Turksib's 3 away: a district of none (Alatau, the first) guards it.
    expect(row("district", ru("district-alatau"))).toBe("*");
    expect(row("district", ru("district-zhetysu"))).toBe("0");
    // The bands: 28 = 13 + 12 + 3 + 0 (no age): the band-less none guard the oldest band.
    expect(row("band", ru("figures-row-unknown"))).toBe("*");
  });

  it("sends a report's chart as a PNG drawn in the reader's language", async () => {
    await seedConsultations();
    const admin = h.user({ id: CITY_ADMIN, first_name: "Admin", language_code: "kk" });
    const batch = await admin.press("fig:png:consultations");
    const photo = batch.find((c) => c.method === "sendPhoto");
    const png = photo!.files!.photo!;
    expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(800);
    // Twelve months, one bar each.
    expect(png.readUInt32BE(20)).toBeGreaterThan(12 * 28);
    expect(photo!.payload.caption).toBe(h.i18n.t("kk", "figures-report-consultations"));
  });
});

describe("a center administrator's figures", () => {
  it("cover their centers only, without the sensitive services or the city's reports", async () => {
    await seedConsultations();
    await h.grantCenter(CENTER_ADMIN, "almaly-1");
    const admin = h.user({ id: CENTER_ADMIN, first_name: "Center", language_code: "ru" });
    await admin.send("/admin");
    const [home] = h.texts(await admin.click(ru("admin-button-figures")));
    expect(home).toContain(
      ru("figures-centers-headline", { centers: "Молодёжный центр Алмалинского района №1", consultations: "17", attended: "12", events: "0", people: "0" }),
    );
    const offered = admin.buttons().map((b) => b.callback_data);
    expect(offered).not.toContain("fig:rep:signups");
    expect(offered).not.toContain("fig:rep:cards");
    expect(offered).not.toContain("fig:rep:practice");
    expect(offered.some((d) => d?.startsWith("fig:weekly"))).toBe(false);

    const { rows } = await csvOf(admin, "consultations");
    const keys = [...rows.keys()];
    expect(keys.filter((k) => k.startsWith(`${ru("figures-section-center")}|`))).toEqual([
      `${ru("figures-section-center")}|Молодёжный центр Алмалинского района №1`,
      `${ru("figures-section-center")}|${ru("figures-row-total-open")}`,
    ]);
    expect(keys.some((k) => k.includes(ru("service-psychologist")) || k.includes(ru("service-lawyer")))).toBe(false);
    expect(keys.some((k) => k.startsWith(`${ru("figures-section-district")}|`))).toBe(false);
    expect(rows.get(`${ru("figures-section-service")}|${ru("service-career")}`)).toEqual(["17", "12", "< 10", "< 10", "0"]);
    expect(rows.get(`${ru("figures-section-service")}|${ru("figures-row-total-open")}`)).toEqual(["17", "12", "< 10", "< 10", "0"]);
  });

  it("refuse a forged button of a city report, and anyone without the role", async () => {
    await h.grantCenter(CENTER_ADMIN, "almaly-1");
    const centerAdmin = h.user({ id: CENTER_ADMIN, first_name: "Center", language_code: "ru" });
    for (const data of ["fig:csv:cards", "fig:png:signups", "fig:rep:practice", "fig:weekly:off:home"]) {
      const batch = await centerAdmin.press(data);
      expect(h.texts(batch), data).toEqual([ru("staff-not-allowed")]);
      expect(batch.some((c) => c.method === "sendDocument" || c.method === "sendPhoto")).toBe(false);
    }
    const person = h.user({ id: NOBODY, first_name: "Someone", language_code: "ru" });
    for (const data of ["fig:home", "fig:csv:consultations", "fig:png:consultations", "fig:weekly:off:notice"]) {
      expect(h.texts(await person.press(data)), data).toEqual([ru("staff-not-allowed")]);
    }
    expect(await h.db.selectFrom("weekly_report_optouts").selectAll().execute()).toEqual([]);
  });
});

describe("the weekly summary's switch", () => {
  it("turns the summary off and on again from the figures, and off under a summary", async () => {
    const admin = h.admin();
    await admin.press("fig:home");
    let batch = await admin.click(ru("figures-button-weekly-off"));
    expect(batch.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(ru("figures-weekly-off-done"));
    expect(await h.db.selectFrom("weekly_report_optouts").select("telegram_id").execute()).toEqual([{ telegram_id: CITY_ADMIN }]);
    batch = await admin.click(ru("figures-button-weekly-on"));
    expect(batch.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(ru("figures-weekly-on-done"));
    expect(await h.db.selectFrom("weekly_report_optouts").selectAll().execute()).toEqual([]);

    batch = await admin.press("fig:weekly:off:notice");
    expect(await h.db.selectFrom("weekly_report_optouts").select("telegram_id").execute()).toEqual([{ telegram_id: CITY_ADMIN }]);
    const edit = batch.find((c) => c.method === "editMessageReplyMarkup");
    expect(edit?.payload.reply_markup.inline_keyboard.flat().map((b: { callback_data: string }) => b.callback_data)).toEqual(["fig:home", "fig:weekly:on:notice"]);
  });
});

describe("the figures' words", () => {
  it("exist in Kazakh and Russian for every report, section and column", async () => {
    const ids = REPORTS.flatMap((r) => [`figures-report-${r}`, `figures-about-${r}`]);
    ids.push(...["service", "center", "district", "month", "band", "occupation", "week", "category", "level", "practice", "partner"].map((s) => `figures-section-${s}`));
    ids.push(
      ...["section", "row", "total", "attended", "no_show", "cancelled", "upcoming", "answers", "average", "people", "events", "signed_up", "checks", "valid", "invalid", "count"].map(
        (c) => `figures-column-${c}`,
      ),
    );
    for (const lang of ["kk", "ru"] as const) {
      for (const id of ids) expect(h.i18n.t(lang, id, { year: "2026" }), `${lang} ${id}`).not.toBe(id);
    }
  });
});
