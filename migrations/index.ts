import type { Migration } from "kysely";
import * as m20261121_01 from "./2026-11-21-01-users.js";

/**
 * Every migration, by name. Listed rather than read from the folder so that the same code runs
 * from TypeScript sources in tests and from compiled JavaScript in production; a test checks that
 * no file in this folder is missing here.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-21-01-users": m20261121_01,
};
