import { InlineKeyboard } from "grammy";
import {
  bookingsAwaitingMark,
  markAttendance,
  specialistAgenda,
  type AgendaEntry,
  type AttendanceMark,
  type StaffMember,
} from "../../../db/staff.js";
import type { Language } from "../../../domain/language.js";
import { AGENDA_WEEK_DAYS, agendaWindow, MARK_LOOKBACK_DAYS } from "../../../domain/staff.js";
import { addMinutes } from "../../../domain/time-math.js";
import { formatDay, localDateOf, localTimeOf } from "../../../domain/time.js";
import type { BaseContext } from "../../context.js";
import { contextLanguage } from "../../i18n.js";
import { isChatLinkRefused } from "../../shared/chat-link.js";
import { dayAndTime } from "../../shared/format.js";
import { agendaLine, chatButton, packMessages, personName } from "./format.js";
import { backToStaffMenu } from "./menu.js";

/** Two buttons per consultation, and Telegram allows 100 buttons on a message. */
const MARKS_PER_MESSAGE = 40;

/**
 * Sends the agenda's messages; the last one carries the buttons that open the chats of the
 * online consultations' people who have no username, and the way back to the staff menu.
 * Should Telegram refuse a chat button (someone's privacy settings), that message goes again
 * without them, followed by a word on why.
 */
async function sendAgenda(ctx: BaseContext, blocks: string[], entries: AgendaEntry[] = []): Promise<void> {
  const messages = packMessages(blocks);
  const last = messages.pop()!;
  for (const text of messages) await ctx.reply(text, { parse_mode: "HTML" });
  const chats = entries.filter((e) => e.status === "confirmed").flatMap((e) => chatButton(ctx.t, e, localTimeOf(new Date(e.starts_at))) ?? []);
  const keyboard = new InlineKeyboard(chats.map((b) => [b]));
  try {
    await ctx.reply(last, { parse_mode: "HTML", reply_markup: keyboard.append(backToStaffMenu(ctx)) });
  } catch (err) {
    if (chats.length === 0 || !isChatLinkRefused(err)) throw err;
    await ctx.reply(last, { parse_mode: "HTML" });
    await ctx.reply(ctx.t("staff-contact-refused-some"), { reply_markup: backToStaffMenu(ctx) });
  }
}

/** Today's consultations, then those that wait for a mark. */
export async function showToday(ctx: BaseContext, member: StaffMember): Promise<void> {
  const now = ctx.deps.clock.now();
  const language = await contextLanguage(ctx);
  const window = agendaWindow(now, 1);
  const entries = await specialistAgenda(ctx.deps.db, member.id, window.from, window.to);
  const title = ctx.t("staff-agenda-today-title", { day: formatDay(window.dates[0]!, language) });
  const lines = entries.length > 0 ? entries.map((e) => agendaLine(ctx.t, e)) : [ctx.t("staff-agenda-empty-day")];
  await sendAgenda(ctx, [title, ...lines], entries);
  await showMarks(ctx, member, now, language);
}

/** The next seven days, day by day; days without consultations are left out. */
export async function showWeek(ctx: BaseContext, member: StaffMember): Promise<void> {
  const now = ctx.deps.clock.now();
  const language = await contextLanguage(ctx);
  const window = agendaWindow(now, AGENDA_WEEK_DAYS);
  const entries = await specialistAgenda(ctx.deps.db, member.id, window.from, window.to);
  const title = ctx.t("staff-agenda-week-title", {
    from: formatDay(window.dates[0]!, language),
    to: formatDay(window.dates.at(-1)!, language),
  });
  if (entries.length === 0) return sendAgenda(ctx, [title, ctx.t("staff-agenda-week-empty")]);
  const days = window.dates
    .map((date) => ({ date, entries: entries.filter((e) => localDateOf(new Date(e.starts_at)) === date) }))
    .filter((d) => d.entries.length > 0)
    .map((d) => [`<b>${formatDay(d.date, language)}</b>`, ...d.entries.map((e) => agendaLine(ctx.t, e))].join("\n"));
  await sendAgenda(ctx, [title, ...days], entries);
}

/** Started consultations of the last days still "confirmed": numbered, with a pair of buttons each. */
async function showMarks(ctx: BaseContext, member: StaffMember, now: Date, language: Language): Promise<void> {
  const since = addMinutes(now, -MARK_LOOKBACK_DAYS * 24 * 60);
  const pending = await bookingsAwaitingMark(ctx.deps.db, member.id, since, now, MARKS_PER_MESSAGE);
  if (pending.length === 0) return;
  const lines = pending.map((b, i) => `${i + 1}. ${when(b, language)} — ${personName(ctx.t, b.person_name)}`);
  const kb = new InlineKeyboard();
  pending.forEach((b, i) => {
    kb.text(ctx.t("staff-button-attended", { n: i + 1 }), `staff:mark:${b.id}:a`)
      .text(ctx.t("staff-button-no-show", { n: i + 1 }), `staff:mark:${b.id}:n`)
      .row();
  });
  await ctx.reply([ctx.t("staff-marks-title"), ...lines].join("\n"), { parse_mode: "HTML", reply_markup: kb });
}

function when(b: AgendaEntry, language: Language): string {
  const { day, time } = dayAndTime(b.starts_at, language);
  return `${day}, ${time}`;
}

const MARKS: Record<string, AttendanceMark> = { a: "attended", n: "no_show" };

/**
 * A press on "attended" / "no-show". The booking id in the button is checked against the
 * presser: another specialist's booking is answered as unknown and stays as it was.
 */
export async function markFromButton(ctx: BaseContext, member: StaffMember, bookingId: number, code: string): Promise<void> {
  const status = MARKS[code];
  if (!status) {
    await ctx.answerCallbackQuery({ text: ctx.t("stale-button-alert") });
    return;
  }
  const result = await markAttendance(ctx.deps.db, { bookingId, specialistId: member.id, status }, ctx.deps.clock.now());
  if (!result.ok) {
    ctx.log.info({ booking_id: bookingId, reason: result.reason }, "attendance mark refused");
    const text =
      result.reason === "already-marked"
        ? ctx.t("staff-mark-already", { status: ctx.t(`staff-status-${result.status}`) })
        : ctx.t(`staff-mark-${result.reason}`);
    await ctx.answerCallbackQuery({ text, show_alert: true });
    return;
  }
  ctx.log.info({ booking_id: bookingId, status }, "attendance marked");
  const language = await contextLanguage(ctx);
  const text = ctx.t(status === "attended" ? "staff-marked-attended" : "staff-marked-no-show", {
    when: when(result.booking, language),
    name: personName(ctx.t, result.booking.person_name),
  });
  await ctx.answerCallbackQuery({ text: ctx.t(`staff-status-${status}`) });
  await ctx.reply(text, { parse_mode: "HTML" });
}
