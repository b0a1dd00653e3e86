import type { Db } from "./database.js";
import type { AuditEntry } from "./schema.js";

/**
 * Runs `work` in a transaction, or in the caller's when `db` is one already: an administrative
 * change and its record in the log are kept or lost together.
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** One administrative change as the code that makes it describes it. */
export interface AuditRecord {
  actorId: number;
  /** A stable word for what was done, such as `center.edit` or `role.revoke`. */
  action: string;
  /** What it was done to, such as `center:almaly-1` or `user:123`. */
  subject: string;
  /** The center the change belongs to, if any: its administrators see their centers' part. */
  centerId?: string | null;
  /** The state before and after the change; absent for a creation or a deletion. */
  before?: unknown;
  after?: unknown;
}

/**
 * Writes one change to the audit log. Called with the transaction that makes the change, so that
 * the change and its record are kept or lost together.
 */
export async function recordAudit(db: Db, record: AuditRecord, now: Date): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: now.toISOString(),
      actor_id: record.actorId,
      action: record.action,
      subject: record.subject,
      center_id: record.centerId ?? null,
      before: record.before === undefined ? null : JSON.stringify(record.before),
      after: record.after === undefined ? null : JSON.stringify(record.after),
    })
    .execute();
}

/** A page of the log, newest first. */
export async function auditPageOf(db: Db, offset: number, limit: number): Promise<AuditEntry[]> {
  return db.selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(limit).offset(offset).execute();
}

export async function countAudit(db: Db): Promise<number> {
  const row = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The whole log, oldest first, for its export. */
export async function allAudit(db: Db): Promise<AuditEntry[]> {
  return db.selectFrom("audit_log").selectAll().orderBy("id").execute();
}
