import { InlineKeyboard } from "grammy";
import { findOwnBooking, type BookingDetails } from "../../../db/bookings.js";
import type { Db } from "../../../db/database.js";
import type { NoticeRenderer } from "../../../scheduler/notice.js";
import { calendarDocument } from "../consult/details.js";
import { consultationWhen } from "../../shared/when.js";

/** The recipient's booking named in the payload, if its specialist cancelled it. */
async function cancelledByStaff(db: Db, recipientId: number, payload: Record<string, unknown>): Promise<BookingDetails | null> {
  const bookingId = Number(payload.bookingId);
  if (!Number.isSafeInteger(bookingId)) return null;
  const booking = await findOwnBooking(db, recipientId, bookingId);
  return booking?.status === "cancelled" && booking.cancelled_by === "specialist" ? booking : null;
}

/**
 * "Your consultation will not take place: the specialist cannot see you", with the way to book
 * another time. Nothing if the booking is not one its specialist cancelled.
 */
export const renderCancelledByStaff: NoticeRenderer = async ({ row, payload, language, t, db, now }) => {
  const booking = await cancelledByStaff(db, row.recipient_id, payload);
  if (!booking) return null;
  return {
    text: t("reminders-cancelled-by-staff", {
      service: t(`service-${booking.service}`),
      when: consultationWhen(t, language, new Date(booking.starts_at), now),
    }),
    reply_markup: new InlineKeyboard().text(t("reminders-button-book-again"), "menu:consult").row().text(t("button-menu"), "menu:open"),
  };
};

/** The calendar file that takes a consultation its specialist cancelled out of the person's calendar. */
export const renderCalendarCancelledByStaff: NoticeRenderer = async ({ row, payload, language, t, db, now }) => {
  const booking = await cancelledByStaff(db, row.recipient_id, payload);
  if (!booking) return null;
  return { document: calendarDocument(t, booking, language, "cancelled", now) };
};
