import { InlineKeyboard } from "grammy";
import { cancelBookingByStaff } from "../../../db/bookings.js";
import { specialistAgenda, type AgendaEntry, type StaffMember } from "../../../db/staff.js";
import type { Language } from "../../../domain/language.js";
import { BOOKING_WINDOW_DAYS } from "../../../domain/services.js";
import { addMinutes } from "../../../domain/time-math.js";
import type { BaseContext } from "../../context.js";
import { escapeHtml } from "../../shared/format.js";
import { paged } from "../../shared/paged.js";
import { showScreen } from "../../shared/screen.js";
import { when } from "./agenda.js";
import { cancelChoice, cancelConfirm, cancelsPage } from "./buttons.js";
import { personName } from "./format.js";
import { backToStaffMenu, STAFF_MENU } from "./menu.js";

/** Consultations per page of the list: one button each, well within Telegram's 100. */
const PAGE_SIZE = 10;

/** The specialist's consultations that can still be cancelled: confirmed, not started, soonest first. */
async function cancellableBookings(ctx: BaseContext, member: StaffMember): Promise<AgendaEntry[]> {
  const now = ctx.deps.clock.now();
  // One day beyond the booking window covers the Almaty date boundary on its last day.
  const entries = await specialistAgenda(ctx.deps.db, member.id, now, addMinutes(now, (BOOKING_WINDOW_DAYS + 1) * 24 * 60));
  return entries.filter((e) => e.status === "confirmed" && new Date(e.starts_at) > now);
}

function label(ctx: BaseContext, entry: AgendaEntry, language: Language): string {
  return `${when(entry.starts_at, language)} — ${personName(ctx.t, entry.person_name)}`;
}

/**
 * The upcoming consultations, a page at a time, each a button that asks before cancelling it;
 * `done` heads the screen with what was just cancelled.
 */
export async function showCancellable(ctx: BaseContext, member: StaffMember, page: number, done?: string): Promise<void> {
  const entries = await cancellableBookings(ctx, member);
  const headed = (text: string) => (done ? `${done}\n\n${text}` : text);
  if (entries.length === 0) {
    await showScreen(ctx, headed(ctx.t("staff-cancel-none")), backToStaffMenu(ctx));
    return;
  }
  const language = ctx.language;
  const buttons = entries.map((e) => ({ text: label(ctx, e, language), data: cancelChoice.pack({ booking: e.id }) }));
  const kb = paged(ctx, buttons, page, PAGE_SIZE, (p) => cancelsPage.pack({ page: p })).text(ctx.t("button-back"), STAFF_MENU);
  await showScreen(ctx, headed(ctx.t("staff-cancel-choose")), kb);
}

/** A consultation chosen from the list: asked once more, in the list's place, since the person is told at once. */
export async function askToCancel(ctx: BaseContext, member: StaffMember, bookingId: number): Promise<void> {
  const entry = (await cancellableBookings(ctx, member)).find((e) => e.id === bookingId);
  if (!entry) return refuse(ctx);
  await ctx.answerCallbackQuery();
  const language = ctx.language;
  await showScreen(
    ctx,
    ctx.t("staff-cancel-confirm", { consultation: escapeHtml(label(ctx, entry, language)) }),
    new InlineKeyboard().text(ctx.t("staff-button-cancel-yes"), cancelConfirm.pack({ booking: entry.id })).row().text(ctx.t("button-back"), STAFF_MENU),
  );
}

/**
 * "Yes, cancel": the person is told and offered another time; the question becomes the list of
 * what is left, headed by what was cancelled. Another specialist's booking is answered like one
 * that can no longer be cancelled, and stays as it was.
 */
export async function cancelFromButton(ctx: BaseContext, member: StaffMember, bookingId: number): Promise<void> {
  const entry = (await cancellableBookings(ctx, member)).find((e) => e.id === bookingId);
  if (!entry) return refuse(ctx);
  const result = await cancelBookingByStaff(ctx.deps.db, { bookingId, specialistId: member.id }, ctx.deps.clock.now());
  ctx.log.info({ booking_id: bookingId, outcome: result.kind }, "booking cancellation by its specialist");
  if (result.kind !== "cancelled") return refuse(ctx);
  await ctx.answerCallbackQuery({ text: ctx.t("staff-cancelled-alert") });
  await showCancellable(ctx, member, 0, ctx.t("staff-cancelled", { consultation: escapeHtml(label(ctx, entry, ctx.language)) }));
}

async function refuse(ctx: BaseContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t("staff-cancel-unavailable"), show_alert: true });
}
