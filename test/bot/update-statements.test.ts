import { DefaultQueryCompiler } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { savePlacement } from "../../src/db/practice.js";
import { seedCatalog } from "../../src/db/seed/index.js";
import { createHarness, createTestDb, type Harness, type HarnessUser } from "../support/harness.js";
import { StatementLog } from "../support/statements.js";
import { signedUpUser } from "../support/users.js";

let h: Harness;
const log = new StatementLog();
beforeEach(async () => {
  log.clear();
  h = await createHarness({ store: await createTestDb({ log: log.log }) });
  await log.unrecorded(() => seedCatalog(h.db));
});
afterEach(async () => {
  await h.cleanup();
});

/** The statements one update ran. */
async function statementsOf(update: () => Promise<unknown>): Promise<string[]> {
  log.clear();
  await update();
  return [...log.runs];
}

const accountLookUps = (runs: string[]) => runs.filter((sql) => /^select \* from "users" where "id" = (\?|\$1)$/.test(sql)).length;

describe("the statements an update runs", () => {
  it("a menu screen reads the person's account and flows, two statements compiled once for all updates", async () => {
    const u = await log.unrecorded(() => signedUpUser(h, 5002, "kk"));
    await u.press("menu:open");
    const compile = vi.spyOn(DefaultQueryCompiler.prototype, "compileQuery");
    try {
      for (const data of ["menu:open", "menu:teatalk", "menu:open"]) {
        const runs = await statementsOf(() => u.press(data));
        expect(runs).toHaveLength(2);
        expect(accountLookUps(runs)).toBe(1);
      }
      expect(compile).not.toHaveBeenCalled();
    } finally {
      compile.mockRestore();
    }
  });

  it("a step of a flow reads the person's account twice, outside the flow and in it, however many steps came before", async () => {
    const u: HarnessUser = await log.unrecorded(async () => {
      const u = await signedUpUser(h, 5001, "ru");
      await savePlacement(h.db, 5001, 1, true, h.clock.now());
      return u;
    });
    await u.press("practice:open");
    const lookUps = [accountLookUps(await statementsOf(() => u.press("practice:start")))];
    for (let step = 0; step < 5; step++) {
      const answer = u.buttons().find((b) => /^pr:\w+:\d+:(?!stop$)/.test(b.callback_data ?? ""));
      expect(answer, `step ${step} offers an answer`).toBeDefined();
      lookUps.push(accountLookUps(await statementsOf(() => u.press(answer!.callback_data!))));
    }
    expect(lookUps).toEqual([2, 2, 2, 2, 2, 2]);
  });
});
