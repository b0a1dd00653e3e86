import { afterEach, describe, expect, it } from "vitest";
import { ABANDONED_FLOW_DAYS } from "../../src/db/conversation-state.js";
import type { Db } from "../../src/db/database.js";
import { FINISHED_MESSAGE_DAYS } from "../../src/db/outbox.js";
import { FORGOTTEN_PER_RUN, forgetWhatHasPassed } from "../../src/db/retention.js";
import type { OutboxState } from "../../src/db/schema.js";
import { insertOutboxRow } from "../support/fixtures.js";
import { createHarness, createTestDb, type Harness, type TestDb } from "../support/harness.js";
import { fillWithHistory } from "../support/volume.js";

const NOW = new Date("2026-11-23T04:00:00Z");
const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS).toISOString();

let store: TestDb | undefined;
let h: Harness | undefined;
afterEach(async () => {
  await store?.cleanup();
  await h?.cleanup();
  store = undefined;
  h = undefined;
});

async function keys(db: Db) {
  return {
    flows: (await db.selectFrom("conversation_state").select("key").orderBy("key").execute()).map((r) => r.key),
    updates: (await db.selectFrom("handled_updates").select("update_id").orderBy("update_id").execute()).map((r) => r.update_id),
    messages: (await db.selectFrom("outbox").select("dedupe_key").orderBy("dedupe_key").execute()).map((r) => r.dedupe_key),
  };
}

describe("forgetting what has passed", () => {
  it("forgets flows idle past a week, notes of updates older than a day and messages finished a month ago, and keeps the rest", async () => {
    store = await createTestDb();
    const { db } = store;
    await db
      .insertInto("conversation_state")
      .values([
        { key: "chat:1", value: "{}", updated_at: daysAgo(ABANDONED_FLOW_DAYS + 1) },
        { key: "chat:2", value: "{}", updated_at: daysAgo(ABANDONED_FLOW_DAYS - 1) },
      ])
      .execute();
    await db
      .insertInto("handled_updates")
      .values([
        { update_id: 10, handled_at: daysAgo(2) },
        { update_id: 11, handled_at: new Date(NOW.getTime() - 3_600_000).toISOString() },
      ])
      .execute();
    const message = async (key: string, state: OutboxState, dueDaysAgo: number) => {
      const id = await insertOutboxRow(db, { kind: "booking_reminder", recipientId: 1, dueAt: daysAgo(dueDaysAgo), state });
      await db.updateTable("outbox").set({ dedupe_key: key }).where("id", "=", id).execute();
    };
    const old = FINISHED_MESSAGE_DAYS + 1;
    await message("old-sent", "sent", old);
    await message("old-cancelled", "cancelled", old);
    await message("old-expired", "expired", old);
    await message("old-failed", "failed", old);
    // Not finished, however old: still to be sent, or being sent.
    await message("old-pending", "pending", old);
    await message("old-sending", "sending", old);
    await message("recent-sent", "sent", FINISHED_MESSAGE_DAYS - 1);

    expect(await forgetWhatHasPassed(db, NOW)).toEqual({ flows: 1, handledUpdates: 1, messages: 4 });
    expect(await keys(db)).toEqual({ flows: ["chat:2"], updates: [11], messages: ["old-pending", "old-sending", "recent-sent"] });
    expect(await forgetWhatHasPassed(db, NOW)).toEqual({ flows: 0, handledUpdates: 0, messages: 0 });
  });

  it("forgets a bounded batch of each per run, so that a backlog goes over several runs", async () => {
    store = await createTestDb();
    const { db } = store;
    // Flows and messages a little over two runs' worth.
    const backlog = 2 * FORGOTTEN_PER_RUN + 100;
    await fillWithHistory(db, { people: backlog, bookings: 0, outbox: backlog + 10, idleFlows: backlog }, NOW);
    const runs = [];
    for (let i = 0; i < 4; i++) runs.push(await forgetWhatHasPassed(db, NOW));
    expect(runs.map((r) => r.flows)).toEqual([FORGOTTEN_PER_RUN, FORGOTTEN_PER_RUN, 100, 0]);
    expect(runs[0]!.messages).toBe(FORGOTTEN_PER_RUN);
    expect(runs[3]!.messages).toBe(0);
  });

  it("leaves a flow in use working, while an abandoned one is simply gone", async () => {
    h = await createHarness({ now: NOW.toISOString() });
    const ru = (key: string) => h!.i18n.t("ru", key);
    const signUpToName = async (id: number) => {
      const u = h!.user({ id, first_name: "Тест", language_code: "ru" });
      await u.send("/start");
      await u.press("su-lang:ru");
      await u.press("su-start:go");
      await u.press("su-consent:yes");
      return u;
    };
    const away = await signUpToName(901);
    h.clock.advance((ABANDONED_FLOW_DAYS + 1) * DAY_MS);
    const here = await signUpToName(902);

    expect(await forgetWhatHasPassed(h.db, h.clock.now())).toMatchObject({ flows: 1 });

    expect(h.texts(await here.send("Дана"))).toEqual([ru("signup-ask-age")]);
    expect(h.texts(await away.send("Дана"))).toEqual([ru("unknown-message"), ru("menu-title")]);
  });
});
