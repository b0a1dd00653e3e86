import type { Db } from "./database.js";

/** Who asks for a job's run, and how to tell that a holder before it is gone. */
export interface JobClaimant {
  holder: string;
  /** Whether this holder's process is certainly gone (killed): its lease need not run out. */
  isGone(holder: string): boolean;
}

/**
 * Takes the job's run for `dueAt`, unless another holder ran it for that due time or later, or
 * holds the job still (its lease has not expired and its process is not known to be gone). The
 * same holder may always run again (the clock moved, a run asked for at once). Returns whether
 * the run is this holder's.
 */
export async function claimJobRun(db: Db, job: string, claimant: JobClaimant, dueAt: Date, now: Date, leaseMs: number): Promise<boolean> {
  const { holder } = claimant;
  return db.transaction().execute(async (trx) => {
    // Two instances ticking at once must not both find the job free: the row is made if missing
    // (free, long expired) and locked, so the second waits for the first's claim and sees it.
    const never = new Date(0).toISOString();
    await trx
      .insertInto("job_leases")
      .values({ job, holder: "", due_at: never, expires_at: never })
      .onConflict((oc) => oc.column("job").doNothing())
      .execute();
    const lease = await trx.selectFrom("job_leases").selectAll().where("job", "=", job).forUpdate().executeTakeFirstOrThrow();
    const due_at = dueAt.toISOString();
    const free =
      lease.holder === holder ||
      claimant.isGone(lease.holder) ||
      (lease.due_at < due_at && lease.expires_at <= now.toISOString());
    if (!free) return false;
    const values = { holder, due_at, expires_at: new Date(now.getTime() + leaseMs).toISOString() };
    await trx.updateTable("job_leases").set(values).where("job", "=", job).execute();
    return true;
  });
}

/** Keeps the job held while a long run goes on; a holder that died lets it go when it expires. */
export async function renewJobLease(db: Db, job: string, holder: string, now: Date, leaseMs: number): Promise<void> {
  await db
    .updateTable("job_leases")
    .set({ expires_at: new Date(now.getTime() + leaseMs).toISOString() })
    .where("job", "=", job)
    .where("holder", "=", holder)
    .execute();
}

/** Lets the job go at the end of a run: another holder may take the next due time at once. */
export async function releaseJobLease(db: Db, job: string, holder: string, now: Date): Promise<void> {
  await db.updateTable("job_leases").set({ expires_at: now.toISOString() }).where("job", "=", job).where("holder", "=", holder).execute();
}
