import type { BookingStatus } from "../../../db/schema.js";
import { findBookingForStaff } from "../../../db/staff.js";
import type { NoticeRenderer, NoticeRenderers } from "../../../scheduler/notice.js";
import { dayOf, timeRange } from "../../shared/format.js";
import { centerName, chatButton, contactLines, personName, withTopic } from "./format.js";

/**
 * A notice to a specialist about one of their bookings, or null when it no longer applies: the
 * booking is gone or no longer in `statuses`, or its specialist was deactivated. It also renders
 * nothing unless the recipient is the account linked to the booking's own specialist: the
 * details, a sensitive topic among them, go to the assigned specialist only.
 */
function staffBookingNotice(key: string, statuses: readonly BookingStatus[], withContact: boolean): NoticeRenderer {
  return async ({ row, payload, language, t, db }) => {
    const bookingId = Number(payload.bookingId);
    if (!Number.isInteger(bookingId)) return null;
    const booking = await findBookingForStaff(db, bookingId);
    if (!booking || booking.specialist_telegram_id !== row.recipient_id || !statuses.includes(booking.status)) return null;
    const text = t(key, {
      day: dayOf(booking.starts_at, language),
      time: timeRange(booking),
      service: t(`service-${booking.service}`),
      mode: t(`staff-mode-${booking.mode}`),
      center: centerName(booking, language),
      name: personName(t, booking.person_name),
    });
    const message = [withTopic(t, text, booking.topic), ...(withContact ? contactLines(t, booking) : [])].join("\n");
    const button = withContact ? chatButton(t, booking) : null;
    if (!button) return { text: message };
    return {
      text: message,
      reply_markup: { inline_keyboard: [[button]] },
      ifChatLinkRefused: { text: `${message}\n${t("staff-contact-refused")}` },
    };
  };
}

/** The specialists' notices, registered in src/bot/notices.ts. */
export const staffNoticeRenderers = {
  // A booking cancelled before its notice went out is announced by the cancellation alone.
  // Only a new booking says how to reach its person (for an online one): a cancelled one needs no call.
  staff_booking_new: staffBookingNotice("staff-notice-new", ["confirmed"], true),
  staff_booking_cancelled: staffBookingNotice("staff-notice-cancelled", ["cancelled", "rescheduled"], false),
} satisfies NoticeRenderers;
