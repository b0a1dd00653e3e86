import { describe, expect, it } from "vitest";
import { defineCallback, defineStep, int, key, oneOf, optional, stepButtons, choice } from "../../src/bot/shared/callback-data.js";

describe("a callback codec", () => {
  const session = defineCallback("test-s", { id: int(12), level: oneOf(["beginner", "all"]), page: optional(int(3)) }, { screen: true });

  it("packs typed values in order and reads them back", () => {
    expect(session.pack({ id: 42, level: "beginner", page: 3 })).toBe("test-s:42:beginner:3");
    expect(session.pack({ id: 42, level: "all" })).toBe("test-s:42:all");
    expect(session.match("test-s:42:beginner:3")).toEqual({ id: 42, level: "beginner", page: 3 });
    expect(session.match("test-s:42:all")).toEqual({ id: 42, level: "all" });
  });

  it("reads forged or malformed data as none of its own", () => {
    for (const data of ["test-s", "test-s:", "test-s:x:all", "test-s:42:expert", "test-s:42:all:1000", "test-s:42:all:1:2", "test-sx:42:all", undefined]) {
      expect(session.match(data)).toBeNull();
    }
  });

  it("refuses to pack a value that does not fit its field", () => {
    expect(() => session.pack({ id: -1, level: "all" })).toThrow(/does not fit/);
    expect(() => session.pack({ id: 1.5, level: "all" })).toThrow(/does not fit/);
    expect(() => session.pack({ id: 10 ** 12, level: "all" })).toThrow(/does not fit/);
    expect(() => session.pack({ id: 1, level: "expert" as "all" })).toThrow(/does not fit/);
  });

  it("refuses data over Telegram's 64 bytes", () => {
    const long = defineCallback("test-long", { a: key(40), b: key(40) });
    expect(long.pack({ a: "x".repeat(20), b: "y".repeat(20) })).toHaveLength(51);
    expect(() => long.pack({ a: "x".repeat(30), b: "y".repeat(30) })).toThrow(/over the limit/);
  });

  it("is declared once per prefix, with optional fields last", () => {
    expect(() => defineCallback("test-s")).toThrow(/twice/);
    expect(() => defineCallback("test-opt", { a: optional(int()), b: int() })).toThrow(/optional fields come last/);
    expect(() => defineCallback("Test:Upper")).toThrow(/lower-case/);
  });

  it("gives a handler's trigger only for a screen: a flow reads its own steps", () => {
    expect(session.filter().test("test-s:1:all")).toBe(true);
    expect(session.unpack("test-s:1:all:2")).toEqual({ id: 1, level: "all", page: 2 });
    const step = defineCallback("test-step", { choice: choice() });
    expect(() => step.filter()).toThrow(/not a screen/);
  });
});

describe("a step's buttons", () => {
  it("answer with the choice, a time with its colon included", () => {
    const step = defineStep("test-time");
    expect(step.data("10:00:almaly-1")).toBe("test-time:10:00:almaly-1");
    expect(step.choiceOf("test-time:10:00:almaly-1")).toBe("10:00:almaly-1");
    expect(step.choiceOf("test-day:10:00")).toBeNull();
  });

  it("of one exercise are not another's", () => {
    const exercise = defineCallback("test-pr", { run: int(12), n: int(3), choice: choice(12) });
    const third = stepButtons(exercise, { run: 7, n: 3 });
    expect(third.data("show")).toBe("test-pr:7:3:show");
    expect(third.choiceOf("test-pr:7:3:show")).toBe("show");
    expect(third.choiceOf("test-pr:7:2:show")).toBeNull();
    expect(third.choiceOf("test-pr:8:3:show")).toBeNull();
  });
});
