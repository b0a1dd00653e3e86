import { InlineKeyboard } from "grammy";
import { findUpcomingOwnBooking } from "../../../db/bookings.js";
import type { NoticeRenderer } from "../../../scheduler/notice.js";
import type { AppContext } from "../../context.js";
import { escapeHtml } from "../../shared/format.js";
import { menuButton, menuEntryData, menuOpenButton } from "../../shared/keyboards.js";
import { recordAnswer, showScreen } from "../../shared/screen.js";
import { cancelBooking, rescheduleBooking } from "../bookings/buttons.js";
import { factsOfBooking, onlineNote, withOnlineNote } from "../consult/details.js";
import { comingButton } from "./buttons.js";
import { consultationWhen } from "../../shared/when.js";
import { Handlers } from "../../shared/handlers.js";

/**
 * "Tomorrow at 14:00: psychologist, <center>" with the buttons to confirm, cancel or move it.
 * Nothing once the booking is no longer upcoming: the row is cancelled instead of sent.
 */
export const renderBookingReminder: NoticeRenderer = async ({ row, recipient, payload, language, t, db, now }) => {
  const bookingId = Number(payload.bookingId);
  if (!Number.isSafeInteger(bookingId)) return null;
  const booking = await findUpcomingOwnBooking(db, row.recipient_id, bookingId, now);
  if (!booking) return null;
  const place = booking.mode === "online" ? t("reminders-online") : escapeHtml(factsOfBooking(booking, language).centerName);
  const text = t("reminders-booking", {
    when: consultationWhen(t, language, new Date(booking.starts_at), now),
    service: t(`service-${booking.service}`),
    place,
  });
  const username = booking.mode === "online" ? recipient?.username : null;
  return {
    text: withOnlineNote(text, onlineNote(t, booking.mode, !!username)),
    reply_markup: new InlineKeyboard()
      .text(t("reminders-button-coming"), comingButton.pack({ booking: booking.id }))
      .row()
      .text(t("reminders-button-cancel"), cancelBooking.pack({ booking: booking.id }))
      .text(t("reminders-button-reschedule"), rescheduleBooking.pack({ booking: booking.id })),
  };
};

/**
 * "I'll come" under a reminder: thanks below it, kept as a record of the answer, if the booking
 * is still the presser's and upcoming; otherwise the reminder gives way to why.
 */
export const bookingReminderButtons = new Handlers<AppContext>().chatType("private");

bookingReminderButtons.callbackQuery(comingButton.filter(), async (ctx) => {
  const now = ctx.deps.clock.now();
  const booking = await findUpcomingOwnBooking(ctx.deps.db, ctx.from.id, comingButton.unpack(ctx.match).booking, now);
  if (!booking) {
    await ctx.answerCallbackQuery({ text: ctx.t("stale-button-alert") });
    await showScreen(
      ctx,
      ctx.t("reminders-not-active"),
      new InlineKeyboard().text(ctx.t("menu-bookings"), menuEntryData("bookings")).text(ctx.t("button-menu"), menuOpenButton.pack()),
    );
    return;
  }
  await ctx.answerCallbackQuery({ text: ctx.t("reminders-coming-alert") });
  await recordAnswer(ctx);
  const when = consultationWhen(ctx.t, ctx.language, new Date(booking.starts_at), now);
  await ctx.reply(ctx.t("reminders-coming-thanks", { when }), { reply_markup: menuButton(ctx.t) });
});
