import type { Kysely } from "kysely";
import type { PlannedNotice } from "../domain/notices.js";
import type { Database } from "./schema.js";

/** A database handle or an open transaction: outbox rows are written with what they belong to. */
type Executor = Kysely<Database>;

/**
 * Writes a message to send later. A second message with the same dedupe key is ignored, so
 * writing the same plan twice never sends twice.
 */
export async function enqueue(
  db: Executor,
  notice: PlannedNotice & { recipientId: number; bookingId?: number | null },
  now: Date,
): Promise<void> {
  await db
    .insertInto("outbox")
    .values({
      kind: notice.kind,
      recipient_id: notice.recipientId,
      payload: JSON.stringify(notice.payload),
      due_at: notice.dueAt.toISOString(),
      expires_at: notice.expiresAt?.toISOString() ?? null,
      essential: Number(notice.essential),
      urgent: Number(notice.urgent),
      booking_id: notice.bookingId ?? null,
      dedupe_key: notice.dedupeKey,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .execute();
}

/** Cancels what is still waiting to be sent for a booking (it was cancelled or moved). */
export async function cancelPendingForBooking(db: Executor, bookingId: number, kinds?: string[]): Promise<void> {
  let q = db
    .updateTable("outbox")
    .set({ state: "cancelled" })
    .where("booking_id", "=", bookingId)
    .where("state", "=", "pending");
  if (kinds) q = q.where("kind", "in", kinds);
  await q.execute();
}
