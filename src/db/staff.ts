import { randomBytes } from "node:crypto";
import type { AttendanceMark } from "../domain/attendance.js";
import type { BookingMode, ServiceCode } from "../domain/services.js";
import { correctableMarksSince, INVITE_TOKEN_BYTES, INVITE_TTL_HOURS, type InviteKind } from "../domain/staff.js";
import { grantCenterAdmin } from "./admins.js";
import { inTransaction, recordAudit } from "./audit.js";
import { linkPartnerAccount } from "./cards.js";
import type { Db } from "./database.js";
import { roleSubject } from "./roles.js";
import type { BookingStatus, Instant, Specialist } from "./schema.js";
import { linkNamedHost, type NamedHost } from "./organisers.js";

/** A specialist together with the names of their center, as staff screens show them. */
export interface StaffMember extends Specialist {
  center_name_kk: string;
  center_name_ru: string;
}

/**
 * Active specialists only: a deactivated one is, for every staff screen, invite and notice, no
 * longer staff at all.
 */
function activeSpecialistsWithCenter(db: Db) {
  return db
    .selectFrom("specialists")
    .innerJoin("centers", "centers.id", "specialists.center_id")
    .selectAll("specialists")
    .select(["centers.name_kk as center_name_kk", "centers.name_ru as center_name_ru"])
    .where("specialists.active", "=", 1);
}

/** The active specialist a Telegram account is linked to, if any. */
export async function findStaffMember(db: Db, telegramId: number): Promise<StaffMember | undefined> {
  return activeSpecialistsWithCenter(db).where("specialists.telegram_id", "=", telegramId).executeTakeFirst();
}

export async function findStaffMemberById(db: Db, specialistId: number): Promise<StaffMember | undefined> {
  return activeSpecialistsWithCenter(db).where("specialists.id", "=", specialistId).executeTakeFirst();
}

/** Active specialists no Telegram account is linked to yet, ordered by center and service. */
export async function listUnlinkedSpecialists(db: Db): Promise<StaffMember[]> {
  return activeSpecialistsWithCenter(db)
    .where("specialists.telegram_id", "is", null)
    .orderBy("centers.district")
    .orderBy("centers.id")
    .orderBy("specialists.service")
    .orderBy("specialists.id")
    .execute();
}

/** The specialists a Telegram account is linked to, active or deactivated. */
export function specialistsLinkedTo(db: Db, telegramId: number) {
  return db.selectFrom("specialists").select("id").where("telegram_id", "=", telegramId);
}

/** Every Telegram account linked to a specialist, active or deactivated. */
export async function linkedStaffAccounts(db: Db): Promise<number[]> {
  const rows = await db.selectFrom("specialists").select("telegram_id").where("telegram_id", "is not", null).execute();
  return rows.map((r) => r.telegram_id!);
}

// ---------------------------------------------------------------------------------------------
// Invites

export interface CreatedInvite {
  token: string;
  expiresAt: Instant;
}

/**
 * Whom an invite links: a specialist, a tea-talk host known by name at a center, a card partner,
 * a team's coordinator, or an administrator of a center.
 */
export type InviteTarget =
  | { kind: "specialist"; specialistId: number }
  | ({ kind: "host" } & NamedHost)
  | { kind: "partner"; partnerId: number }
  | { kind: "coordinator"; teamId: number }
  | { kind: "center-admin"; centerId: string };

/** The invite columns that name a target. */
interface TargetColumns {
  specialist_id: number | null;
  host_name: string | null;
  center_id: string | null;
  partner_id: number | null;
  team_id: number | null;
}

/** The columns a target fills; the others stay null (and an older table need not have them). */
function columnsOf(target: InviteTarget): Partial<TargetColumns> {
  switch (target.kind) {
    case "specialist":
      return { specialist_id: target.specialistId };
    case "host":
      return { host_name: target.hostName, center_id: target.centerId };
    case "partner":
      return { partner_id: target.partnerId };
    case "coordinator":
      return { team_id: target.teamId };
    case "center-admin":
      return { center_id: target.centerId };
  }
}

/** The columns that name an invite's target, as one value. */
function targetOf(kind: InviteKind, row: TargetColumns): InviteTarget {
  switch (kind) {
    case "specialist":
      return { kind, specialistId: row.specialist_id! };
    case "host":
      return { kind, hostName: row.host_name!, centerId: row.center_id! };
    case "partner":
      return { kind, partnerId: row.partner_id! };
    case "coordinator":
      return { kind, teamId: row.team_id! };
    case "center-admin":
      return { kind, centerId: row.center_id! };
  }
}

/**
 * A one-time invite, valid for `INVITE_TTL_HOURS` from `now`, recorded in the audit log with it
 * (the token itself is not: it is the key to the role). A specialist's center is looked up so
 * that its administrators see the invite in their part of the log.
 */
export async function createInvite(db: Db, invite: { target: InviteTarget; createdBy: number }, now: Date): Promise<CreatedInvite> {
  const token = randomBytes(INVITE_TOKEN_BYTES).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITE_TTL_HOURS * 3_600_000).toISOString();
  const { target } = invite;
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto("staff_invites")
      .values({
        token,
        kind: target.kind,
        ...columnsOf(target),
        created_by: invite.createdBy,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        used_at: null,
        used_by: null,
      })
      .execute();
    const { subject, centerId } = await auditedTarget(trx, target);
    await recordAudit(trx, { actorId: invite.createdBy, action: "invite.create", subject, centerId, after: { role: target.kind, expires_at: expiresAt } }, now);
  });
  return { token, expiresAt };
}

/**
 * The target's subject in the audit log, with the center it belongs to (a specialist's own). A host
 * is named by their center alone: the log keeps no one's name.
 */
async function auditedTarget(db: Db, target: InviteTarget): Promise<{ subject: string; centerId: string | null }> {
  switch (target.kind) {
    case "specialist": {
      const specialist = await db.selectFrom("specialists").select("center_id").where("id", "=", target.specialistId).executeTakeFirst();
      return { subject: roleSubject({ role: target.kind, target: String(target.specialistId) }), centerId: specialist?.center_id ?? null };
    }
    case "host":
    case "center-admin":
      return { subject: roleSubject({ role: target.kind, target: target.centerId }), centerId: target.centerId };
    case "partner":
      return { subject: roleSubject({ role: target.kind, target: String(target.partnerId) }), centerId: null };
    case "coordinator":
      return { subject: roleSubject({ role: target.kind, target: String(target.teamId) }), centerId: null };
  }
}

/** Why an invite did not link: each has its own message. */
export type InviteRefusal =
  | "unknown" // no such token
  | "used" // someone already opened it
  | "expired"
  | "specialist-linked" // the specialist has an account linked through another invite
  | "account-linked" // this Telegram account already belongs to another specialist
  | "host-linked" // another account hosts the host's sessions
  | "team-linked" // another account coordinates the team
  | "no-sessions"; // the host has no session ahead any more

export type InviteRedemption = { kind: "linked"; target: InviteTarget; alreadyYours: boolean } | { kind: InviteRefusal };

/** Thrown inside the transaction to roll it back; never leaves this module. */
class Refused extends Error {
  constructor(readonly reason: InviteRefusal) {
    super(reason);
  }
}

/**
 * Links a Telegram account to the invite's specialist, makes it the host of the invite's host's
 * sessions, or gives it the invite's other role, and marks the invite used; or changes nothing.
 * A role given is recorded in the audit log, the person as its actor. The link's kind must be the
 * invite's. The transaction starts by claiming the invite with a conditional update (a write
 * first, so it never works from a stale read), and the link is conditional too: the same link
 * used twice — even at the same moment — links exactly once. Opening one's own used link again
 * is not an error (`alreadyYours`).
 */
export async function redeemInvite(
  db: Db,
  invite: { kind: InviteKind; token: string },
  telegramId: number,
  now: Date,
): Promise<InviteRedemption> {
  const at = now.toISOString();
  try {
    return await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable("staff_invites")
        .set({ used_at: at, used_by: telegramId })
        .where("token", "=", invite.token)
        .where("kind", "=", invite.kind)
        .where("used_at", "is", null)
        .where("expires_at", ">", at)
        .where((eb) =>
          eb.or([
            eb("kind", "in", ["host", "center-admin"]),
            eb("specialist_id", "in", eb.selectFrom("specialists").select("id").where("active", "=", 1)),
            eb("partner_id", "in", eb.selectFrom("partners").select("id").where("active", "=", 1)),
            eb("team_id", "in", eb.selectFrom("teams").select("id").where("active", "=", 1)),
          ]),
        )
        .returning(["specialist_id", "host_name", "center_id", "partner_id", "team_id", "created_by"])
        .executeTakeFirst();
      // Nothing was changed, so there is nothing to roll back.
      if (!claimed) return unusable(trx, invite, telegramId, at);
      const target = targetOf(invite.kind, claimed);
      const alreadyYours = await link(trx, target, { telegramId, grantedBy: claimed.created_by }, now);
      if (!alreadyYours) {
        const { subject, centerId } = await auditedTarget(trx, target);
        await recordAudit(trx, { actorId: telegramId, action: "role.grant", subject: `user:${telegramId}`, centerId, after: { role: target.kind, target: subject } }, now);
      }
      return { kind: "linked" as const, target, alreadyYours };
    });
  } catch (err) {
    if (err instanceof Refused) return { kind: err.reason };
    throw err;
  }
}

/** Gives the account the invite's role; true when it had it already. */
function link(trx: Db, target: InviteTarget, account: { telegramId: number; grantedBy: number }, now: Date): Promise<boolean> {
  const { telegramId } = account;
  switch (target.kind) {
    case "specialist":
      return linkSpecialist(trx, target.specialistId, telegramId);
    case "host":
      return linkHost(trx, target, telegramId, now);
    case "partner":
      return linkPartnerAccount(trx, target.partnerId, telegramId, now);
    case "coordinator":
      return linkCoordinator(trx, target.teamId, telegramId);
    case "center-admin":
      return grantCenterAdmin(trx, { ...account, centerId: target.centerId }, now);
  }
}

/** Makes the account the team's coordinator; true when it was already. */
async function linkCoordinator(trx: Db, teamId: number, telegramId: number): Promise<boolean> {
  const team = await trx.selectFrom("teams").select("coordinator_id").where("id", "=", teamId).executeTakeFirst();
  if (team?.coordinator_id === telegramId) return true;
  const linked = await trx
    .updateTable("teams")
    .set({ coordinator_id: telegramId })
    .where("id", "=", teamId)
    .where("coordinator_id", "is", null)
    .executeTakeFirst();
  if (linked.numUpdatedRows === 0n) throw new Refused("team-linked");
  return false;
}

/** Links the account to the specialist; true when it was theirs already. A second invite for them is simply used up. */
async function linkSpecialist(trx: Db, specialistId: number, telegramId: number): Promise<boolean> {
  const current = await trx.selectFrom("specialists").select("id").where("telegram_id", "=", telegramId).executeTakeFirst();
  if (current?.id === specialistId) return true;
  if (current) throw new Refused("account-linked");
  const linked = await trx
    .updateTable("specialists")
    .set({ telegram_id: telegramId })
    .where("id", "=", specialistId)
    .where("telegram_id", "is", null)
    .executeTakeFirst();
  if (linked.numUpdatedRows === 0n) throw new Refused("specialist-linked");
  return false;
}

/** Makes the account the host's; true when every session ahead was theirs already. */
async function linkHost(trx: Db, host: NamedHost, telegramId: number, now: Date): Promise<boolean> {
  const linking = await linkNamedHost(trx, host, telegramId, now);
  if (linking.kind === "taken") throw new Refused("host-linked");
  if (linking.kind === "no-sessions") throw new Refused("no-sessions");
  return linking.kind === "already";
}

/** Why an invite could not be claimed; not an error when it linked this very account before. */
async function unusable(db: Db, invite: { kind: InviteKind; token: string }, telegramId: number, at: Instant): Promise<InviteRedemption> {
  const row = await db
    .selectFrom("staff_invites")
    .leftJoin("specialists", "specialists.id", "staff_invites.specialist_id")
    .leftJoin("partners", "partners.id", "staff_invites.partner_id")
    .leftJoin("partner_accounts", "partner_accounts.telegram_id", "staff_invites.used_by")
    .leftJoin("teams", "teams.id", "staff_invites.team_id")
    .leftJoin("center_admins", (join) =>
      join
        .onRef("center_admins.telegram_id", "=", "staff_invites.used_by")
        .onRef("center_admins.center_id", "=", "staff_invites.center_id")
        .on("center_admins.revoked_at", "is", null),
    )
    .select([
      "staff_invites.specialist_id",
      "staff_invites.host_name",
      "staff_invites.center_id",
      "staff_invites.partner_id",
      "partners.active as partner_active",
      "partner_accounts.partner_id as used_by_partner_id",
      "staff_invites.team_id",
      "teams.coordinator_id",
      "teams.active as team_active",
      "center_admins.id as center_admin_id",
      "staff_invites.used_at",
      "staff_invites.used_by",
      "staff_invites.expires_at",
      "specialists.telegram_id",
      "specialists.active",
    ])
    .where("staff_invites.token", "=", invite.token)
    .where("staff_invites.kind", "=", invite.kind)
    .executeTakeFirst();
  // The invite of a specialist who has left, of a partnership that ended or of a team wound up
  // leads nowhere any more.
  const gone =
    (invite.kind === "specialist" && !row?.active) ||
    (invite.kind === "partner" && !row?.partner_active) ||
    (invite.kind === "coordinator" && !row?.team_active);
  if (!row || gone) return { kind: "unknown" };
  if (row.used_at === null) return { kind: row.expires_at <= at ? "expired" : "used" };
  // A host's sessions may have changed hands since; whoever opened the link is told it was theirs.
  const stillYours =
    invite.kind === "host" ||
    (invite.kind === "specialist" && row.telegram_id === telegramId) ||
    (invite.kind === "partner" && row.used_by_partner_id === row.partner_id) ||
    (invite.kind === "coordinator" && row.coordinator_id === telegramId) ||
    (invite.kind === "center-admin" && row.center_admin_id !== null);
  if (row.used_by === telegramId && stillYours) return { kind: "linked", target: targetOf(invite.kind, row), alreadyYours: true };
  return { kind: "used" };
}

// ---------------------------------------------------------------------------------------------
// Agenda and marks

/** One consultation as its specialist sees it. */
export interface AgendaEntry {
  id: number;
  starts_at: Instant;
  ends_at: Instant;
  mode: BookingMode;
  service: ServiceCode;
  status: BookingStatus;
  topic: string | null;
  /** The person's name; null after they erased their data (and so are the other person_ fields). */
  person_name: string | null;
  /** The person's Telegram id: how a specialist opens their chat for an online consultation. */
  person_id: number | null;
  person_username: string | null;
  /** Only ever stored when the person shared it themselves, after consenting to its use. */
  person_phone: string | null;
}

/** The columns of an AgendaEntry, for a query over bookings left-joined with their users. */
const AGENDA_COLUMNS = [
  "bookings.id",
  "bookings.starts_at",
  "bookings.ends_at",
  "bookings.mode",
  "bookings.service",
  "bookings.status",
  "bookings.topic",
  "users.name as person_name",
  "users.id as person_id",
  "users.username as person_username",
  "users.phone as person_phone",
] as const;

function agendaQuery(db: Db, specialistId: number) {
  return db
    .selectFrom("bookings")
    .leftJoin("users", "users.id", "bookings.user_id")
    .select(AGENDA_COLUMNS)
    .where("bookings.specialist_id", "=", specialistId)
    .orderBy("bookings.starts_at")
    .orderBy("bookings.id");
}

/**
 * One specialist's consultations starting in [from, to). Only this specialist's bookings, so a
 * sensitive topic reaches no one else. A moved booking shows once, as its replacement.
 */
export async function specialistAgenda(db: Db, specialistId: number, from: Date, to: Date): Promise<AgendaEntry[]> {
  return agendaQuery(db, specialistId)
    .where("bookings.starts_at", ">=", from.toISOString())
    .where("bookings.starts_at", "<", to.toISOString())
    .where("bookings.status", "!=", "rescheduled")
    .execute();
}

/** Confirmed consultations that have started since `since` and wait for "attended" / "no-show". */
export async function bookingsAwaitingMark(
  db: Db,
  specialistId: number,
  since: Date,
  now: Date,
  limit: number,
): Promise<AgendaEntry[]> {
  return agendaQuery(db, specialistId)
    .where("bookings.starts_at", ">=", since.toISOString())
    .where("bookings.starts_at", "<=", now.toISOString())
    .where("bookings.status", "=", "confirmed")
    .limit(limit)
    .execute();
}

/** Consultations the specialist marked recently enough to change or undo the mark. */
export async function correctableMarks(db: Db, specialistId: number, now: Date, limit: number): Promise<AgendaEntry[]> {
  return agendaQuery(db, specialistId)
    .where("bookings.status", "in", ["attended", "no_show"])
    .where("bookings.marked_at", ">", correctableMarksSince(now).toISOString())
    .limit(limit)
    .execute();
}

/** A mark to set, or "unmark": the consultation waits for its mark again. */
export type AttendanceChange = AttendanceMark | "unmark";

export type MarkAttendanceResult =
  | { kind: "marked"; booking: AgendaEntry; markedAt: Instant | null }
  /** Refused for the status the consultation has: that mark already, a mark for good, or no longer booked. */
  | { kind: "already-marked" | "final" | "not-confirmed"; status: BookingStatus }
  | { kind: "not-found" | "not-started" | "not-marked" };

/**
 * Marks a consultation attended or no-show, changes the mark, or takes it back: only its own
 * specialist, only once it has started; a first mark only from "confirmed", a change or an undo
 * only while the mark is correctable (MARK_CORRECTION_HOURS). The update carries every condition,
 * so a repeated press (or two at once) changes nothing.
 */
export async function markAttendance(
  db: Db,
  mark: { bookingId: number; specialistId: number; change: AttendanceChange },
  now: Date,
): Promise<MarkAttendanceResult> {
  const at = now.toISOString();
  const correctable = correctableMarksSince(now).toISOString();
  const otherMarks: AttendanceMark[] = mark.change === "unmark" ? ["attended", "no_show"] : mark.change === "attended" ? ["no_show"] : ["attended"];
  const markedAt = mark.change === "unmark" ? null : at;
  const updated = await db
    .updateTable("bookings")
    .set({ status: mark.change === "unmark" ? "confirmed" : mark.change, marked_at: markedAt, updated_at: at })
    .where("id", "=", mark.bookingId)
    .where("specialist_id", "=", mark.specialistId)
    .where("starts_at", "<=", at)
    .where((eb) =>
      eb.or([
        ...(mark.change === "unmark" ? [] : [eb("status", "=", "confirmed")]),
        eb.and([eb("status", "in", otherMarks), eb("marked_at", ">", correctable)]),
      ]),
    )
    .executeTakeFirst();
  const booking = await agendaQuery(db, mark.specialistId).where("bookings.id", "=", mark.bookingId).executeTakeFirst();
  // Someone else's booking is reported exactly like a missing one: its existence is not shown.
  if (!booking) return { kind: "not-found" };
  if (updated.numUpdatedRows > 0n) return { kind: "marked", booking, markedAt };
  const { status } = booking;
  if (status === "attended" || status === "no_show") {
    return { kind: status === mark.change ? "already-marked" : "final", status };
  }
  if (status !== "confirmed") return { kind: "not-confirmed", status };
  if (new Date(booking.starts_at) > now) return { kind: "not-started" };
  return { kind: "not-marked" };
}

// ---------------------------------------------------------------------------------------------
// Blocked times

export interface BlockedTime {
  id: number;
  starts_at: Instant;
  ends_at: Instant;
}

/** Confirmed consultations of a specialist that overlap [start, end). */
export async function countConfirmedOverlapping(db: Db, specialistId: number, start: Date, end: Date): Promise<number> {
  const row = await db
    .selectFrom("bookings")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("specialist_id", "=", specialistId)
    .where("status", "=", "confirmed")
    .where("starts_at", "<", end.toISOString())
    .where("ends_at", ">", start.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export type BlockResult = { kind: "blocked"; id: number; confirmedInside: number } | { kind: "not-active" };

/**
 * Blocks [start, end) for an active specialist. Bookings already inside stay (the specialist
 * decides what to do with them); returns how many there are, counted with the insert. Blocking
 * the same time again (a flow replayed after the block was stored) finds that block. A
 * specialist deactivated meanwhile blocks nothing.
 */
export async function blockTime(db: Db, block: { specialistId: number; start: Date; end: Date }, now: Date): Promise<BlockResult> {
  const start = block.start.toISOString();
  const end = block.end.toISOString();
  return db.transaction().execute(async (trx): Promise<BlockResult> => {
    if (!(await findStaffMemberById(trx, block.specialistId))) return { kind: "not-active" };
    const stored = await trx
      .selectFrom("blocked_times")
      .select("id")
      .where("specialist_id", "=", block.specialistId)
      .where("starts_at", "=", start)
      .where("ends_at", "=", end)
      .executeTakeFirst();
    const { id } =
      stored ??
      (await trx
        .insertInto("blocked_times")
        .values({ specialist_id: block.specialistId, starts_at: start, ends_at: end, created_at: now.toISOString() })
        .returning("id")
        .executeTakeFirstOrThrow());
    const confirmedInside = await countConfirmedOverlapping(trx, block.specialistId, block.start, block.end);
    return { kind: "blocked", id, confirmedInside };
  });
}

/** A specialist's blocked times that are not over yet, soonest first. */
export async function listUpcomingBlockedTimes(db: Db, specialistId: number, now: Date, limit: number): Promise<BlockedTime[]> {
  return db
    .selectFrom("blocked_times")
    .select(["id", "starts_at", "ends_at"])
    .where("specialist_id", "=", specialistId)
    .where("ends_at", ">", now.toISOString())
    .orderBy("starts_at")
    .limit(limit)
    .execute();
}

export type UnblockResult = { kind: "unblocked"; block: BlockedTime } | { kind: "not-found" };

/** Removes one of the specialist's own blocked times; "not-found" when they have none with that id. */
export async function unblockTime(db: Db, blockId: number, specialistId: number): Promise<UnblockResult> {
  const block = await db
    .deleteFrom("blocked_times")
    .where("id", "=", blockId)
    .where("specialist_id", "=", specialistId)
    .returning(["id", "starts_at", "ends_at"])
    .executeTakeFirst();
  return block ? { kind: "unblocked", block } : { kind: "not-found" };
}

// ---------------------------------------------------------------------------------------------
// Notices to staff

/** What a notice to a specialist about a booking needs, with the account the booking's specialist is linked to. */
export interface StaffNoticeBooking extends AgendaEntry {
  specialist_telegram_id: number | null;
  center_name_kk: string;
  center_name_ru: string;
}

/** The booking a staff notice is about; undefined when it is gone or its specialist was deactivated. */
export async function findBookingForStaff(db: Db, bookingId: number): Promise<StaffNoticeBooking | undefined> {
  return db
    .selectFrom("bookings")
    .innerJoin("specialists", "specialists.id", "bookings.specialist_id")
    .innerJoin("centers", "centers.id", "bookings.center_id")
    .leftJoin("users", "users.id", "bookings.user_id")
    .select(AGENDA_COLUMNS)
    .select([
      "specialists.telegram_id as specialist_telegram_id",
      "centers.name_kk as center_name_kk",
      "centers.name_ru as center_name_ru",
    ])
    .where("bookings.id", "=", bookingId)
    .where("specialists.active", "=", 1)
    .executeTakeFirst();
}
