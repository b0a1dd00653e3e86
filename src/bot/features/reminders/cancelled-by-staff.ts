import { InlineKeyboard } from "grammy";
import { bookSlot, findOwnBooking, type BookingDetails } from "../../../db/bookings.js";
import type { Db } from "../../../db/database.js";
import { findActiveSpecialist } from "../../../db/specialist-edits.js";
import type { NoticeRenderer } from "../../../scheduler/notice.js";
import type { AppContext, BaseContext } from "../../context.js";
import { clashText } from "../../shared/appointments.js";
import { dayAndTime } from "../../shared/format.js";
import { menuButton, menuEntryData, menuOpenButton } from "../../shared/keyboards.js";
import { offersNear, type OfferView } from "../../shared/offers.js";
import { recordAnswer } from "../../shared/screen.js";
import { consultationWhen } from "../../shared/when.js";
import { limitText } from "../consult/conversation.js";
import { calendarDocument, describeBooking, factsOfBooking, onlineNote, sendCalendarFile, withOnlineNote } from "../consult/details.js";
import { rebookAt } from "./buttons.js";
import { Handlers } from "../../shared/handlers.js";

/** How many free times the notice offers, and how many nearby ones are looked at to choose them. */
const OFFERED_TIMES = 3;
const LOOKED_AT = 24;

/** The recipient's booking named in the payload, if its specialist cancelled it. */
async function cancelledByStaff(db: Db, recipientId: number, payload: Record<string, unknown>): Promise<BookingDetails | null> {
  const bookingId = Number(payload.bookingId);
  if (!Number.isSafeInteger(bookingId)) return null;
  const booking = await findOwnBooking(db, recipientId, bookingId);
  return booking?.status === "cancelled" && booking.cancelled_by === "specialist" ? booking : null;
}

/**
 * The free times nearest to a cancelled consultation: the same specialist's where they have
 * any (but never the cancelled time itself), otherwise the same service's at the same center.
 */
async function nearestFreeTimes(db: Db, booking: BookingDetails, now: Date): Promise<OfferView[]> {
  const target = new Date(booking.starts_at);
  const scope = { service: booking.service, district: booking.district, centerId: booking.center_id, preferredSpecialistId: booking.specialist_id };
  const free = (await offersNear(db, scope, target, now, LOOKED_AT)).filter(
    (o) => !(o.specialistId === booking.specialist_id && o.startsAt === booking.starts_at),
  );
  const own = free.filter((o) => o.specialistId === booking.specialist_id);
  const distance = (o: OfferView) => Math.abs(new Date(o.startsAt).getTime() - target.getTime());
  return (own.length > 0 ? own : free)
    .sort((a, b) => distance(a) - distance(b) || a.startsAt.localeCompare(b.startsAt))
    .slice(0, OFFERED_TIMES)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/**
 * "Your consultation will not take place: the specialist cannot see you", with the nearest free
 * times as buttons that book at once, and the way to choose another time. Nothing if the
 * booking is not one its specialist cancelled.
 */
export const renderCancelledByStaff: NoticeRenderer = async ({ row, payload, language, t, db, now }) => {
  const booking = await cancelledByStaff(db, row.recipient_id, payload);
  if (!booking) return null;
  const times = await nearestFreeTimes(db, booking, now);
  const kb = new InlineKeyboard();
  for (const offer of times) {
    const { day, time } = dayAndTime(offer.startsAt, language);
    const at = new Date(offer.startsAt).getTime() / 60_000;
    kb.text(`🗓 ${day}, ${time}`, rebookAt.pack({ booking: booking.id, specialist: offer.specialistId, at })).row();
  }
  const when = consultationWhen(t, language, new Date(booking.starts_at), now);
  const text = t("reminders-cancelled-by-staff", { service: t(`service-${booking.service}`), when });
  return {
    text: times.length > 0 ? `${text}\n\n${t("reminders-cancelled-free-times")}` : text,
    reply_markup: kb.text(t("reminders-button-book-again"), "menu:consult").row().text(t("button-menu"), "menu:open"),
  };
};

/** The calendar file that takes a consultation its specialist cancelled out of the person's calendar. */
export const renderCalendarCancelledByStaff: NoticeRenderer = async ({ row, payload, language, t, db, now }) => {
  const booking = await cancelledByStaff(db, row.recipient_id, payload);
  if (!booking) return null;
  return { document: calendarDocument(t, booking, language, "cancelled", now) };
};

/**
 * A free time pressed under the notice: booked at once through the same checks as any booking
 * (limits, the time still free, no clash with the person's other appointments), in the mode
 * and with the topic of the cancelled one. Only for the presser's own cancelled booking, and
 * only with a specialist of its service at its center, whatever the button says.
 */
export const rebookButtons = new Handlers<AppContext>().chatType("private");

rebookButtons.callbackQuery(rebookAt.filter(), async (ctx) => {
  const { booking: bookingId, specialist: specialistId, at } = rebookAt.unpack(ctx.match);
  const { db, clock, config } = ctx.deps;
  const now = clock.now();
  const cancelled = await cancelledByStaff(db, ctx.from.id, { bookingId });
  const specialist = cancelled && (await findActiveSpecialist(db, specialistId));
  if (!cancelled || !specialist || specialist.service !== cancelled.service || specialist.center_id !== cancelled.center_id) {
    await ctx.answerCallbackQuery({ text: ctx.t("stale-button-alert") });
    return rebookTaken(ctx);
  }
  const result = await bookSlot(
    db,
    { userId: ctx.from.id, specialistId, startsAt: new Date(at * 60_000), mode: cancelled.mode, topic: cancelled.topic },
    { limits: config.booking, reminderOffsetsMinutes: config.reminderOffsetsMinutes },
    now,
  );
  ctx.log.info({ booking_id: result.kind === "booked" ? result.bookingId : null, specialist_id: specialistId, outcome: result.kind }, "booking from a cancellation notice");
  await ctx.answerCallbackQuery();
  if (result.kind === "taken") return rebookTaken(ctx);
  if (result.kind === "overlap") {
    await ctx.reply(clashText(ctx.t, ctx.language, result.clash, "time"), { reply_markup: rebookElsewhere(ctx) });
    return;
  }
  if (result.kind === "limit") {
    await ctx.reply(limitText(ctx, result.breach, config.booking, cancelled.service), { reply_markup: menuButton(ctx.t) });
    return;
  }
  // The notice's other times are not for booking a second consultation.
  await recordAnswer(ctx);
  const booking = await findOwnBooking(db, ctx.from.id, result.bookingId);
  if (!booking) return;
  const language = ctx.language;
  const written = factsOfBooking(booking, language);
  const confirmation = ctx.t("consult-booked", { details: describeBooking(ctx, language, written) });
  await ctx.reply(withOnlineNote(confirmation, onlineNote(ctx.t, written.mode, ctx.from.username !== undefined)), { reply_markup: menuButton(ctx.t) });
  await sendCalendarFile(ctx, booking, language, "added", now);
});

function rebookElsewhere(ctx: BaseContext): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t("reminders-button-book-again"), menuEntryData("consult")).row().text(ctx.t("button-menu"), menuOpenButton.pack());
}

async function rebookTaken(ctx: BaseContext): Promise<void> {
  await ctx.reply(ctx.t("reminders-rebook-taken"), { reply_markup: rebookElsewhere(ctx) });
}
