import { InlineKeyboard } from "grammy";
import { findOwnBooking } from "../../../db/bookings.js";
import { saveFeedbackComment, saveFeedbackScore } from "../../../db/feedback.js";
import {
  FEEDBACK_COMMENT_MAX_LENGTH,
  FEEDBACK_SCORES,
  feedbackRefusal,
  isFeedbackScore,
  mayAskFeedback,
  parseFeedbackComment,
} from "../../../domain/feedback.js";
import type { NoticeRenderer } from "../../../scheduler/notice.js";
import type { AppContext, AppConversation, AppDeps, BaseContext } from "../../context.js";
import { askText } from "../../shared/ask.js";
import { dayOf } from "../../shared/format.js";
import { defineStep } from "../../shared/callback-data.js";
import { menuButton } from "../../shared/keyboards.js";
import { recordAnswer } from "../../shared/screen.js";
import { feedbackScore } from "./buttons.js";
import { Handlers } from "../../shared/handlers.js";

export const FEEDBACK_COMMENT = "feedback-comment";

const commentStep = defineStep("fb-comment");

/** After a consultation: "how was it?" with buttons 1–5, unless it did not take place or was rated. */
export const renderFeedbackRequest: NoticeRenderer = async ({ row, payload, language, t, db }) => {
  const bookingId = Number(payload.bookingId);
  if (!Number.isSafeInteger(bookingId)) return null;
  const booking = await findOwnBooking(db, row.recipient_id, bookingId);
  if (!booking || !mayAskFeedback(booking.status) || booking.feedback_score !== null) return null;
  const kb = new InlineKeyboard();
  for (const score of FEEDBACK_SCORES) kb.text(String(score), feedbackScore.pack({ booking: booking.id, score }));
  return {
    text: t("feedback-ask", {
      service: t(`service-${booking.service}`),
      day: dayOf(booking.starts_at, language),
    }),
    reply_markup: kb,
  };
};

/**
 * A score button: stored once, by the booking's person, after the consultation; the request
 * keeps the score as its record, then the comment step.
 */
export const feedbackButtons = new Handlers<AppContext>().chatType("private");

feedbackButtons.callbackQuery(feedbackScore.filter(), async (ctx, next) => {
  const { booking: bookingId, score } = feedbackScore.unpack(ctx.match);
  if (!isFeedbackScore(score)) return next();
  const { db, clock } = ctx.deps;
  const now = clock.now();
  const booking = await findOwnBooking(db, ctx.from.id, bookingId);
  const rateable = booking && {
    userId: booking.user_id,
    status: booking.status,
    endsAt: new Date(booking.ends_at),
    score: booking.feedback_score,
  };
  // A second press racing the first loses at the guarded update and is told it was already rated.
  const refusal =
    feedbackRefusal(rateable, ctx.from.id, now) ??
    ((await saveFeedbackScore(db, bookingId, ctx.from.id, score, now)).kind === "saved" ? null : "already-given");
  if (refusal) {
    await ctx.answerCallbackQuery({ text: ctx.t(`feedback-${refusal}`), show_alert: true });
    return;
  }
  ctx.log.info({ booking_id: bookingId }, "feedback score stored");
  await ctx.answerCallbackQuery({ text: ctx.t("feedback-thanks-alert") });
  await ctx.conversation.enter(FEEDBACK_COMMENT, bookingId);
});

/** The optional comment after a score: typed text within the limit, or Skip. */
export function feedbackCommentConversation(deps: AppDeps) {
  return async function feedbackComment(conversation: AppConversation, ctx: BaseContext, bookingId: number): Promise<void> {
    const userId = ctx.from!.id;
    // The request keeps the score as its record; the comment is asked below it.
    await recordAnswer(ctx);
    const answer = await askComment(conversation, ctx);
    ctx = answer.ctx;
    const comment = answer.value.comment;
    if (comment === null) {
      await ctx.reply(ctx.t("feedback-comment-skipped"), { reply_markup: menuButton(ctx.t) });
      return;
    }
    const at = await conversation.external(() => deps.clock.now().toISOString());
    await conversation.external(() => saveFeedbackComment(deps.db, bookingId, userId, comment, new Date(at)));
    await ctx.reply(ctx.t("feedback-comment-saved"), { reply_markup: menuButton(ctx.t) });
  };
}

/** The comment within the limit, or Skip (null). */
function askComment(conversation: AppConversation, ctx: BaseContext) {
  const max = FEEDBACK_COMMENT_MAX_LENGTH;
  return askText<{ comment: string | null }>(conversation, ctx, {
    prompt: (c) => ({
      text: c.t("feedback-ask-comment", { max }),
      markup: new InlineKeyboard().text(c.t("button-skip"), commentStep.data("skip")),
    }),
    parse: (text) => {
      const comment = parseFeedbackComment(text);
      return comment === null ? null : { comment };
    },
    invalid: (c) => c.t("feedback-comment-invalid", { max }),
    maxLength: max,
    buttons: commentStep,
    onButton: (choice) => (choice === "skip" ? { comment: null } : null),
  });
}
