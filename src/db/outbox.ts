import type { Updateable } from "kysely";
import type { PlannedNotice } from "../domain/notices.js";
import type { Db } from "./database.js";
import type { OutboxRow, OutboxState, OutboxTable } from "./schema.js";

/** A message to write to the outbox: what is planned, for whom, and about which booking. */
export type OutboxNotice = PlannedNotice & { recipientId: number; bookingId?: number | null };

/** Rows per INSERT: far under SQLite's limit of bound parameters. */
const NOTICES_PER_INSERT = 500;

/**
 * Writes a message to send later. A second message with the same dedupe key is ignored, so
 * writing the same plan twice never sends twice.
 */
export async function enqueue(db: Db, notice: OutboxNotice, now: Date): Promise<void> {
  await enqueueAll(db, [notice], now);
}

/**
 * Writes many messages as `enqueue` does, hundreds per statement: thousands falling due at once
 * (the day's practice nudges) cost a few commits, not one each.
 */
export async function enqueueAll(db: Db, notices: readonly OutboxNotice[], now: Date): Promise<void> {
  const created_at = now.toISOString();
  for (let i = 0; i < notices.length; i += NOTICES_PER_INSERT) {
    await db
      .insertInto("outbox")
      .values(
        notices.slice(i, i + NOTICES_PER_INSERT).map((notice) => ({
          kind: notice.kind,
          recipient_id: notice.recipientId,
          payload: JSON.stringify(notice.payload),
          due_at: notice.dueAt.toISOString(),
          expires_at: notice.expiresAt?.toISOString() ?? null,
          essential: Number(notice.essential),
          urgent: Number(notice.urgent),
          booking_id: notice.bookingId ?? null,
          dedupe_key: notice.dedupeKey,
          created_at,
        })),
      )
      .onConflict((oc) => oc.column("dedupe_key").doNothing())
      .execute();
  }
}

/** Cancels what is still waiting to be sent for a booking (it was cancelled or moved). */
export async function cancelPendingForBooking(db: Db, bookingId: number, kinds?: string[]): Promise<void> {
  let q = db
    .updateTable("outbox")
    .set({ state: "cancelled" })
    .where("booking_id", "=", bookingId)
    .where("state", "=", "pending");
  if (kinds) q = q.where("kind", "in", kinds);
  await q.execute();
}

/** Cancels what is still waiting to be sent under these dedupe keys (what it was about is gone). */
export async function cancelPendingByKeys(db: Db, dedupeKeys: string[]): Promise<void> {
  if (dedupeKeys.length === 0) return;
  await db
    .updateTable("outbox")
    .set({ state: "cancelled" })
    .where("dedupe_key", "in", dedupeKeys)
    .where("state", "=", "pending")
    .execute();
}

/*
 * The dispatcher's side. A row moves pending → sending (claimed by one worker) → sent, or to
 * cancelled / expired / failed, or back to pending (postponed, retried, released). Every change
 * of a claimed row names its worker, so a worker whose claim was taken over changes nothing.
 */

/**
 * Takes up to `limit` due rows for `worker` in one statement, so two workers never share a row:
 * SQLite runs a statement under the write lock, its subquery included; PostgreSQL locks the
 * rows the subquery picks and skips those another worker has locked. The rows are picked by
 * id only; a condition on the state there too would have SQLite walk every waiting row to test
 * each against the few picked.
 */
export async function claimDue(db: Db, worker: string, now: Date, limit: number): Promise<OutboxRow[]> {
  const at = now.toISOString();
  return db
    .updateTable("outbox")
    .set({ state: "sending", claimed_by: worker, claimed_at: at })
    .where("id", "in", (eb) =>
      eb
        .selectFrom("outbox")
        .select("id")
        .where("state", "=", "pending")
        .where("due_at", "<=", at)
        .orderBy("due_at")
        .orderBy("id")
        .limit(limit)
        // On PostgreSQL, rows another sender is claiming at this moment are left to it.
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute()
    .then((rows) => rows.sort((a, b) => a.due_at.localeCompare(b.due_at) || a.id - b.id));
}

/**
 * Returns rows whose claim is older than the lease to pending: their worker died or hung. A row
 * whose request had left for Telegram when the worker died is sent a second time then; the
 * dispatcher keeps that to one row per worker (see dispatcher.ts).
 */
export async function releaseStaleClaims(db: Db, now: Date, leaseMs: number): Promise<number> {
  const result = await db
    .updateTable("outbox")
    .set({ state: "pending", claimed_by: null, claimed_at: null, last_error: "claim expired; the last send may have reached Telegram" })
    .where("state", "=", "sending")
    .where("claimed_at", "<=", new Date(now.getTime() - leaseMs).toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Returns the rows of workers known to be gone to pending at once, without waiting for their
 * lease; the same second send as after a lease may follow (see `releaseStaleClaims`).
 */
export async function releaseClaimsOfGoneWorkers(db: Db, isGone: (claimedBy: string) => boolean): Promise<number> {
  const claimers = await db
    .selectFrom("outbox")
    .select("claimed_by")
    .distinct()
    .where("state", "=", "sending")
    .where("claimed_by", "is not", null)
    .execute();
  const gone = claimers.map((c) => c.claimed_by!).filter(isGone);
  if (gone.length === 0) return 0;
  const result = await db
    .updateTable("outbox")
    .set({ state: "pending", claimed_by: null, claimed_at: null, last_error: "its worker stopped; the last send may have reached Telegram" })
    .where("state", "=", "sending")
    .where("claimed_by", "in", gone)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Pending rows past their expiry become expired: late is worse than never. Returns their ids. */
export async function expireOverdue(db: Db, now: Date): Promise<number[]> {
  const rows = await db
    .updateTable("outbox")
    .set({ state: "expired" })
    .where("state", "=", "pending")
    .where("expires_at", "<=", now.toISOString())
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}

export type ClaimCheck = { kind: "held" } | { kind: "lost" };

/**
 * Renews the claim right before the message goes to Telegram. Lost when the lease ran out and
 * another worker took the row: then this worker must not send it.
 */
export async function confirmClaim(db: Db, id: number, worker: string, now: Date): Promise<ClaimCheck> {
  const result = await db
    .updateTable("outbox")
    .set({ claimed_at: now.toISOString() })
    .where("id", "=", id)
    .where("state", "=", "sending")
    .where("claimed_by", "=", worker)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? { kind: "held" } : { kind: "lost" };
}

/** What becomes of a claimed row. */
export type Settlement =
  | { state: "sent"; attempts: number }
  | { state: "cancelled" | "expired"; reason: string }
  | { state: "failed"; reason: string; attempts: number }
  /** Back to the queue: postponed, to retry, or released unsent. */
  | { state: "pending"; dueAt?: Date; reason?: string; attempts?: number };

/** Records the outcome of a claimed row, if `worker` still holds it. */
export async function settleClaim(db: Db, id: number, worker: string, now: Date, outcome: Settlement): Promise<void> {
  const changes: Updateable<OutboxTable> = { state: outcome.state, claimed_by: null, claimed_at: null };
  switch (outcome.state) {
    case "sent":
      Object.assign(changes, { sent_at: now.toISOString(), attempts: outcome.attempts, last_error: null });
      break;
    case "cancelled":
    case "expired":
      changes.last_error = outcome.reason;
      break;
    case "failed":
      Object.assign(changes, { last_error: outcome.reason, attempts: outcome.attempts });
      break;
    case "pending":
      if (outcome.dueAt) changes.due_at = outcome.dueAt.toISOString();
      if (outcome.reason !== undefined) changes.last_error = outcome.reason;
      if (outcome.attempts !== undefined) changes.attempts = outcome.attempts;
      break;
  }
  await db
    .updateTable("outbox")
    .set(changes)
    .where("id", "=", id)
    .where("state", "=", "sending")
    .where("claimed_by", "=", worker)
    .execute();
}

/** Cancels what is still waiting for a person who blocked the bot, but for essential messages. */
export async function cancelPendingForRecipient(db: Db, recipientId: number, reason: string): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ state: "cancelled", last_error: reason })
    .where("recipient_id", "=", recipientId)
    .where("state", "=", "pending")
    // Essential messages (reminders of their own bookings) stay: someone who unblocks the bot
    // before their consultation still gets them, and each one that meets the block again is
    // cancelled on its own 403.
    .where("essential", "=", 0)
    .execute();
}

/** The states a message does not leave: nothing more happens to it. */
const FINISHED_STATES: OutboxState[] = ["sent", "cancelled", "expired", "failed"];

/**
 * Finished messages are kept this long after they were due, to look into a failure or a
 * complaint. By then nothing can plan the same message again, so forgetting its dedupe key
 * cannot send it twice: reminders are planned when a booking is made, and nudges for today or
 * tomorrow only.
 */
export const FINISHED_MESSAGE_DAYS = 30;

/** Forgets up to `limit` messages finished `FINISHED_MESSAGE_DAYS` ago or more; returns how many. */
export async function forgetFinishedMessages(db: Db, now: Date, limit = 500): Promise<number> {
  const cutoff = new Date(now.getTime() - FINISHED_MESSAGE_DAYS * 24 * 60 * 60 * 1000).toISOString();
  const result = await db
    .deleteFrom("outbox")
    .where("id", "in", (eb) =>
      eb.selectFrom("outbox").select("id").where("state", "in", FINISHED_STATES).where("due_at", "<", cutoff).limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** How many messages are in each state, for the city's figures and for spotting failures. */
export async function outboxCounts(db: Db): Promise<Record<OutboxState, number>> {
  const rows = await db
    .selectFrom("outbox")
    .select(["state", (eb) => eb.fn.countAll<number>().as("count")])
    .groupBy("state")
    .execute();
  const counts: Record<OutboxState, number> = { pending: 0, sending: 0, sent: 0, failed: 0, cancelled: 0, expired: 0 };
  for (const r of rows) counts[r.state] = Number(r.count);
  return counts;
}
