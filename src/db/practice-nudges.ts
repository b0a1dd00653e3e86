import { isNudgeTime, nextPracticeNudge, type NudgeTime } from "../domain/practice-nudge.js";
import type { Db } from "./database.js";
import { enqueueAll } from "./outbox.js";

/**
 * Makes sure every person who chose a daily practice time, still hears from the bot and has
 * notifications on, has their next nudge in the outbox (only `userId`, when given). Safe to run
 * often and from several processes: the nudge's dedupe key allows one per person and day.
 */
export async function planPracticeNudges(db: Db, now: Date, userId?: number): Promise<void> {
  let q = db
    .selectFrom("users")
    .select(["users.id", "users.practice_nudge_time"])
    .where("users.practice_nudge_time", "is not", null)
    .where("users.registered_at", "is not", null)
    .where("users.blocked_at", "is", null)
    .where("users.notifications", "=", 1)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("outbox")
            .select("outbox.id")
            .whereRef("outbox.recipient_id", "=", "users.id")
            .where("outbox.kind", "=", "practice_nudge")
            .where("outbox.state", "in", ["pending", "sending"]),
        ),
      ),
    );
  if (userId !== undefined) q = q.where("users.id", "=", userId);
  const people = (await q.execute()).sort((a, b) => a.id - b.id);
  const nudges = people.flatMap((u) =>
    isNudgeTime(u.practice_nudge_time) ? [{ ...nextPracticeNudge(u.id, u.practice_nudge_time, now), recipientId: u.id }] : [],
  );
  await enqueueAll(db, nudges, now);
}

/**
 * Stores the person's nudge time (null turns nudges off) and cancels the nudge already waiting.
 * The cancelled row gives up its dedupe key, so a new time can still bring a nudge the same day.
 */
export async function setPracticeNudgeTime(db: Db, userId: number, time: NudgeTime | null, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ practice_nudge_time: time, updated_at: now.toISOString() })
      .where("id", "=", userId)
      .execute();
    await trx
      .updateTable("outbox")
      .set({ state: "cancelled", last_error: "nudge time changed", dedupe_key: null })
      .where("recipient_id", "=", userId)
      .where("kind", "=", "practice_nudge")
      .where("state", "=", "pending")
      .execute();
  });
}
