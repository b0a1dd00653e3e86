import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/database.js";
import { claimDue } from "../../src/db/outbox.js";
import { insertOutboxRow } from "../support/fixtures.js";
import { createTestDb, type TestDb } from "../support/harness.js";

const NOW = new Date("2026-11-23T04:00:00Z");

let store: TestDb;
let db: Db;
beforeEach(async () => {
  store = await createTestDb();
  db = store.db;
});
afterEach(() => store.cleanup());

describe("claimDue", () => {
  it("never gives one row to two senders claiming at the same moment", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) ids.push(await insertOutboxRow(db, { kind: "practice_nudge", recipientId: 1000 + i, dueAt: "2026-11-23T03:00:00Z" }));

    const senders = ["host-a:1", "host-b:1", "host-c:1", "host-d:1"];
    const claims = await Promise.all(senders.map((worker) => claimDue(db, worker, NOW, 40)));

    const claimed = claims.flatMap((rows) => rows.map((r) => r.id));
    expect(new Set(claimed).size).toBe(claimed.length);
    // Each row went to the sender the table names, and every due row to someone.
    const rows = await db.selectFrom("outbox").select(["id", "claimed_by", "state"]).orderBy("id").execute();
    claims.forEach((taken, i) => {
      for (const r of taken) expect(rows.find((row) => row.id === r.id)).toMatchObject({ claimed_by: senders[i], state: "sending" });
    });
    expect(claims.every((taken) => taken.length <= 40)).toBe(true);
    // Rows locked by one sender are skipped, not waited for: together they may leave some for the next run.
    const left = await claimDue(db, "host-e:1", NOW, 60);
    expect([...claimed, ...left.map((r) => r.id)].sort((a, b) => a - b)).toEqual(ids);
  });
});
