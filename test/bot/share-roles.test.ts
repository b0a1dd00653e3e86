import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertCenter, insertCenterAdmin } from "../support/fixtures.js";
import { createHarness, createTestDb, type Harness } from "../support/harness.js";
import { StatementLog } from "../support/statements.js";
import { registerUser } from "../support/users.js";

const YOUNG = 601;
const CENTER_ADMIN = 901;

let h: Harness;
let statements: StatementLog;

beforeEach(async () => {
  statements = new StatementLog();
  h = await createHarness({ store: await createTestDb({ log: statements.log }), env: { ADMIN_IDS: "900" }, now: "2026-11-23T04:00:00Z" });
  await statements.unrecorded(async () => {
    await insertCenter(h.db, { id: "almaly-1", district: "almaly" });
    await registerUser(h.db, YOUNG);
    await insertCenterAdmin(h.db, { telegramId: CENTER_ADMIN, centerId: "almaly-1", grantedBy: 900 });
  });
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (key: string, vars?: Record<string, string | number>) => h.i18n.t("ru", key, vars);

/** How many times the sender's roles were read (the centers they administer among them) while `work` ran. */
async function rolesRead(work: () => Promise<unknown>): Promise<number> {
  statements.clear();
  await work();
  return statements.runs.filter((sql) => /from "center_admins"/.test(sql) && /"revoked_at" is null/.test(sql)).length;
}

describe("a card's share button", () => {
  it("reads the sender's roles once for a card opened by its link, which /start also asks", async () => {
    const young = h.user({ id: YOUNG, first_name: "Айгерім", language_code: "ru" });
    expect(await rolesRead(() => young.send("/start center_almaly-1"))).toBe(1);
    expect(young.buttons().map((b) => b.text)).not.toContain(ru("link-button-share"));

    const admin = h.user({ id: CENTER_ADMIN, first_name: "Центр", language_code: "ru" });
    expect(await rolesRead(() => admin.send("/start center_almaly-1"))).toBe(1);
    expect(admin.buttons().map((b) => b.text)).toContain(ru("link-button-share"));
  });
});
