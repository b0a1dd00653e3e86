import { defineConfig } from "vitest/config";

/**
 * With TEST_DATABASE_URL the suite runs on PostgreSQL. What is about SQLite's file itself (two
 * processes on one file, WAL, its prepared statements), the sandbox (which keeps its own SQLite
 * file by design) and the end-to-end tests (which start the bot on an SQLite file and read it
 * directly) stay with the SQLite run, but for the two instances on one database, which runs on both.
 */
const sqliteOnly = process.env.TEST_DATABASE_URL ? ["test/db/database.test.ts", "test/sandbox/**", "test/e2e/!(instances).e2e.test.ts"] : [];

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
