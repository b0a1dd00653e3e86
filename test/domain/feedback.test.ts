import { describe, expect, it } from "vitest";
import {
  FEEDBACK_COMMENT_MAX_LENGTH,
  feedbackRefusal,
  isFeedbackScore,
  mayAskFeedback,
  parseFeedbackComment,
  type RateableBooking,
} from "../../src/domain/feedback.js";

const now = new Date("2026-11-23T12:00:00Z");
const ended: RateableBooking = { userId: 5, status: "confirmed", endsAt: new Date("2026-11-23T11:00:00Z"), score: null };

describe("feedback rules", () => {
  it("asks only about consultations that took place or are not marked yet", () => {
    expect(["confirmed", "attended", "cancelled", "no_show", "rescheduled"].filter(mayAskFeedback)).toEqual(["confirmed", "attended"]);
  });

  it.each([
    ["the person, after the end", ended, 5, null],
    ["an attended one", { ...ended, status: "attended" }, 5, null],
    ["someone else", ended, 6, "not-yours"],
    ["an unknown booking", undefined, 5, "not-yours"],
    ["a booking erased with its person", { ...ended, userId: null }, 5, "not-yours"],
    ["a cancelled one", { ...ended, status: "cancelled" }, 5, "not-held"],
    ["a missed one", { ...ended, status: "no_show" }, 5, "not-held"],
    ["before the end", { ...ended, endsAt: new Date("2026-11-23T12:30:00Z") }, 5, "too-early"],
    ["a second time", { ...ended, score: 4 }, 5, "already-given"],
  ] as const)("%s → %s", (_label, booking, personId, expected) => {
    expect(feedbackRefusal(booking, personId, now)).toBe(expected);
  });

  it("takes scores 1 to 5 and a trimmed comment within the limit", () => {
    expect([0, 1, 3, 5, 6].filter(isFeedbackScore)).toEqual([1, 3, 5]);
    expect(parseFeedbackComment("  Очень помогли!  ")).toBe("Очень помогли!");
    expect(parseFeedbackComment("   ")).toBeNull();
    expect(parseFeedbackComment("ә".repeat(FEEDBACK_COMMENT_MAX_LENGTH))).toHaveLength(FEEDBACK_COMMENT_MAX_LENGTH);
    expect(parseFeedbackComment("ә".repeat(FEEDBACK_COMMENT_MAX_LENGTH + 1))).toBeNull();
  });
});
