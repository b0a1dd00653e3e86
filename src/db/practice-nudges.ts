import { isNudgeTime, nextPracticeNudge, type NudgeTime } from "../domain/practice-nudge.js";
import type { Db } from "./database.js";
import { enqueueAll } from "./outbox.js";
import { updateUser } from "./users.js";

/** People looked at per statement: a run that finds thousands due reads and writes them in batches. */
export const NUDGES_PLANNED_PER_BATCH = 500;

/**
 * Writes the next nudge of every person whose planning moment has come (only `userId`, when
 * given): one who chose a time a moment ago, or whose last planned nudge has fallen due. Each
 * person's next moment is then that new nudge's time, so a run reads only the people due, through
 * an index, a batch at a time. People who cannot be reached now (notifications off, blocked the
 * bot, not registered) get no nudge, and are looked at again at their next time. Safe to run often
 * and from several processes: the nudge's dedupe key allows one per person and day.
 */
export async function planPracticeNudges(db: Db, now: Date, userId?: number): Promise<void> {
  for (;;) {
    let q = db
      .selectFrom("users")
      .select(["id", "practice_nudge_time", "registered_at", "blocked_at", "notifications"])
      .where("practice_nudge_plan_at", "<=", now.toISOString())
      .orderBy("practice_nudge_plan_at")
      .limit(NUDGES_PLANNED_PER_BATCH);
    if (userId !== undefined) q = q.where("id", "=", userId);
    const due = await q.execute();
    if (due.length === 0) return;
    await db.transaction().execute(async (trx) => {
      const nudges = due.map((u) => ({ person: u, nudge: isNudgeTime(u.practice_nudge_time) ? nextPracticeNudge(u.id, u.practice_nudge_time, now) : null }));
      const reachable = nudges.filter(({ person, nudge }) => nudge && person.registered_at !== null && person.blocked_at === null && person.notifications === 1);
      await enqueueAll(trx, reachable.map(({ person, nudge }) => ({ ...nudge!, recipientId: person.id })), now);
      // Everyone read is moved on, in one statement per next moment (a handful: one per nudge time).
      const byNextMoment = new Map<string | null, number[]>();
      for (const { person, nudge } of nudges) {
        const at = nudge?.dueAt.toISOString() ?? null;
        byNextMoment.set(at, [...(byNextMoment.get(at) ?? []), person.id]);
      }
      for (const [at, ids] of byNextMoment) {
        await trx.updateTable("users").set({ practice_nudge_plan_at: at }).where("id", "in", ids).execute();
      }
    });
    if (due.length < NUDGES_PLANNED_PER_BATCH) return;
  }
}

/**
 * Stores the person's nudge time (null turns nudges off) and cancels the nudge already waiting.
 * The cancelled row gives up its dedupe key, so a new time can still bring a nudge the same day.
 */
export async function setPracticeNudgeTime(db: Db, userId: number, time: NudgeTime | null, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, userId, { practice_nudge_time: time }, now);
    await trx
      .updateTable("outbox")
      .set({ state: "cancelled", last_error: "nudge time changed", dedupe_key: null })
      .where("recipient_id", "=", userId)
      .where("kind", "=", "practice_nudge")
      .where("state", "=", "pending")
      .execute();
  });
}
