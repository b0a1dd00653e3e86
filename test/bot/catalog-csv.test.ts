import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { registerUser } from "../support/users.js";
import { CENTER_ADMIN, CITY_ADMIN, NOBODY, createAdminHarness, type AdminHarness } from "../support/admins.js";
import type { ApiCall, HarnessUser } from "../support/harness.js";

const CENTER = "almaly-1";
const OTHER_CENTER = "medeu-2";

let h: AdminHarness;
let admin: HarnessUser;

beforeEach(async () => {
  // Wednesday 2 December 2026, 10:00 in Almaty (UTC+5).
  h = await createAdminHarness({ catalog: true });
  admin = h.admin();
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (key: string, vars?: Record<string, string | number>) => h.i18n.t("ru", key, vars);

/** The CSV document in a batch, read back as rows (the header first). */
function documentRows(batch: ApiCall[]): string[][] {
  const call = batch.find((c) => c.method === "sendDocument");
  if (!call) throw new Error(`no document among: ${batch.map((c) => c.method).join(", ")}`);
  const bytes = call.files!.document!;
  expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return parse(bytes.toString("utf8").slice(1));
}

async function exportKind(user: HarnessUser, kind: string): Promise<string[][]> {
  return documentRows(await user.press(`adm-csv:x:${kind}`));
}

/** Rows as records by the header's names, to change a cell by its column. */
function records(rows: string[][]): Record<string, string>[] {
  const [header, ...rest] = rows;
  return rest.map((r) => Object.fromEntries(header!.map((name, i) => [name, r[i]!])));
}

function csvOf(header: readonly string[], rows: Record<string, string>[], delimiter = ","): string {
  return stringify([[...header], ...rows.map((r) => header.map((c) => r[c] ?? ""))], { delimiter });
}

async function center(id: string) {
  return h.db.selectFrom("centers").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

/** An evening of IT talks at the center on 10 December, 18:00–20:00 Almaty time, with 20 seats. */
async function itEvening(): Promise<number> {
  const { id } = await h.db
    .insertInto("events")
    .values({
      category: "education",
      center_id: CENTER,
      district: "almaly",
      title_kk: "IT кеші",
      title_ru: "IT-вечер",
      starts_at: "2026-12-10T13:00:00.000Z",
      ends_at: "2026-12-10T15:00:00.000Z",
      capacity: 20,
      created_at: "2026-11-01T00:00:00.000Z",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

async function startImport(user: HarnessUser, kind: string) {
  return user.press(`adm-csv:i:${kind}`);
}

describe("exporting the catalog", () => {
  it("gives a city administrator every center as a CSV document with a byte order mark", async () => {
    const rows = await exportKind(admin, "centers");
    expect(rows[0]).toEqual(["id", "district", "name_kk", "name_ru", "address_kk", "address_ru", "hours_kk", "hours_ru", "open_24_7", "phone", "latitude", "longitude"]);
    const centers = await h.db.selectFrom("centers").selectAll().orderBy("id").execute();
    expect(rows.slice(1).map((r) => r[0])).toEqual(centers.map((c) => c.id));
    expect(records(rows).find((r) => r.id === CENTER)).toMatchObject({ name_ru: centers.find((c) => c.id === CENTER)!.name_ru, phone: "" });
  });

  it("gives a center administrator their own center's rows only", async () => {
    await h.grantCenter(CENTER_ADMIN, CENTER);
    const centerAdmin = h.user({ id: CENTER_ADMIN, first_name: "Center", language_code: "ru" });
    expect((await exportKind(centerAdmin, "centers")).slice(1).map((r) => r[0])).toEqual([CENTER]);
  });

  it("refuses anyone else, and sends nothing", async () => {
    const person = h.user({ id: NOBODY, first_name: "Someone", language_code: "ru" });
    const batch = await person.press("adm-csv:x:centers");
    expect(batch.some((c) => c.method === "sendDocument")).toBe(false);
    expect(h.texts(batch)).toEqual([ru("staff-not-allowed")]);
    const entered = await person.press("adm-csv:i:centers");
    expect(h.texts(entered)).toEqual([ru("staff-not-allowed")]);
  });
});

describe("importing centers", () => {
  it("checks the file, shows what would change, and applies it only when confirmed; a young person then sees the new address", async () => {
    const rows = await exportKind(admin, "centers");
    const edited = records(rows).map((r) =>
      r.id === CENTER ? { ...r, address_ru: "ул. Толе би, 59", address_kk: "Төле би көшесі, 59", phone: "8 (727) 123-45-67" } : r,
    );
    await startImport(admin, "centers");
    const checked = await admin.sendDocument("centers.csv", csvOf(rows[0]!, edited));
    expect(h.texts(checked)).toEqual([
      [
        ru("csv-report-plan", { kind: ru("csv-kind-centers"), created: 0, updated: 1, unchanged: 15 }),
        ru("csv-line-update", { line: 4, label: CENTER, columns: "address_kk, address_ru, phone" }),
      ].join("\n"),
    ]);
    // The dry run changed nothing.
    expect((await center(CENTER)).address_placeholder).toBe(1);

    const applied = await admin.click(ru("csv-button-apply"));
    expect(h.texts(applied)).toContain(ru("csv-applied", { created: 0, updated: 1 }));
    // The details replaced are real now; the hours and the map point are still stand-ins.
    expect(await center(CENTER)).toMatchObject({
      address_ru: "ул. Толе би, 59",
      phone: "+7 727 123 45 67",
      address_placeholder: 0,
      phone_placeholder: 0,
      hours_placeholder: 1,
      location_placeholder: 1,
      placeholder: 1,
    });
    const audit = await h.db.selectFrom("audit_log").selectAll().execute();
    expect(audit).toEqual([
      expect.objectContaining({ actor_id: CITY_ADMIN, action: "center.update", subject: `center:${CENTER}`, center_id: CENTER }),
    ]);
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ phone: null, address_ru: "Адрес уточняется администратором" });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ phone: "+7 727 123 45 67", address_ru: "ул. Толе би, 59" });

    const young = h.user({ id: 555, first_name: "Дана", language_code: "ru" });
    const card = await young.press(`centers:center:${CENTER}`);
    // The map point is still a stand-in: the address comes in the card's text, not as a venue.
    expect(h.texts(card).join("\n")).toContain("ул. Толе би, 59");
  });

  it("lists every bad row with its line and column, applies nothing, and takes a corrected file after", async () => {
    const rows = await exportKind(admin, "centers");
    const before = await h.db.selectFrom("centers").selectAll().orderBy("id").execute();
    const edited = records(rows).map((r, i) =>
      i === 0 ? { ...r, address_ru: "Новый адрес" } : i === 1 ? { ...r, phone: "12345", latitude: "51.1" } : i === 2 ? { ...r, district: "nowhere", open_24_7: "maybe" } : r,
    );
    await startImport(admin, "centers");
    const rejected = await admin.sendDocument("centers.csv", csvOf(rows[0]!, edited));
    expect(h.texts(rejected)).toEqual([
      [
        ru("csv-report-rejected", { count: 4 }),
        ru("csv-line-problem", { line: 3, column: "phone", problem: ru("csv-problem-phone") }),
        ru("csv-line-problem", { line: 3, column: "latitude", problem: ru("csv-problem-range", { min: 43, max: 43.45 }) }),
        ru("csv-line-problem", { line: 4, column: "district", problem: ru("csv-problem-one-of", { values: "alatau, almaly, auezov, bostandyk, zhetysu, medeu, nauryzbay, turksib" }) }),
        ru("csv-line-problem", { line: 4, column: "open_24_7", problem: ru("csv-problem-yes-no") }),
      ].join("\n"),
      ru("csv-ask-file", { kind: ru("csv-kind-centers") }),
    ]);
    // The good row was not applied either.
    expect(await h.db.selectFrom("centers").selectAll().orderBy("id").execute()).toEqual(before);

    const corrected = records(rows).map((r, i) => (i === 0 ? { ...r, address_ru: "Новый адрес" } : r));
    await admin.sendDocument("centers.csv", csvOf(rows[0]!, corrected, ";"));
    await admin.click(ru("csv-button-apply"));
    expect((await center(before[0]!.id)).address_ru).toBe("Новый адрес");
  });

  it("refuses a center administrator's row for another center, and a new center, applying nothing", async () => {
    await h.grantCenter(CENTER_ADMIN, CENTER);
    const centerAdmin = h.user({ id: CENTER_ADMIN, first_name: "Center", language_code: "ru" });
    const all = records(await exportKind(admin, "centers"));
    const header = Object.keys(all[0]!);
    const mine = { ...all.find((r) => r.id === CENTER)!, hours_ru: "Круглосуточно" };
    const theirs = { ...all.find((r) => r.id === OTHER_CENTER)!, address_ru: "Чужой адрес" };
    const added = { ...mine, id: "almaly-9" };
    await startImport(centerAdmin, "centers");
    const batch = await centerAdmin.sendDocument("centers.csv", csvOf(header, [mine, theirs, added]));
    expect(h.texts(batch)[0]).toBe(
      [
        ru("csv-report-rejected", { count: 2 }),
        ru("csv-line-problem", { line: 3, column: "id", problem: ru("csv-problem-not-yours") }),
        ru("csv-line-problem", { line: 4, column: "id", problem: ru("csv-problem-new-center-city-only") }),
      ].join("\n"),
    );
    expect((await center(CENTER)).hours_ru).not.toBe("Круглосуточно");
    expect((await center(OTHER_CENTER)).address_ru).not.toBe("Чужой адрес");
  });

  it("applies nothing when the administrator's access ended between the check and the confirmation", async () => {
    await h.grantCenter(CENTER_ADMIN, CENTER);
    const centerAdmin = h.user({ id: CENTER_ADMIN, first_name: "Center", language_code: "ru" });
    const rows = await exportKind(centerAdmin, "centers");
    await startImport(centerAdmin, "centers");
    await centerAdmin.sendDocument("centers.csv", csvOf(rows[0]!, records(rows).map((r) => ({ ...r, hours_ru: "Круглосуточно" }))));
    await h.db.updateTable("center_admins").set({ revoked_at: "2026-12-02T05:01:00.000Z" }).execute();
    const batch = await centerAdmin.click(ru("csv-button-apply"));
    expect(h.texts(batch)).toContain(ru("staff-not-allowed"));
    expect((await center(CENTER)).hours_ru).not.toBe("Круглосуточно");
  });

  it("answers a message that is not a file, an unreadable file, a wrong header and an empty file, and leaves on /cancel", async () => {
    await startImport(admin, "centers");
    expect(h.texts(await admin.send("вот файл"))).toEqual([ru("csv-not-a-file")]);
    expect(h.texts(await admin.sendDocument("bad.csv", 'id,district\n"almaly-1,almaly\n'))).toEqual([
      ru("csv-file-unreadable", { line: 2 }),
      ru("csv-ask-file", { kind: ru("csv-kind-centers") }),
    ]);
    expect(h.texts(await admin.sendDocument("header.csv", "id,district,colour\nalmaly-1,almaly,red\n"))[0]).toBe(
      [
        ru("csv-report-rejected", { count: 2 }),
        ru("csv-line-problem", { line: 1, column: "none", problem: ru("csv-problem-missing-columns", { columns: "name_kk, name_ru, address_kk, address_ru, hours_kk, hours_ru, open_24_7, phone, latitude, longitude" }) }),
        ru("csv-line-problem", { line: 1, column: "none", problem: ru("csv-problem-unknown-columns", { columns: "colour" }) }),
      ].join("\n"),
    );
    expect(h.texts(await admin.sendDocument("empty.csv", "id,district\n"))[0]).toBe(ru("csv-file-empty"));
    await admin.send("/cancel");
    expect(h.texts(await admin.sendDocument("late.csv", "id\n1\n"))).not.toContain(ru("csv-file-empty"));
  });

  it("says so when the file matches the catalog", async () => {
    const rows = await exportKind(admin, "centers");
    await startImport(admin, "centers");
    expect(h.texts(await admin.sendDocument("centers.csv", csvOf(rows[0]!, records(rows))))).toEqual([ru("csv-report-nothing")]);
    expect(await h.db.selectFrom("audit_log").selectAll().execute()).toEqual([]);
  });
});

describe("importing specialists with their schedules", () => {
  it("adds a specialist and changes another's weekly hours and days off; refuses to deactivate one with bookings", async () => {
    const { id } = await h.db
      .insertInto("specialists")
      .values({ center_id: CENTER, service: "lawyer", display_name: "Асқар Н.", slot_minutes: 30, online: 1, created_at: "2026-11-01T00:00:00.000Z" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await h.db.insertInto("specialist_hours").values({ specialist_id: id, weekday: 1, start_time: "10:00", end_time: "18:00" }).execute();
    const rows = await exportKind(admin, "specialists");
    expect(records(rows)).toEqual([
      expect.objectContaining({ id: String(id), center_id: CENTER, service: "lawyer", mon: "10:00-18:00", tue: "", overrides: "", active: "yes" }),
    ]);
    const changed = { ...records(rows)[0]!, mon: "9:00-13:00 14:00-18:00", fri: "10:00-14:00", overrides: "2026-12-16 off; 2026-12-31 10:00-12:00" };
    const added = { ...changed, id: "", display_name: "Мадина С.", service: "psychologist", slot_minutes: "50", mon: "", fri: "", sat: "11:00-15:00", overrides: "" };
    await startImport(admin, "specialists");
    const checked = await admin.sendDocument("specialists.csv", csvOf(rows[0]!, [changed, added]));
    expect(h.texts(checked)[0]).toBe(
      [
        ru("csv-report-plan", { kind: ru("csv-kind-specialists"), created: 1, updated: 1, unchanged: 0 }),
        ru("csv-line-update", { line: 2, label: "Асқар Н.", columns: "hours, overrides" }),
        ru("csv-line-create", { line: 3, label: "Мадина С." }),
      ].join("\n"),
    );
    await admin.click(ru("csv-button-apply"));
    const hours = await h.db.selectFrom("specialist_hours").selectAll().where("specialist_id", "=", id).orderBy("weekday").orderBy("start_time").execute();
    expect(hours.map((x) => [x.weekday, x.start_time, x.end_time])).toEqual([
      [1, "09:00", "13:00"],
      [1, "14:00", "18:00"],
      [5, "10:00", "14:00"],
    ]);
    const overrides = await h.db.selectFrom("specialist_overrides").selectAll().where("specialist_id", "=", id).orderBy("date").execute();
    expect(overrides.map((o) => [o.date, o.kind, o.start_time, o.end_time])).toEqual([
      ["2026-12-16", "off", null, null],
      ["2026-12-31", "hours", "10:00", "12:00"],
    ]);
    const madina = await h.db.selectFrom("specialists").selectAll().where("display_name", "=", "Мадина С.").executeTakeFirstOrThrow();
    expect(madina).toMatchObject({ center_id: CENTER, service: "psychologist", slot_minutes: 50, active: 1 });

    // A confirmed consultation still to come keeps Асқар active until it is cancelled.
    await registerUser(h.db, 1);
    await h.db
      .insertInto("bookings")
      .values({
        user_id: 1,
        specialist_id: id,
        service: "lawyer",
        center_id: CENTER,
        starts_at: "2026-12-07T05:00:00.000Z",
        ends_at: "2026-12-07T05:30:00.000Z",
        mode: "in_person",
        topic: null,
        status: "confirmed",
        created_at: "2026-12-01T00:00:00.000Z",
        updated_at: "2026-12-01T00:00:00.000Z",
        cancelled_by: null,
        replaced_by: null,
        feedback_score: null,
        feedback_comment: null,
        calendar_uid: null,
      })
      .execute();
    const again = await exportKind(admin, "specialists");
    await startImport(admin, "specialists");
    const refused = await admin.sendDocument("specialists.csv", csvOf(again[0]!, records(again).map((r) => (r.id === String(id) ? { ...r, active: "no" } : r))));
    expect(h.texts(refused)[0]).toBe(
      [ru("csv-report-rejected", { count: 1 }), ru("csv-line-problem", { line: 2, column: "active", problem: ru("csv-problem-has-bookings", { count: 1 }) })].join("\n"),
    );
    expect((await h.db.selectFrom("specialists").select("active").where("id", "=", id).executeTakeFirstOrThrow()).active).toBe(1);
  });

  it("rejects overlapping hours, a bad day-off list and an unknown center, with their columns", async () => {
    const header = (await exportKind(admin, "specialists"))[0]!;
    const row = { id: "", center_id: "nowhere-1", service: "career", display_name: "Ерлан", slot_minutes: "45", online: "no", active: "yes", mon: "10:00-14:00 13:00-15:00", overrides: "2026-12-16 sometimes" };
    await startImport(admin, "specialists");
    const batch = await admin.sendDocument("specialists.csv", csvOf(header, [row]));
    expect(h.texts(batch)[0]).toBe(
      [
        ru("csv-report-rejected", { count: 2 }),
        ru("csv-line-problem", { line: 2, column: "mon", problem: ru("csv-problem-hours-overlap") }),
        ru("csv-line-problem", { line: 2, column: "overrides", problem: ru("csv-problem-overrides") }),
      ].join("\n"),
    );
    expect(await h.db.selectFrom("specialists").selectAll().execute()).toEqual([]);
  });
});

describe("importing events", () => {
  it("creates an event and changes another's capacity; refuses a start in the past and a capacity below the sign-ups", async () => {
    const id = await itEvening();
    for (let user = 1; user <= 3; user++) {
      await registerUser(h.db, user);
      await h.db.insertInto("event_signups").values({ event_id: id, user_id: user, status: "confirmed", created_at: "2026-11-02T00:00:00.000Z", updated_at: "2026-11-02T00:00:00.000Z" }).execute();
    }
    const rows = await exportKind(admin, "events");
    const existing = records(rows)[0]!;
    expect(existing).toMatchObject({ id: String(id), starts: "2026-12-10 18:00", ends: "2026-12-10 20:00", capacity: "20", district: "" });

    const tooSmall = { ...existing, capacity: "2" };
    const past = { ...existing, id: "", title_ru: "Вчера", starts: "2026-12-01 18:00", ends: "2026-12-01 19:00" };
    await startImport(admin, "events");
    const rejected = await admin.sendDocument("events.csv", csvOf(rows[0]!, [tooSmall, past]));
    expect(h.texts(rejected)[0]).toBe(
      [
        ru("csv-report-rejected", { count: 2 }),
        ru("csv-line-problem", { line: 2, column: "capacity", problem: ru("csv-problem-capacity-below-taken", { taken: 3 }) }),
        ru("csv-line-problem", { line: 3, column: "starts", problem: ru("csv-problem-past") }),
      ].join("\n"),
    );

    const bigger = { ...existing, capacity: "30" };
    const festival = { ...existing, id: "", category: "festival", center_id: "", district: "medeu", venue_ru: "Парк 28 панфиловцев", venue_kk: "28 панфиловшылар саябағы", title_ru: "Зимний фестиваль", title_kk: "Қысқы фестиваль", starts: "2026-12-20 12:00", ends: "2026-12-20 17:00", capacity: "" };
    await admin.sendDocument("events.csv", csvOf(rows[0]!, [bigger, festival]));
    await admin.click(ru("csv-button-apply"));
    expect(await h.db.selectFrom("events").select(["capacity"]).where("id", "=", id).executeTakeFirstOrThrow()).toEqual({ capacity: 30 });
    expect(await h.db.selectFrom("events").selectAll().where("title_ru", "=", "Зимний фестиваль").executeTakeFirstOrThrow()).toMatchObject({
      category: "festival",
      center_id: null,
      district: "medeu",
      capacity: null,
      starts_at: "2026-12-20T07:00:00.000Z",
      ends_at: "2026-12-20T12:00:00.000Z",
      status: "scheduled",
    });
    expect((await h.db.selectFrom("audit_log").select("action").orderBy("id").execute()).map((a) => a.action)).toEqual(["event.update", "event.create"]);
  });

  it("tells the people signed up once when a file moves their event, as an edit in the bot does", async () => {
    const id = await itEvening();
    await registerUser(h.db, 1);
    await h.db.insertInto("event_signups").values({ event_id: id, user_id: 1, status: "confirmed", created_at: "2026-11-02T00:00:00.000Z", updated_at: "2026-11-02T00:00:00.000Z" }).execute();
    const rows = await exportKind(admin, "events");
    await startImport(admin, "events");
    await admin.sendDocument("events.csv", csvOf(rows[0]!, [{ ...records(rows)[0]!, starts: "2026-12-11 18:00", ends: "2026-12-11 20:00" }]));
    await admin.click(ru("csv-button-apply"));
    const notices = await h.db.selectFrom("outbox").select(["recipient_id", "kind"]).where("kind", "=", "event_changed").execute();
    expect(notices).toEqual([{ recipient_id: 1, kind: "event_changed" }]);
    expect(await h.db.selectFrom("events").select("starts_at").where("id", "=", id).executeTakeFirstOrThrow()).toEqual({ starts_at: "2026-12-11T13:00:00.000Z" });
  });
});
