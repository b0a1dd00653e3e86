import { InlineKeyboard } from "grammy";
import { findOwnBooking } from "../../../db/bookings.js";
import type { NoticeRenderer } from "../../../scheduler/notice.js";
import { consultationWhen } from "./when.js";

/**
 * "Your consultation will not take place: the specialist cannot see you", with the way to book
 * another time. Nothing if the booking is not one its specialist cancelled.
 */
export const renderCancelledByStaff: NoticeRenderer = async ({ row, payload, language, t, db, now }) => {
  const bookingId = Number(payload.bookingId);
  if (!Number.isSafeInteger(bookingId)) return null;
  const booking = await findOwnBooking(db, row.recipient_id, bookingId);
  if (booking?.status !== "cancelled" || booking.cancelled_by !== "specialist") return null;
  return {
    text: t("reminders-cancelled-by-staff", {
      service: t(`service-${booking.service}`),
      when: consultationWhen(t, language, new Date(booking.starts_at), now),
    }),
    reply_markup: new InlineKeyboard().text(t("reminders-button-book-again"), "menu:consult").row().text(t("button-menu"), "menu:open"),
  };
};
