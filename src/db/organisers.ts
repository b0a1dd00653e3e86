import type { ExpressionBuilder } from "kysely";
import type { ServiceCode } from "../domain/services.js";
import type { Db } from "./database.js";
import { eventViews, normalized, type EventView } from "./events.js";
import type { Database, Instant } from "./schema.js";

/**
 * Organisers of events and hosts of tea-talk sessions: an account linked as the organiser, or a
 * specialist of the centers who hosts. /host shows them their day and lets them mark attendance.
 */

/** Events hosted by the account: named as the organiser, or linked to the (active) specialist who hosts. */
export function hostedBy(eb: ExpressionBuilder<Database & { e: Database["events"] }, "e">, telegramId: number) {
  return eb.or([
    eb("e.host_telegram_id", "=", telegramId),
    eb(
      "e.host_specialist_id",
      "in",
      eb.selectFrom("specialists").select("id").where("telegram_id", "=", telegramId).where("active", "=", 1),
    ),
  ]);
}

/** The account's scheduled events (tea-talk sessions among them) starting in [from, to), in time order. */
export async function hostEvents(db: Db, telegramId: number, from: Date, to: Date): Promise<EventView[]> {
  const rows = await eventViews(db)
    .where((eb) => hostedBy(eb, telegramId))
    .where("e.status", "=", "scheduled")
    .where("e.starts_at", ">=", from.toISOString())
    .where("e.starts_at", "<", to.toISOString())
    .orderBy("e.starts_at")
    .orderBy("e.id")
    .execute();
  return rows.map(normalized);
}

/** The scheduled events the account hosts that end after `since`. */
export function eventsHostedAfter(db: Db, telegramId: number, since: Date) {
  return db
    .selectFrom("events as e")
    .select("e.id")
    .where((eb) => hostedBy(eb, telegramId))
    .where("e.status", "=", "scheduled")
    .where("e.ends_at", ">", since.toISOString());
}

/** Whether the account hosts a scheduled event that ends after `since`. */
export async function hostsEventsAfter(db: Db, telegramId: number, since: Date): Promise<boolean> {
  return (await eventsHostedAfter(db, telegramId, since).limit(1).executeTakeFirst()) !== undefined;
}

/** The accounts that host a scheduled event ending after `since`, named or as its specialist. */
export async function hostAccountsAfter(db: Db, since: Date): Promise<number[]> {
  const sessions = db
    .selectFrom("events as e")
    .where("e.status", "=", "scheduled")
    .where("e.ends_at", ">", since.toISOString());
  const named = sessions.select("e.host_telegram_id as id").where("e.host_telegram_id", "is not", null);
  const specialists = sessions
    .innerJoin("specialists as h", "h.id", "e.host_specialist_id")
    .select("h.telegram_id as id")
    .where("h.telegram_id", "is not", null);
  const rows = await named.union(specialists).execute();
  return rows.map((r) => r.id!);
}

/** A tea-talk host known only by name at a center (a volunteer, say): whom a host's invite links. */
export interface NamedHost {
  hostName: string;
  centerId: string;
}

/** The named host's scheduled sessions that are not over at `now`. */
function namedHostSessions(db: Db, host: NamedHost, now: Date) {
  return db
    .selectFrom("events")
    .where("center_id", "=", host.centerId)
    .where("host_name", "=", host.hostName)
    .where("host_specialist_id", "is", null)
    .where("status", "=", "scheduled")
    .where("ends_at", ">", now.toISOString());
}

export type HostLinking =
  | { kind: "linked" }
  /** Every one of those sessions was this account's already. */
  | { kind: "already" }
  /** Another account hosts some of them. */
  | { kind: "taken" }
  | { kind: "no-sessions" };

/**
 * Makes the account the host of the named host's sessions that are not over yet, so that /host
 * shows them at once. Sessions another account hosts stay theirs, and then nothing is linked.
 * Meant to run inside the transaction that uses up the invite, which holds the write lock.
 */
export async function linkNamedHost(trx: Db, host: NamedHost, telegramId: number, now: Date): Promise<HostLinking> {
  // The sessions are locked while they are checked, so that two accounts opening the host's
  // links at once take them one after the other, the second finding them taken.
  const sessions = await namedHostSessions(trx, host, now).select("host_telegram_id").forUpdate().execute();
  const holders = [...new Set(sessions.map((r) => r.host_telegram_id))];
  if (holders.length === 0) return { kind: "no-sessions" };
  if (holders.some((id) => id !== null && id !== telegramId)) return { kind: "taken" };
  if (!holders.includes(null)) return { kind: "already" };
  await trx
    .updateTable("events")
    .set({ host_telegram_id: telegramId })
    .where("id", "in", namedHostSessions(trx, host, now).select("id"))
    .where("host_telegram_id", "is", null)
    .execute();
  return { kind: "linked" };
}

/** A host of sessions still ahead whom no account hosts yet, with their next such session. */
export interface HostToInvite {
  sessionId: number;
  startsAt: Instant;
  centerId: string;
  center_name_kk: string;
  center_name_ru: string;
  host: { kind: "named"; name: string } | { kind: "specialist"; specialistId: number; name: string; service: ServiceCode };
}

/**
 * Hosts to invite, soonest session first: each named host of a center once, and each active
 * specialist who hosts but has no account linked (a specialist's own invite makes them a host).
 */
export async function listHostsToInvite(db: Db, now: Date): Promise<HostToInvite[]> {
  const rows = await db
    .selectFrom("events as e")
    .innerJoin("centers as c", "c.id", "e.center_id")
    .leftJoin("specialists as h", "h.id", "e.host_specialist_id")
    .select(["e.id", "e.starts_at", "e.center_id", "e.host_name", "e.host_specialist_id", "h.display_name", "h.service"])
    .select(["c.name_kk as center_name_kk", "c.name_ru as center_name_ru"])
    .where("e.status", "=", "scheduled")
    .where("e.ends_at", ">", now.toISOString())
    .where("e.host_telegram_id", "is", null)
    .where((eb) =>
      eb.or([eb("e.host_specialist_id", "is", null), eb.and([eb("h.telegram_id", "is", null), eb("h.active", "=", 1)])]),
    )
    .orderBy("e.starts_at")
    .orderBy("e.id")
    .execute();
  const hosts = new Map<string, HostToInvite>();
  for (const r of rows) {
    const host: HostToInvite["host"] =
      r.host_specialist_id === null
        ? { kind: "named", name: r.host_name! }
        : { kind: "specialist", specialistId: r.host_specialist_id, name: r.display_name!, service: r.service! };
    const key = host.kind === "named" ? `named:${JSON.stringify([r.center_id, host.name])}` : `specialist:${host.specialistId}`;
    if (hosts.has(key)) continue;
    hosts.set(key, { sessionId: r.id, startsAt: r.starts_at, centerId: r.center_id!, center_name_kk: r.center_name_kk, center_name_ru: r.center_name_ru, host });
  }
  return [...hosts.values()];
}

