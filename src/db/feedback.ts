import type { FeedbackScore } from "../domain/feedback.js";
import type { ServiceCode } from "../domain/services.js";
import type { Db } from "./database.js";

/** Whether a rating or a comment was stored. */
export type SaveFeedbackResult = { kind: "saved" } | { kind: "refused" };

/**
 * Stores a rating given by the booking's person. Refused when it was not stored: someone else's
 * booking, or already rated (a second press, or two presses racing).
 */
export async function saveFeedbackScore(db: Db, bookingId: number, userId: number, score: FeedbackScore, now: Date): Promise<SaveFeedbackResult> {
  const result = await updateOwnBooking(db, bookingId, userId)
    .set({ feedback_score: score, updated_at: now.toISOString() })
    .where("feedback_score", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? { kind: "saved" } : { kind: "refused" };
}

/**
 * Stores the comment that follows a rating, once. Refused when there is no rating or another
 * comment already; the same comment again (a flow replayed after storing it) is found stored.
 */
export async function saveFeedbackComment(db: Db, bookingId: number, userId: number, comment: string, now: Date): Promise<SaveFeedbackResult> {
  const result = await updateOwnBooking(db, bookingId, userId)
    .set({ feedback_comment: comment, updated_at: now.toISOString() })
    .where("feedback_score", "is not", null)
    .where("feedback_comment", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return { kind: "saved" };
  const stored = await db
    .selectFrom("bookings")
    .select("feedback_comment")
    .where("id", "=", bookingId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return stored?.feedback_comment === comment ? { kind: "saved" } : { kind: "refused" };
}

/** An update of one booking that changes nothing unless the booking is this person's. */
function updateOwnBooking(db: Db, bookingId: number, userId: number) {
  return db.updateTable("bookings").where("id", "=", bookingId).where("user_id", "=", userId);
}

export interface FeedbackSummary {
  count: number;
  /** Mean score, null while nobody has rated. */
  average: number | null;
}

/** How many consultations were rated and their mean score, over all services or one. */
export async function feedbackSummary(db: Db, service?: ServiceCode): Promise<FeedbackSummary> {
  let q = db
    .selectFrom("bookings")
    .select((eb) => [eb.fn.count<number>("feedback_score").as("count"), eb.fn.avg<number | null>("feedback_score").as("average")])
    .where("feedback_score", "is not", null);
  if (service) q = q.where("service", "=", service);
  const row = await q.executeTakeFirstOrThrow();
  return { count: Number(row.count), average: row.average === null ? null : Number(row.average) };
}
