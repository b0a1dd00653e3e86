import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrations } from "../../migrations/index.js";
import { openDatabase } from "../../src/db/database.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { whyNotReady } from "../../src/server/readiness.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function freshDatabase() {
  dir = mkdtempSync(join(tmpdir(), "jastar-ready-"));
  return openDatabase({ dialect: "sqlite", path: join(dir, "jastar.db") });
}

describe("readiness", () => {
  it("is refused while migrations are missing, naming them, and given once they are applied", async () => {
    const db = freshDatabase();
    try {
      const names = Object.keys(migrations);
      expect(await whyNotReady(db)).toBe(`migrations not applied: ${names.join(", ")}`);
      await migrateToLatest(db);
      expect(await whyNotReady(db)).toBeUndefined();
    } finally {
      await db.destroy();
    }
  });

  it("is refused when the database cannot be reached", async () => {
    const db = freshDatabase();
    await migrateToLatest(db);
    await db.destroy();
    expect(await whyNotReady(db)).toMatch(/^database unreachable: /);
  });
});
