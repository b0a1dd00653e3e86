import type { Db } from "../db/database.js";
import { pendingMigrations } from "../db/migrate.js";

/** Why the database cannot serve (unreachable, or migrations this code needs missing), if so. */
export async function whyNotReady(db: Db): Promise<string | undefined> {
  try {
    const pending = await pendingMigrations(db);
    return pending.length > 0 ? `migrations not applied: ${pending.join(", ")}` : undefined;
  } catch (err) {
    return `database unreachable: ${err instanceof Error ? err.message : String(err)}`;
  }
}
