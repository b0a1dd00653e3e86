import { describe, expect, it } from "vitest";
import { linkedEventState, periodSpan } from "../../src/domain/events.js";

// Almaty is UTC+5: midnight there is 19:00 UTC the day before.
describe("the days a filter lists", () => {
  it.each([
    // Monday 23 November 2026, 09:00 in Almaty.
    ["today", "2026-11-23T04:00:00Z", "2026-11-23T04:00:00.000Z", "2026-11-23T19:00:00.000Z"],
    ["tomorrow", "2026-11-23T04:00:00Z", "2026-11-23T19:00:00.000Z", "2026-11-24T19:00:00.000Z"],
    ["weekend", "2026-11-23T04:00:00Z", "2026-11-27T19:00:00.000Z", "2026-11-29T19:00:00.000Z"],
    // On Saturday the weekend is under way: from now to Sunday's end.
    ["weekend", "2026-11-28T06:00:00Z", "2026-11-28T06:00:00.000Z", "2026-11-29T19:00:00.000Z"],
    ["weekend", "2026-11-29T06:00:00Z", "2026-11-29T06:00:00.000Z", "2026-11-29T19:00:00.000Z"],
    // The month ahead, to the end of its last day.
    ["all", "2026-11-23T04:00:00Z", "2026-11-23T04:00:00.000Z", "2026-12-23T19:00:00.000Z"],
  ] as const)("%s from %s is [%s, %s)", (period, now, from, to) => {
    const span = periodSpan(period, new Date(now));
    expect([span.from.toISOString(), span.to.toISOString()]).toEqual([from, to]);
  });
});

describe("where a link to an event leads", () => {
  const now = new Date("2026-11-23T04:00:00Z");
  it.each([
    ["scheduled", "2026-11-24T16:00:00Z", "open"],
    // Under way until it ends: a poster at the door still opens its card.
    ["scheduled", "2026-11-23T04:00:01Z", "open"],
    ["scheduled", "2026-11-23T04:00:00Z", "over"],
    ["cancelled", "2026-11-24T16:00:00Z", "cancelled"],
    ["cancelled", "2026-11-20T16:00:00Z", "cancelled"],
  ] as const)("a %s event ending %s: %s", (status, endsAt, state) => {
    expect(linkedEventState({ status, endsAt: new Date(endsAt) }, now)).toBe(state);
  });
});
