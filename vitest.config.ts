import { defineConfig } from "vitest/config";

/**
 * With TEST_DATABASE_URL the suite runs on PostgreSQL, the end-to-end tests included: each one
 * starts the bot on an empty database of its own there. Only `test/db/database.test.ts`, about
 * SQLite's file itself (WAL, its prepared statements), stays with the SQLite run; the tests of
 * what only SQLite's file does (two processes on one file, `npm run backup`) say so themselves
 * and are skipped there. The sandbox keeps its own SQLite file whatever DATABASE_URL says, so its
 * tests run the same in both runs.
 */
const sqliteOnly = process.env.TEST_DATABASE_URL ? ["test/db/database.test.ts"] : [];

export default defineConfig({
  test: {
    // A PostgreSQL server answers each statement over a socket: the long tests take longer there.
    testTimeout: process.env.TEST_DATABASE_URL ? 60_000 : 20_000,
    hookTimeout: 30_000,
    // Two projects so that only runs with end-to-end tests pay for the build they need: Vitest
    // calls a project's globalSetup only when that project has tests queued.
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/e2e/**", ...sqliteOnly] },
      },
      {
        extends: true,
        test: { name: "e2e", include: ["test/e2e/**/*.test.ts"], exclude: sqliteOnly, globalSetup: ["test/global-setup.ts"] },
      },
    ],
  },
});
