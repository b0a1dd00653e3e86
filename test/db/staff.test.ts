import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countRecentNoShows, loadAgendas } from "../../src/db/bookings.js";
import { createPartner, setPartnerActive } from "../../src/db/cards.js";
import type { Db } from "../../src/db/database.js";
import type { Partner, Specialist } from "../../src/db/schema.js";
import {
  blockTime,
  createInvite,
  listUnlinkedSpecialists,
  listUpcomingBlockedTimes,
  markAttendance,
  redeemInvite,
  specialistAgenda,
  unblockTime,
  type AttendanceChange,
} from "../../src/db/staff.js";
import { openSlots } from "../../src/domain/booking-rules.js";
import { INVITE_TTL_HOURS, inviteStartPayload } from "../../src/domain/staff.js";
import { insertBooking, insertCenter, insertSpecialist } from "../support/fixtures.js";
import { createTestDb } from "../support/harness.js";
import { insertTeaTalkSession } from "../support/teatalk.js";
import { registerUser } from "../support/users.js";

// Monday 23 November 2026, 09:00 in Almaty (UTC+5).
const NOW = new Date("2026-11-23T04:00:00Z");
const HOUR_MS = 3_600_000;
const ADMIN = 900;

let store: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let psychologist: Specialist;
let lawyer: Specialist;

beforeEach(async () => {
  store = await createTestDb();
  db = store.db;
  await insertCenter(db, { id: "almaly-1" });
  psychologist = await insertSpecialist(db, { centerId: "almaly-1", service: "psychologist", slotMinutes: 60, hours: [{ start: "09:00", end: "18:00" }] });
  lawyer = await insertSpecialist(db, { centerId: "almaly-1", service: "lawyer", slotMinutes: 60, hours: [{ start: "09:00", end: "18:00" }] });
});
afterEach(async () => {
  await store.cleanup();
});

const inviteRow = (token: string) => db.selectFrom("staff_invites").selectAll().where("token", "=", token).executeTakeFirstOrThrow();
const inviteFor = (specialist: Specialist) => createInvite(db, { target: { kind: "specialist", specialistId: specialist.id }, createdBy: ADMIN }, NOW);
const specialistInvite = (token: string) => ({ kind: "specialist" as const, token });
const linked = (specialist: Specialist, alreadyYours: boolean) => ({
  kind: "linked",
  target: { kind: "specialist", specialistId: specialist.id },
  alreadyYours,
});
const telegramIdOf = async (id: number) =>
  (await db.selectFrom("specialists").select("telegram_id").where("id", "=", id).executeTakeFirstOrThrow()).telegram_id;

describe("staff invites", () => {
  it("are random, URL-safe, fit a deep link, and expire after the TTL", async () => {
    const a = await inviteFor(psychologist);
    const b = await inviteFor(psychologist);
    expect(a.token).not.toBe(b.token);
    for (const { token } of [a, b]) {
      expect(inviteStartPayload("specialist", token)).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    }
    expect(a.expiresAt).toBe(new Date(NOW.getTime() + INVITE_TTL_HOURS * HOUR_MS).toISOString());
    expect(await inviteRow(a.token)).toMatchObject({ specialist_id: psychologist.id, created_by: ADMIN, used_at: null, used_by: null });
  });

  it("link the account once and record who used the invite and when", async () => {
    const { token } = await inviteFor(psychologist);
    const at = new Date(NOW.getTime() + HOUR_MS);
    expect(await redeemInvite(db, specialistInvite(token), 7001, at)).toEqual(linked(psychologist, false));
    expect(await telegramIdOf(psychologist.id)).toBe(7001);
    expect(await inviteRow(token)).toMatchObject({ used_at: at.toISOString(), used_by: 7001 });
    expect((await listUnlinkedSpecialists(db)).map((s) => s.id)).toEqual([lawyer.id]);

    // The same person opening it again is told they are linked; anyone else is refused.
    expect(await redeemInvite(db, specialistInvite(token), 7001, at)).toEqual(linked(psychologist, true));
    expect(await redeemInvite(db, specialistInvite(token), 7002, at)).toEqual({ kind: "used" });
    expect(await telegramIdOf(psychologist.id)).toBe(7001);

    // A second invite for the same specialist, opened by the linked account, is just used up.
    const spare = await inviteFor(psychologist);
    expect(await redeemInvite(db, specialistInvite(spare.token), 7001, at)).toEqual(linked(psychologist, true));
    expect(await redeemInvite(db, specialistInvite(spare.token), 7002, at)).toEqual({ kind: "used" });
  });

  it("lead nowhere once their specialist is deactivated, not even for the account they linked", async () => {
    const { token } = await inviteFor(psychologist);
    const spare = await inviteFor(psychologist);
    expect(await redeemInvite(db, specialistInvite(token), 7001, NOW)).toMatchObject({ kind: "linked" });
    await db.updateTable("specialists").set({ active: 0 }).where("id", "=", psychologist.id).execute();

    expect(await redeemInvite(db, specialistInvite(token), 7001, NOW)).toEqual({ kind: "unknown" });
    expect(await redeemInvite(db, specialistInvite(spare.token), 7001, NOW)).toEqual({ kind: "unknown" });
    expect(await redeemInvite(db, specialistInvite(spare.token), 7002, NOW)).toEqual({ kind: "unknown" });
    expect(await inviteRow(spare.token)).toMatchObject({ used_at: null, used_by: null });
  });

  it("refuse an unknown or expired token and change nothing", async () => {
    const { token, expiresAt } = await inviteFor(psychologist);
    expect(await redeemInvite(db, specialistInvite("no-such-token"), 7001, NOW)).toEqual({ kind: "unknown" });
    expect(await redeemInvite(db, specialistInvite(token), 7001, new Date(expiresAt))).toEqual({ kind: "expired" });
    expect(await telegramIdOf(psychologist.id)).toBeNull();
    expect(await inviteRow(token)).toMatchObject({ used_at: null, used_by: null });
  });

  it("used twice at the same moment link exactly one account", async () => {
    const { token } = await inviteFor(psychologist);
    const results = await Promise.all([7001, 7002, 7003].map((id) => redeemInvite(db, specialistInvite(token), id, NOW)));
    const winners = results.filter((r) => r.kind === "linked");
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.kind !== "linked")).toEqual([
      { kind: "used" },
      { kind: "used" },
    ]);
    const linked = await telegramIdOf(psychologist.id);
    expect([7001, 7002, 7003]).toContain(linked);
    expect((await inviteRow(token)).used_by).toBe(linked);
  });

  it("two invites of one specialist opened at once link one account; the other invite stays unused", async () => {
    const first = await inviteFor(psychologist);
    const second = await inviteFor(psychologist);
    const [a, b] = await Promise.all([
      redeemInvite(db, specialistInvite(first.token), 7001, NOW),
      redeemInvite(db, specialistInvite(second.token), 7002, NOW),
    ]);
    expect([a, b].filter((r) => r.kind === "linked")).toHaveLength(1);
    expect([a, b].filter((r) => r.kind !== "linked")).toEqual([{ kind: "specialist-linked" }]);
    const loser = a.kind === "linked" ? second.token : first.token;
    expect(await inviteRow(loser)).toMatchObject({ used_at: null, used_by: null });
  });

  it("do not link an account that already belongs to another specialist", async () => {
    const forPsychologist = await inviteFor(psychologist);
    const forLawyer = await inviteFor(lawyer);
    expect((await redeemInvite(db, specialistInvite(forPsychologist.token), 7001, NOW)).kind).toBe("linked");
    expect(await redeemInvite(db, specialistInvite(forLawyer.token), 7001, NOW)).toEqual({ kind: "account-linked" });
    expect(await telegramIdOf(lawyer.id)).toBeNull();
    expect(await inviteRow(forLawyer.token)).toMatchObject({ used_at: null });
  });
});

describe("host invites", () => {
  const host = { kind: "host" as const, hostName: "Айгерім", centerId: "almaly-1" };
  const hostInvite = (token: string) => ({ kind: "host" as const, token });
  const hostsOf = async () =>
    (await db.selectFrom("events").select("host_telegram_id").orderBy("id").execute()).map((r) => r.host_telegram_id);

  beforeEach(async () => {
    await insertTeaTalkSession(db, { centerId: "almaly-1", startsAt: "2026-11-24T13:00:00Z", hostName: "Айгерім" });
    await insertTeaTalkSession(db, { centerId: "almaly-1", startsAt: "2026-11-25T13:00:00Z", hostName: "Айгерім" });
  });

  it("are stored with their host and center, and link only as the kind of link they were given as", async () => {
    const { token } = await createInvite(db, { target: host, createdBy: ADMIN }, NOW);
    expect(await inviteRow(token)).toMatchObject({ kind: "host", specialist_id: null, host_name: "Айгерім", center_id: "almaly-1" });
    expect(inviteStartPayload("host", token)).toMatch(/^host_[A-Za-z0-9_-]{1,59}$/);
    expect(await redeemInvite(db, specialistInvite(token), 7300, NOW)).toEqual({ kind: "unknown" });
    expect(await redeemInvite(db, hostInvite(token), 7300, NOW)).toEqual({ kind: "linked", target: host, alreadyYours: false });
    expect(await hostsOf()).toEqual([7300, 7300]);
  });

  it("opened by two accounts at the same moment make exactly one of them the host", async () => {
    const first = await createInvite(db, { target: host, createdBy: ADMIN }, NOW);
    const second = await createInvite(db, { target: host, createdBy: ADMIN }, NOW);
    const results = await Promise.all([
      redeemInvite(db, hostInvite(first.token), 7300, NOW),
      redeemInvite(db, hostInvite(second.token), 7301, NOW),
    ]);
    expect(results.filter((r) => r.kind === "linked")).toHaveLength(1);
    expect(results.filter((r) => r.kind !== "linked")).toEqual([{ kind: "host-linked" }]);
    const winner = results[0].kind === "linked" ? 7300 : 7301;
    expect(await hostsOf()).toEqual([winner, winner]);
    const loser = results[0].kind === "linked" ? second.token : first.token;
    expect(await inviteRow(loser)).toMatchObject({ used_at: null, used_by: null });
  });

  it("a second link for the same host, opened by its host, adds the sessions entered since", async () => {
    const first = await createInvite(db, { target: host, createdBy: ADMIN }, NOW);
    await redeemInvite(db, hostInvite(first.token), 7300, NOW);
    await insertTeaTalkSession(db, { centerId: "almaly-1", startsAt: "2026-11-26T13:00:00Z", hostName: "Айгерім" });
    const second = await createInvite(db, { target: host, createdBy: ADMIN }, NOW);
    expect(await redeemInvite(db, hostInvite(second.token), 7300, NOW)).toEqual({ kind: "linked", target: host, alreadyYours: false });
    expect(await hostsOf()).toEqual([7300, 7300, 7300]);
    const third = await createInvite(db, { target: host, createdBy: ADMIN }, NOW);
    expect(await redeemInvite(db, hostInvite(third.token), 7300, NOW)).toEqual({ kind: "linked", target: host, alreadyYours: true });
  });
});

describe("partner invites", () => {
  const partnerInvite = (token: string) => ({ kind: "partner" as const, token });
  const accountsOf = () => db.selectFrom("partner_accounts").select(["telegram_id", "partner_id"]).orderBy("telegram_id").execute();
  let sport: Partner;
  let culture: Partner;

  beforeEach(async () => {
    sport = await createPartner(db, { name: "Спорт", category: "sport", benefitKk: null, benefitRu: null }, NOW);
    culture = await createPartner(db, { name: "Театр", category: "culture", benefitKk: null, benefitRu: null }, NOW);
  });
  const inviteForPartner = (partner: Partner) => createInvite(db, { target: { kind: "partner", partnerId: partner.id }, createdBy: ADMIN }, NOW);

  it("are stored with their partner and make the account that opens one check cards for it, once", async () => {
    const { token } = await inviteForPartner(sport);
    expect(await inviteRow(token)).toMatchObject({ kind: "partner", partner_id: sport.id, specialist_id: null, host_name: null });
    expect(await redeemInvite(db, specialistInvite(token), 7400, NOW)).toEqual({ kind: "unknown" });
    const target = { kind: "partner", partnerId: sport.id };
    expect(await redeemInvite(db, partnerInvite(token), 7400, NOW)).toEqual({ kind: "linked", target, alreadyYours: false });
    expect(await redeemInvite(db, partnerInvite(token), 7400, NOW)).toEqual({ kind: "linked", target, alreadyYours: true });
    expect(await redeemInvite(db, partnerInvite(token), 7401, NOW)).toEqual({ kind: "used" });
    expect(await accountsOf()).toEqual([{ telegram_id: 7400, partner_id: sport.id }]);
  });

  it("of another partner move the account there; the old link is then no longer its own", async () => {
    const first = await inviteForPartner(sport);
    await redeemInvite(db, partnerInvite(first.token), 7400, NOW);
    const second = await inviteForPartner(culture);
    expect(await redeemInvite(db, partnerInvite(second.token), 7400, NOW)).toMatchObject({ kind: "linked", alreadyYours: false });
    expect(await accountsOf()).toEqual([{ telegram_id: 7400, partner_id: culture.id }]);
    expect(await redeemInvite(db, partnerInvite(first.token), 7400, NOW)).toEqual({ kind: "used" });
  });

  it("lead nowhere once the partnership has ended, and expire like the others", async () => {
    const spare = await inviteForPartner(sport);
    const expiring = await inviteForPartner(culture);
    await setPartnerActive(db, { partnerId: sport.id, active: false, actorId: 1 }, NOW);
    expect(await redeemInvite(db, partnerInvite(spare.token), 7400, NOW)).toEqual({ kind: "unknown" });
    expect(await redeemInvite(db, partnerInvite(expiring.token), 7400, new Date(expiring.expiresAt))).toEqual({ kind: "expired" });
    expect(await accountsOf()).toEqual([]);
    expect(await inviteRow(spare.token)).toMatchObject({ used_at: null, used_by: null });
  });
});

describe("agenda and attendance marks", () => {
  const at = (iso: string) => new Date(iso);

  it("an agenda holds only its own specialist's bookings", async () => {
    await registerUser(db, 501, { name: "Айгерим" });
    await registerUser(db, 502, { name: "Тимур" });
    const own = await insertBooking(db, { specialist: psychologist, userId: 501, startsAt: "2026-11-23T05:00:00Z", endsAt: "2026-11-23T06:00:00Z", topic: "тревога" });
    await insertBooking(db, { specialist: lawyer, userId: 502, startsAt: "2026-11-23T05:00:00Z", endsAt: "2026-11-23T06:00:00Z", topic: "договор аренды" });
    const agenda = await specialistAgenda(db, psychologist.id, at("2026-11-22T19:00:00Z"), at("2026-11-23T19:00:00Z"));
    expect(agenda.map((e) => [e.id, e.person_name, e.topic])).toEqual([[own, "Айгерим", "тревога"]]);
    const other = await specialistAgenda(db, lawyer.id, at("2026-11-22T19:00:00Z"), at("2026-11-23T19:00:00Z"));
    expect(other.map((e) => e.topic)).toEqual(["договор аренды"]);
  });

  it("marks a started consultation, only by its specialist; corrects it for 24 hours, then never", async () => {
    await registerUser(db, 501);
    const started = await insertBooking(db, { specialist: psychologist, userId: 501, startsAt: "2026-11-23T04:00:00Z", endsAt: "2026-11-23T05:00:00Z" });
    const later = await insertBooking(db, { specialist: psychologist, userId: 501, startsAt: "2026-11-23T08:00:00Z", endsAt: "2026-11-23T09:00:00Z" });
    const row = (id: number) => db.selectFrom("bookings").select(["status", "marked_at"]).where("id", "=", id).executeTakeFirstOrThrow();
    const mark = (bookingId: number, change: AttendanceChange, at = NOW, specialistId = psychologist.id) =>
      markAttendance(db, { bookingId, specialistId, change }, at);

    expect(await mark(started, "no_show", NOW, lawyer.id)).toEqual({ kind: "not-found" });
    expect(await mark(later, "attended")).toEqual({ kind: "not-started" });
    expect(await mark(started, "unmark")).toEqual({ kind: "not-marked" });
    const first = await mark(started, "no_show");
    expect(first).toMatchObject({ kind: "marked", booking: { id: started, status: "no_show" }, markedAt: NOW.toISOString() });
    expect(await mark(started, "no_show")).toEqual({ kind: "already-marked", status: "no_show" });

    const soon = new Date(NOW.getTime() + 3_600_000);
    expect(await mark(started, "attended", soon)).toMatchObject({ kind: "marked", booking: { status: "attended" } });
    expect(await row(started)).toEqual({ status: "attended", marked_at: soon.toISOString() });

    // 24 hours after the last change the mark is final.
    const final = new Date(soon.getTime() + 24 * 3_600_000);
    expect(await mark(started, "no_show", final)).toEqual({ kind: "final", status: "attended" });
    expect(await mark(started, "unmark", final)).toEqual({ kind: "final", status: "attended" });
    expect([await row(started), (await row(later)).status]).toEqual([{ status: "attended", marked_at: soon.toISOString() }, "confirmed"]);
  });

  it("counts a no-show toward the limit only once its mark is final", async () => {
    await registerUser(db, 501);
    const missed = await insertBooking(db, { specialist: psychologist, userId: 501, startsAt: "2026-11-23T04:00:00Z", endsAt: "2026-11-23T05:00:00Z" });
    const rules = { noShowWindowDays: 90 };
    await markAttendance(db, { bookingId: missed, specialistId: psychologist.id, change: "no_show" }, NOW);
    expect(await countRecentNoShows(db, 501, NOW, rules)).toBe(0);
    expect(await countRecentNoShows(db, 501, new Date(NOW.getTime() + 24 * 3_600_000 - 1), rules)).toBe(0);
    expect(await countRecentNoShows(db, 501, new Date(NOW.getTime() + 24 * 3_600_000), rules)).toBe(1);
  });
});

describe("blocked times", () => {
  it("count the confirmed bookings inside, leave them booked, and close the time to new bookings", async () => {
    await registerUser(db, 501);
    // Tuesday 24 November, 10:00–11:00 Almaty.
    const booked = await insertBooking(db, { specialist: psychologist, userId: 501, startsAt: "2026-11-24T05:00:00Z", endsAt: "2026-11-24T06:00:00Z" });
    const start = new Date("2026-11-24T04:00:00Z");
    const end = new Date("2026-11-24T07:00:00Z");
    const openBefore = openSlots((await loadAgendas(db, [psychologist], NOW))[0]!, NOW).map((s) => s.start.toISOString());
    expect(openBefore).toContain("2026-11-24T06:00:00.000Z");

    const block = await blockTime(db, { specialistId: psychologist.id, start, end }, NOW);
    if (block.kind !== "blocked") throw new Error(`not blocked: ${block.kind}`);
    expect(block.confirmedInside).toBe(1);
    // Blocking the same time again, as a replayed flow does, finds the same block.
    expect(await blockTime(db, { specialistId: psychologist.id, start, end }, NOW)).toEqual(block);
    expect(await db.selectFrom("blocked_times").select("id").execute()).toEqual([{ id: block.id }]);
    expect((await db.selectFrom("bookings").select("status").where("id", "=", booked).executeTakeFirstOrThrow()).status).toBe("confirmed");

    // The booking side reads blocked times as busy: 09:00–12:00 on Tuesday is no longer offered.
    const openAfter = openSlots((await loadAgendas(db, [psychologist], NOW))[0]!, NOW).map((s) => s.start.toISOString());
    expect(openBefore.filter((s) => !openAfter.includes(s))).toEqual(["2026-11-24T04:00:00.000Z", "2026-11-24T06:00:00.000Z"]);

    expect(await listUpcomingBlockedTimes(db, psychologist.id, NOW, 10)).toEqual([{ id: block.id, starts_at: start.toISOString(), ends_at: end.toISOString() }]);
    expect(await unblockTime(db, block.id, lawyer.id)).toEqual({ kind: "not-found" });
    expect(await unblockTime(db, block.id, psychologist.id)).toMatchObject({ kind: "unblocked", block: { id: block.id } });
    expect(await listUpcomingBlockedTimes(db, psychologist.id, NOW, 10)).toEqual([]);
  });

  it("blocks nothing for a deactivated specialist", async () => {
    await db.updateTable("specialists").set({ active: 0 }).where("id", "=", psychologist.id).execute();
    const block = { specialistId: psychologist.id, start: new Date("2026-11-24T04:00:00Z"), end: new Date("2026-11-24T07:00:00Z") };
    expect(await blockTime(db, block, NOW)).toEqual({ kind: "not-active" });
    expect(await db.selectFrom("blocked_times").select("id").execute()).toEqual([]);
  });
});
