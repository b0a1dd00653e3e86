/** A consultation is rated from 1 (poor) to 5 (excellent), once, by its person. */
export const FEEDBACK_SCORES = [1, 2, 3, 4, 5] as const;
export type FeedbackScore = (typeof FEEDBACK_SCORES)[number];

/** The optional comment after a rating: a few sentences, not a letter. */
export const FEEDBACK_COMMENT_MAX_LENGTH = 300;

export function isFeedbackScore(value: number): value is FeedbackScore {
  return (FEEDBACK_SCORES as readonly number[]).includes(value);
}

/** A typed comment, trimmed; null when empty or longer than the limit. */
export function parseFeedbackComment(text: string): string | null {
  const comment = text.trim();
  return comment.length > 0 && comment.length <= FEEDBACK_COMMENT_MAX_LENGTH ? comment : null;
}

/**
 * Whether a consultation in this status is worth asking about: it took place ("attended") or
 * nobody has marked it yet ("confirmed"). Cancelled, moved and missed ones are not.
 */
export function mayAskFeedback(status: string): boolean {
  return status === "confirmed" || status === "attended";
}

/** Why a rating cannot be taken; each is a different answer to the person. */
export type FeedbackRefusal = "not-yours" | "not-held" | "too-early" | "already-given";

export interface RateableBooking {
  userId: number | null;
  status: string;
  endsAt: Date;
  score: number | null;
}

/** Null when `personId` may rate `booking` now; otherwise why not. An unknown booking is not theirs. */
export function feedbackRefusal(booking: RateableBooking | undefined, personId: number, now: Date): FeedbackRefusal | null {
  if (!booking || booking.userId !== personId) return "not-yours";
  if (!mayAskFeedback(booking.status)) return "not-held";
  if (booking.endsAt > now) return "too-early";
  if (booking.score !== null) return "already-given";
  return null;
}
