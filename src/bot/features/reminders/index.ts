import { updateUser } from "../../../db/users.js";
import type { NoticeRenderers } from "../../../scheduler/notice.js";
import type { AppContext, Flow } from "../../context.js";
import { bookingReminderButtons, renderBookingReminder } from "./booking-reminder.js";
import { rebookButtons, renderCalendarCancelledByStaff, renderCancelledByStaff } from "./cancelled-by-staff.js";
import { FEEDBACK_COMMENT, feedbackButtons, feedbackCommentConversation, renderFeedbackRequest } from "./feedback.js";
import { practiceNudgeSettings, renderPracticeNudge } from "./practice-nudge.js";
import { Handlers } from "../../shared/handlers.js";


/** The messages this feature sends on its own, registered in src/bot/notices.ts. */
export const reminderRenderers = {
  booking_reminder: renderBookingReminder,
  booking_feedback: renderFeedbackRequest,
  booking_cancelled_by_staff: renderCancelledByStaff,
  booking_calendar_cancelled: renderCalendarCancelledByStaff,
  practice_nudge: renderPracticeNudge,
} satisfies NoticeRenderers;

/** Buttons under reminders, feedback requests and nudges, and the nudge's settings. */
export const remindersFlows: Flow[] = [{ id: FEEDBACK_COMMENT, build: feedbackCommentConversation }];

export const remindersFeature = new Handlers<AppContext>().chatType("private");

// Someone marked as having blocked the bot writes again: they can be reached once more.
remindersFeature.use(async (ctx, next) => {
  if (ctx.account?.blocked_at) {
    await updateUser(ctx.deps.db, ctx.account.id, { blocked_at: null }, ctx.deps.clock.now());
    ctx.account = { ...ctx.account, blocked_at: null };
  }
  await next();
});

remindersFeature.use(bookingReminderButtons, feedbackButtons, practiceNudgeSettings, rebookButtons);
