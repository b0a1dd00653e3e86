import { InlineKeyboard } from "grammy";
import { listOwnBookings, type BookingDetails } from "../../../db/bookings.js";
import type { Language } from "../../../domain/language.js";
import type { BaseContext } from "../../context.js";
import { startRow } from "../../shared/ask.js";
import { menuEntryData, menuOpenButton } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { bookingVars, describeBooking, factsOfBooking } from "../consult/details.js";
import { calendarFile, cancelBooking, rescheduleBooking } from "./buttons.js";

/** Buttons of an upcoming booking. Reminder messages carry the same `mybk:` data. */
function upcomingKeyboard(ctx: BaseContext, booking: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t("bookings-button-calendar"), calendarFile.pack({ booking }))
    .row()
    .text(ctx.t("bookings-button-reschedule"), rescheduleBooking.pack({ booking }))
    .text(ctx.t("bookings-button-cancel"), cancelBooking.pack({ booking }));
}

function pastLine(ctx: BaseContext, lang: Language, b: BookingDetails): string {
  const status = ctx.t(`bookings-status-${b.status}`);
  return ctx.t("bookings-past-line", { ...bookingVars(ctx, lang, factsOfBooking(b, lang)), status });
}

/**
 * "My bookings": each upcoming one with its buttons, then the latest past ones, then the menu.
 * A single message is a screen; several come as new messages, each booking keeping its buttons.
 */
export async function showBookings(ctx: BaseContext): Promise<void> {
  const lang = ctx.language;
  const { upcoming, past } = await listOwnBookings(ctx.deps.db, ctx.from!.id, ctx.deps.clock.now());
  const messages: { text: string; markup: InlineKeyboard }[] = [];

  if (upcoming.length === 0) {
    messages.push({
      text: ctx.t("bookings-none-upcoming"),
      markup: new InlineKeyboard().text(ctx.t("menu-consult"), menuEntryData("consult")),
    });
  } else {
    messages.push({ text: ctx.t("bookings-upcoming-title", { count: upcoming.length }), markup: new InlineKeyboard() });
    for (const b of upcoming) {
      const text = `${describeBooking(ctx, lang, factsOfBooking(b, lang))}\n${ctx.t("bookings-status-line", { status: ctx.t("bookings-status-confirmed") })}`;
      messages.push({ text, markup: upcomingKeyboard(ctx, b.id) });
    }
  }
  if (past.length > 0) {
    const lines = past.map((b) => pastLine(ctx, lang, b));
    messages.push({ text: `${ctx.t("bookings-past-title")}\n\n${lines.join("\n")}`, markup: new InlineKeyboard() });
  }
  startRow(messages[messages.length - 1]!.markup).text(ctx.t("button-menu"), menuOpenButton.pack());

  const markupOf = (m: (typeof messages)[number]) => (m.markup.inline_keyboard.some((row) => row.length > 0) ? m.markup : undefined);
  if (messages.length === 1) return showScreen(ctx, messages[0]!.text, markupOf(messages[0]!));
  for (const m of messages) await ctx.reply(m.text, { reply_markup: markupOf(m) });
}
