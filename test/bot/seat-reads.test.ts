import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertEvent } from "../support/events.js";
import { insertCenter } from "../support/fixtures.js";
import { createHarness, createTestDb, type Harness } from "../support/harness.js";
import { StatementLog } from "../support/statements.js";
import { registerUser } from "../support/users.js";

// Monday 23 November 2026, 09:00 in Almaty.
let h: Harness;
let statements: StatementLog;
let concert: number;

beforeEach(async () => {
  statements = new StatementLog();
  h = await createHarness({ store: await createTestDb({ log: statements.log }), now: "2026-11-23T04:00:00Z" });
  await statements.unrecorded(async () => {
    await insertCenter(h.db, { id: "almaly-1", district: "almaly" });
    // Tomorrow 19:00, one seat.
    concert = await insertEvent(h.db, { centerId: "almaly-1", startsAt: "2026-11-24T14:00:00Z", capacity: 1 });
    await registerUser(h.db, 601);
    await registerUser(h.db, 602);
  });
});
afterEach(async () => {
  await h.cleanup();
});

/** How many times the event was read as cards show it (its place, organiser and seats) while `work` ran. */
async function eventViewsRead(work: () => Promise<unknown>): Promise<number> {
  statements.clear();
  await work();
  return statements.runs.filter((sql) => sql.includes('"specialists" as "h"')).length;
}

describe("the seat actions read an event once", () => {
  it("signing up, the card of one's sign-up, and taking an offered seat", async () => {
    const first = h.user({ id: 601, first_name: "Айгерім", language_code: "ru" });
    const second = h.user({ id: 602, first_name: "Дана", language_code: "ru" });
    expect(await eventViewsRead(() => first.press(`ev:join:${concert}`))).toBe(1);
    expect(await eventViewsRead(() => first.press(`ev:e:${concert}`))).toBe(1);
    await second.press(`ev:join:${concert}`);

    const [seat, waiting] = await h.db.selectFrom("event_signups").select(["id", "status"]).orderBy("id").execute();
    expect([seat!.status, waiting!.status]).toEqual(["confirmed", "waitlisted"]);
    await first.press(`ev:cancel:${seat!.id}`);
    await first.press(`ev:cancel-yes:${seat!.id}`);
    expect(await eventViewsRead(() => second.press(`ev:accept:${waiting!.id}`))).toBe(1);
    const after = await h.db.selectFrom("event_signups").select("status").orderBy("id").execute();
    expect(after.map((s) => s.status)).toEqual(["cancelled", "confirmed"]);
  });
});
