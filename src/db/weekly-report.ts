import { weeklyReportDue } from "../domain/figures.js";
import type { Db } from "./database.js";
import { enqueueAll } from "./outbox.js";

/** Whether a city administrator gets the weekly summary (everyone does until they turn it off). */
export async function getsWeeklyReport(db: Db, telegramId: number): Promise<boolean> {
  const row = await db.selectFrom("weekly_report_optouts").select("telegram_id").where("telegram_id", "=", telegramId).executeTakeFirst();
  return row === undefined;
}

export async function setWeeklyReport(db: Db, telegramId: number, on: boolean, now: Date): Promise<void> {
  if (on) {
    await db.deleteFrom("weekly_report_optouts").where("telegram_id", "=", telegramId).execute();
  } else {
    await db
      .insertInto("weekly_report_optouts")
      .values({ telegram_id: telegramId, opted_out_at: now.toISOString() })
      .onConflict((oc) => oc.column("telegram_id").doNothing())
      .execute();
  }
}

/**
 * Plans this week's summary for every city administrator who has not turned it off, once its
 * time has come (Monday 09:00, Almaty). The dedupe key names the week and the administrator, so
 * planning again (every run that Monday, after a restart) adds nothing.
 */
export async function planWeeklyReports(db: Db, adminIds: readonly number[], now: Date): Promise<void> {
  const due = weeklyReportDue(now);
  if (!due || adminIds.length === 0) return;
  const keyOf = (id: number) => `weekly_report:${id}:${due.week}`;
  // Read first, so that the runs after the first that Monday write nothing.
  const planned = new Set(
    (await db.selectFrom("outbox").select("dedupe_key").where("dedupe_key", "in", adminIds.map(keyOf)).execute()).map((r) => r.dedupe_key),
  );
  const optedOut = new Set(
    (await db.selectFrom("weekly_report_optouts").select("telegram_id").where("telegram_id", "in", [...adminIds]).execute()).map((r) => r.telegram_id),
  );
  const notices = adminIds
    .filter((id) => !optedOut.has(id) && !planned.has(keyOf(id)))
    .map((id) => ({
      kind: "weekly_report" as const,
      recipientId: id,
      dueAt: due.dueAt,
      expiresAt: due.expiresAt,
      payload: { week: due.week },
      dedupeKey: keyOf(id),
      essential: true,
      urgent: false,
    }));
  await enqueueAll(db, notices, now);
}
