import type { InviteKind } from "../domain/staff.js";
import { agendaWindow } from "../domain/staff.js";
import { inTransaction, recordAudit } from "./audit.js";
import type { Db } from "./database.js";
import { enqueue } from "./outbox.js";

/**
 * The roles people hold through an invite, read from where each role lives: a center's
 * administrators, the accounts linked to active specialists, the hosts of sessions not over yet,
 * the teams' coordinators and the card partners' accounts.
 */

/** A role is what an invite gives. */
export type Role = InviteKind;

/** Which role, for what, held by which account: names one holding, as a button does. */
export interface RoleKey {
  role: Role;
  /** What the role is for: a center's id (administrator, host), or a specialist's, team's or partner's id. */
  target: string;
  telegramId: number;
}

/** One person's role as the people and roles screen lists it. */
export interface RoleHolding extends RoleKey {
  /** The center the role belongs to; null for a team's coordinator and a partner's account. */
  centerId: string | null;
  /** What the role is for, in both languages: a center, a specialist at a center, a team, a partner. */
  label_kk: string;
  label_ru: string;
  /** The person's name as they gave it to the bot, when they did. */
  personName: string | null;
}

/** Which center administrators see which part: null for the whole city. */
export type RoleScope = readonly string[] | null;

/** Every role, in the order they are listed in. */
export const ROLES: readonly Role[] = ["center-admin", "specialist", "host", "coordinator", "partner"];

/**
 * Everyone holding a role that the scope covers: the whole city sees every role; a center's
 * administrators only their centers' specialists and hosts.
 */
export async function listRoleHoldings(db: Db, scope: RoleScope, now: Date): Promise<RoleHolding[]> {
  // No centers, nothing to see (and `in ()` is no valid SQL).
  if (scope?.length === 0) return [];
  const holdings = [
    ...(scope === null ? await centerAdmins(db) : []),
    ...(await specialists(db, scope)),
    ...(await hosts(db, scope, now)),
    ...(scope === null ? await coordinators(db) : []),
    ...(scope === null ? await partnerAccounts(db) : []),
  ];
  return holdings.sort(
    (a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.label_ru.localeCompare(b.label_ru, "ru") || a.telegramId - b.telegramId,
  );
}

/** The holding a button names, while it is still held and the scope covers it. */
export async function findRoleHolding(db: Db, key: RoleKey, scope: RoleScope, now: Date): Promise<RoleHolding | undefined> {
  return (await listRoleHoldings(db, scope, now)).find((h) => h.role === key.role && h.target === key.target && h.telegramId === key.telegramId);
}

async function centerAdmins(db: Db): Promise<RoleHolding[]> {
  const rows = await db
    .selectFrom("center_admins as a")
    .innerJoin("centers as c", "c.id", "a.center_id")
    .leftJoin("users as u", "u.id", "a.telegram_id")
    .select(["a.telegram_id", "a.center_id", "c.name_kk", "c.name_ru", "u.name"])
    .where("a.revoked_at", "is", null)
    .execute();
  return rows.map((r) => ({
    role: "center-admin",
    target: r.center_id,
    telegramId: r.telegram_id,
    centerId: r.center_id,
    label_kk: r.name_kk,
    label_ru: r.name_ru,
    personName: r.name,
  }));
}

async function specialists(db: Db, scope: RoleScope): Promise<RoleHolding[]> {
  let query = db
    .selectFrom("specialists as s")
    .innerJoin("centers as c", "c.id", "s.center_id")
    .leftJoin("users as u", "u.id", "s.telegram_id")
    .select(["s.id", "s.telegram_id", "s.center_id", "s.display_name", "c.name_kk", "c.name_ru", "u.name"])
    .where("s.active", "=", 1)
    .where("s.telegram_id", "is not", null);
  if (scope !== null) query = query.where("s.center_id", "in", [...scope]);
  const rows = await query.execute();
  return rows.map((r) => ({
    role: "specialist",
    target: String(r.id),
    telegramId: r.telegram_id!,
    centerId: r.center_id,
    label_kk: `${r.display_name}, ${r.name_kk}`,
    label_ru: `${r.display_name}, ${r.name_ru}`,
    personName: r.name,
  }));
}

/**
 * A host's sessions that make them a host: scheduled, hosted under their own name, and ending
 * after today began (the same bound as /host's), so that today's ended ones still count.
 */
function hostedSessions(db: Db, now: Date) {
  return db
    .selectFrom("events as e")
    .where("e.status", "=", "scheduled")
    .where("e.host_specialist_id", "is", null)
    .where("e.host_telegram_id", "is not", null)
    .where("e.ends_at", ">", agendaWindow(now, 1).from.toISOString());
}

async function hosts(db: Db, scope: RoleScope, now: Date): Promise<RoleHolding[]> {
  let query = hostedSessions(db, now)
    .innerJoin("centers as c", "c.id", "e.center_id")
    .leftJoin("users as u", "u.id", "e.host_telegram_id")
    .select((eb) => ["e.host_telegram_id", "e.center_id", "c.name_kk", "c.name_ru", "u.name", eb.fn.min("e.host_name").as("host_name")])
    .groupBy(["e.host_telegram_id", "e.center_id", "c.name_kk", "c.name_ru", "u.name"]);
  if (scope !== null) query = query.where("e.center_id", "in", [...scope]);
  const rows = await query.execute();
  return rows.map((r) => ({
    role: "host",
    target: r.center_id!,
    telegramId: r.host_telegram_id!,
    centerId: r.center_id,
    label_kk: `${r.host_name ?? ""}, ${r.name_kk}`,
    label_ru: `${r.host_name ?? ""}, ${r.name_ru}`,
    personName: r.name,
  }));
}

async function coordinators(db: Db): Promise<RoleHolding[]> {
  const rows = await db
    .selectFrom("teams as t")
    .leftJoin("users as u", "u.id", "t.coordinator_id")
    .select(["t.id", "t.coordinator_id", "t.name_kk", "t.name_ru", "u.name"])
    .where("t.active", "=", 1)
    .where("t.coordinator_id", "is not", null)
    .execute();
  return rows.map((r) => ({
    role: "coordinator",
    target: String(r.id),
    telegramId: r.coordinator_id!,
    centerId: null,
    label_kk: r.name_kk,
    label_ru: r.name_ru,
    personName: r.name,
  }));
}

async function partnerAccounts(db: Db): Promise<RoleHolding[]> {
  const rows = await db
    .selectFrom("partner_accounts as a")
    .innerJoin("partners as p", "p.id", "a.partner_id")
    .leftJoin("users as u", "u.id", "a.telegram_id")
    .select(["a.telegram_id", "a.partner_id", "p.name as partner_name", "u.name"])
    .where("p.active", "=", 1)
    .execute();
  return rows.map((r) => ({
    role: "partner",
    target: String(r.partner_id),
    telegramId: r.telegram_id,
    centerId: null,
    label_kk: r.partner_name,
    label_ru: r.partner_name,
    personName: r.name,
  }));
}

export type Revocation = { kind: "revoked"; holding: RoleHolding } | { kind: "gone" };

/**
 * Ends a role, records it in the audit log and tells the person through the outbox, all in one
 * transaction; or changes nothing when the role is no longer held or not the scope's. Their
 * access ends at their next update, as every role is read afresh on each. A specialist's role
 * ends with their deactivation, which also withdraws what waits to be sent to them.
 */
export async function revokeRole(db: Db, key: RoleKey, revoker: { actorId: number; scope: RoleScope }, now: Date): Promise<Revocation> {
  return inTransaction(db, async (trx) => {
    const holding = await findRoleHolding(trx, key, revoker.scope, now);
    if (!holding) return { kind: "gone" };
    await endRole(trx, holding, now);
    await recordAudit(
      trx,
      {
        actorId: revoker.actorId,
        action: "role.revoke",
        subject: `user:${holding.telegramId}`,
        centerId: holding.centerId,
        before: { role: holding.role, target: roleSubject(holding) },
      },
      now,
    );
    await enqueue(
      trx,
      {
        kind: "role_revoked",
        recipientId: holding.telegramId,
        payload: { role: holding.role, label_kk: holding.label_kk, label_ru: holding.label_ru },
        dueAt: now,
        expiresAt: null,
        dedupeKey: `role_revoked:${holding.role}:${holding.target}:${holding.telegramId}:${now.toISOString()}`,
        essential: true,
        urgent: false,
      },
      now,
    );
    return { kind: "revoked", holding };
  });
}

/** What the role was for, as the audit log names it (as invites name their targets). */
export function roleSubject(key: Pick<RoleKey, "role" | "target">): string {
  switch (key.role) {
    case "center-admin":
    case "host":
      return `center:${key.target}`;
    case "specialist":
      return `specialist:${key.target}`;
    case "coordinator":
      return `team:${key.target}`;
    case "partner":
      return `partner:${key.target}`;
  }
}

async function endRole(trx: Db, holding: RoleHolding, now: Date): Promise<void> {
  const { telegramId, target } = holding;
  switch (holding.role) {
    case "center-admin":
      await trx
        .updateTable("center_admins")
        .set({ revoked_at: now.toISOString() })
        .where("telegram_id", "=", telegramId)
        .where("center_id", "=", target)
        .where("revoked_at", "is", null)
        .execute();
      return;
    case "specialist":
      await trx.updateTable("specialists").set({ active: 0 }).where("id", "=", Number(target)).where("telegram_id", "=", telegramId).execute();
      return;
    case "host":
      await trx
        .updateTable("events")
        .set({ host_telegram_id: null })
        .where("id", "in", hostedSessions(trx, now).select("e.id").where("e.center_id", "=", target).where("e.host_telegram_id", "=", telegramId))
        .execute();
      return;
    case "coordinator":
      await trx.updateTable("teams").set({ coordinator_id: null }).where("id", "=", Number(target)).where("coordinator_id", "=", telegramId).execute();
      return;
    case "partner":
      await trx.deleteFrom("partner_accounts").where("telegram_id", "=", telegramId).where("partner_id", "=", Number(target)).execute();
      return;
  }
}
