import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/database.js";
import { claimJobRun, releaseJobLease } from "../../src/db/job-leases.js";
import { createTestDb } from "../support/harness.js";

const MORNING = "2026-11-23T05:00:00Z";
const LEASE_MS = 60_000;
const at = (seconds: number) => new Date(Date.parse(MORNING) + seconds * 1000);

let store: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;

beforeEach(async () => {
  store = await createTestDb();
  db = store.db;
});
afterEach(async () => {
  await store.cleanup();
});

describe("a scheduled job's lease", () => {
  it("gives each due time to one holder, one at a time, and frees a dead holder's hold when it expires", async () => {
    const killed = new Set<string>();
    const claim = (holder: string, due: number, now: number) =>
      claimJobRun(db, "scheduler", { holder, isGone: (h) => killed.has(h) }, at(due), at(now), LEASE_MS);

    expect(await claim("a", 0, 0)).toBe(true);
    // b's tick for the same moment, while a runs, and after a has finished it: a ran it.
    expect(await claim("b", 0, 1)).toBe(false);
    await releaseJobLease(db, "scheduler", "a", at(2));
    expect(await claim("b", 0, 3)).toBe(false);
    // The next tick is b's, and a waits while b holds it.
    expect(await claim("b", 10, 10)).toBe(true);
    expect(await claim("a", 10, 11)).toBe(false);
    expect(await claim("a", 20, 20)).toBe(false);
    // b died without letting go: once its hold expires, a takes the tick then due.
    expect(await claim("a", 70, 71)).toBe(true);
    // A holder may always run again, e.g. when asked at once after the clock moved.
    expect(await claim("a", 70, 72)).toBe(true);
    // a is killed mid-run and restarted as c: its hold is given up at once, even for the same tick.
    killed.add("a");
    expect(await claim("c", 70, 73)).toBe(true);
  });

  it("gives a due time to exactly one of many instances claiming it at the same moment", async () => {
    // An earlier run's lease, long expired; and on PostgreSQL, connections open beforehand so
    // that the claims below run side by side, as instances do.
    expect(await claimJobRun(db, "scheduler", { holder: "earlier", isGone: () => false }, at(-600), at(-600), LEASE_MS)).toBe(true);
    await Promise.all(Array.from({ length: 12 }, () => db.selectFrom("job_leases").select("job").execute()));
    const claims = await Promise.all(
      Array.from({ length: 12 }, (_, i) => claimJobRun(db, "scheduler", { holder: `instance-${i}`, isGone: () => false }, at(0), at(0), LEASE_MS)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    const lease = await db.selectFrom("job_leases").selectAll().where("job", "=", "scheduler").executeTakeFirstOrThrow();
    expect(lease.holder).toBe(`instance-${claims.indexOf(true)}`);
  });
});
