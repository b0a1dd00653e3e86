import { InlineKeyboard } from "grammy";
import { cancelBooking, findOwnBooking, isUpcoming, type BookingDetails } from "../../../db/bookings.js";
import type { AppContext, Flow } from "../../context.js";
import { menuButton, menuEntryData } from "../../shared/keyboards.js";
import { recordAnswer, showScreen } from "../../shared/screen.js";
import { describeBooking, factsOfBooking, sendCalendarFile } from "../consult/details.js";
import { requireAccount } from "../menu/menu.js";
import { calendarFile, cancelBooking as cancelButton, confirmCancel, keepBooking, rescheduleBooking } from "./buttons.js";
import { showBookings } from "./list.js";
import { RESCHEDULE, rescheduleConversation } from "./reschedule.js";
import { Handlers } from "../../shared/handlers.js";

export const bookingsFlows: Flow[] = [{ id: RESCHEDULE, build: rescheduleConversation }];

export const bookingsFeature = new Handlers<AppContext>().chatType("private");

bookingsFeature.callbackQuery(menuEntryData("bookings"), async (ctx) => {
  await ctx.answerCallbackQuery();
  if (await requireAccount(ctx, "bookings")) await showBookings(ctx);
});

/**
 * The booking a `mybk:<action>:<id>` button names, if it is the presser's own and still ahead.
 * Otherwise the press is answered (forged or unknown id, or already cancelled, moved or past)
 * and nothing happens. Always answers the callback query when it returns undefined.
 */
async function upcomingOwnBooking(ctx: AppContext, id: number): Promise<BookingDetails | undefined> {
  const booking = await findOwnBooking(ctx.deps.db, ctx.from!.id, id);
  if (!booking) {
    ctx.log.warn({ booking_id: id, outcome: "not-own" }, "booking button for a booking that is not the presser's");
    return refuse(ctx, "not-found");
  }
  if (!isUpcoming(booking, ctx.deps.clock.now())) return refuse(ctx, "not-active");
  return booking;
}

/** Answers a press on a booking that cannot be acted on, in the alert and in the chat. */
async function refuse(ctx: AppContext, reason: "not-found" | "not-active"): Promise<undefined> {
  await ctx.answerCallbackQuery({ text: ctx.t(`bookings-${reason}-alert`) });
  await ctx.reply(ctx.t(`bookings-${reason}`), { reply_markup: menuButton(ctx.t) });
  return undefined;
}

bookingsFeature.callbackQuery(cancelButton.filter(), async (ctx) => {
  const booking = await upcomingOwnBooking(ctx, cancelButton.unpack(ctx.match).booking);
  if (!booking) return;
  await ctx.answerCallbackQuery();
  const lang = ctx.language;
  await showScreen(
    ctx,
    ctx.t("bookings-cancel-confirm", { details: describeBooking(ctx, lang, factsOfBooking(booking, lang)) }),
    new InlineKeyboard()
      .text(ctx.t("bookings-button-cancel-yes"), confirmCancel.pack({ booking: booking.id }))
      .row()
      .text(ctx.t("bookings-button-keep"), keepBooking.pack({ booking: booking.id })),
  );
});

/**
 * Cancels, then sends the file that takes the consultation out of the person's calendar. The
 * question stays as a record of the answer above the confirmation.
 */
bookingsFeature.callbackQuery(confirmCancel.filter(), async (ctx) => {
  const id = confirmCancel.unpack(ctx.match).booking;
  const now = ctx.deps.clock.now();
  // Straight to the database, which also finds a booking this very press cancelled before a
  // crash: handled again, the press still gets its confirmation and calendar file.
  const outcome = await cancelBooking(ctx.deps.db, ctx.from.id, id, now);
  ctx.log.info({ booking_id: id, outcome: outcome.kind }, "booking cancellation");
  if (outcome.kind !== "cancelled") return refuse(ctx, outcome.kind);
  await ctx.answerCallbackQuery({ text: ctx.t("bookings-cancelled-alert") });
  await recordAnswer(ctx);
  await ctx.reply(ctx.t("bookings-cancelled"), { reply_markup: menuButton(ctx.t) });
  const cancelled = (await findOwnBooking(ctx.deps.db, ctx.from.id, id))!;
  await sendCalendarFile(ctx, cancelled, ctx.language, "cancelled", now);
});

bookingsFeature.callbackQuery(keepBooking.filter(), async (ctx) => {
  const booking = await upcomingOwnBooking(ctx, keepBooking.unpack(ctx.match).booking);
  if (!booking) return;
  await ctx.answerCallbackQuery();
  await showScreen(ctx, ctx.t("bookings-kept"), menuButton(ctx.t));
});

bookingsFeature.callbackQuery(rescheduleBooking.filter(), async (ctx) => {
  const booking = await upcomingOwnBooking(ctx, rescheduleBooking.unpack(ctx.match).booking);
  if (!booking) return;
  await ctx.answerCallbackQuery();
  await ctx.conversation.enter(RESCHEDULE, booking.id);
});

bookingsFeature.callbackQuery(calendarFile.filter(), async (ctx) => {
  const booking = await upcomingOwnBooking(ctx, calendarFile.unpack(ctx.match).booking);
  if (!booking) return;
  await ctx.answerCallbackQuery();
  const lang = ctx.language;
  await sendCalendarFile(ctx, booking, lang, "added", ctx.deps.clock.now());
});
