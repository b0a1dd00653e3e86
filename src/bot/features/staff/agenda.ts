import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { BookingStatus } from "../../../db/schema.js";
import {
  bookingsAwaitingMark,
  correctableMarks,
  markAttendance,
  specialistAgenda,
  type AgendaEntry,
  type AttendanceChange,
  type StaffMember,
} from "../../../db/staff.js";
import type { AttendanceMark } from "../../../domain/attendance.js";
import type { Language } from "../../../domain/language.js";
import { AGENDA_WEEK_DAYS, agendaWindow, MARK_LOOKBACK_DAYS, markFinalAt } from "../../../domain/staff.js";
import { addMinutes } from "../../../domain/time-math.js";
import { formatDay, localDateOf, localTimeOf } from "../../../domain/time.js";
import { isChatLinkRefused } from "../../../telegram/failures.js";
import type { BaseContext } from "../../context.js";
import { dayAndTime } from "../../shared/format.js";
import { showScreen } from "../../shared/screen.js";
import { agendaLine, chatButton, packMessages, personName } from "./format.js";
import { markAttendanceButton } from "./buttons.js";
import { STAFF_MENU } from "./menu.js";

/** Two buttons per consultation, and Telegram allows 100 buttons on a message. */
const MARKS_PER_MESSAGE = 40;

interface Screen {
  text: string;
  markup?: InlineKeyboard;
  /**
   * Buttons that open people's chats. Telegram refuses the whole message when one of them
   * leads to someone whose privacy settings forbid it; the message then goes without them.
   */
  chats?: InlineKeyboardButton[];
}

/**
 * Shows a screen's messages; the last one carries the way back to the staff menu. A single
 * message takes the place of the one its button was pressed on, unless `keepPressed` (that one
 * still has a use); several come as new messages, since one message cannot become many. A
 * message whose chat buttons Telegram refused goes again without them, followed by a word on
 * why, and that word takes over the way back when the refused message was the last.
 */
async function sendScreens(ctx: BaseContext, screens: Screen[], keepPressed = false): Promise<void> {
  const put = async (text: string, markup: InlineKeyboard | undefined): Promise<void> => {
    if (screens.length === 1 && !keepPressed) await showScreen(ctx, text, markup);
    else await ctx.reply(text, { reply_markup: markup });
  };
  for (const [i, screen] of screens.entries()) {
    const back = i === screens.length - 1 ? [[InlineKeyboard.text(ctx.t("button-back"), STAFF_MENU)]] : [];
    const keyboard = (rows: InlineKeyboardButton[][]): InlineKeyboard | undefined => {
      const filled = rows.filter((row) => row.length > 0);
      return filled.length > 0 ? new InlineKeyboard(filled) : undefined;
    };
    const own = screen.markup?.inline_keyboard ?? [];
    const chats = (screen.chats ?? []).map((b) => [b]);
    try {
      await put(screen.text, keyboard([...chats, ...own, ...back]));
    } catch (err) {
      if (chats.length === 0 || !isChatLinkRefused(err)) throw err;
      await put(screen.text, keyboard(own));
      await ctx.reply(ctx.t("staff-contact-refused-some"), { reply_markup: keyboard(back) });
    }
  }
}

/**
 * The agenda's messages; the last one carries the buttons that open the chats of the online
 * consultations' people who have no username.
 */
function agendaScreens(ctx: BaseContext, blocks: string[], entries: AgendaEntry[]): Screen[] {
  const screens: Screen[] = packMessages(blocks).map((text) => ({ text }));
  const chats = entries.filter((e) => e.status === "confirmed").flatMap((e) => chatButton(ctx.t, e, localTimeOf(new Date(e.starts_at))) ?? []);
  screens[screens.length - 1]!.chats = chats;
  return screens;
}

/** Today's consultations, then those that wait for a mark and the marks still correctable. */
export async function showToday(ctx: BaseContext, member: StaffMember): Promise<void> {
  const now = ctx.deps.clock.now();
  const language = ctx.language;
  const window = agendaWindow(now, 1);
  const entries = await specialistAgenda(ctx.deps.db, member.id, window.from, window.to);
  const title = ctx.t("staff-agenda-today-title", { day: formatDay(window.dates[0]!, language) });
  const lines = entries.length > 0 ? entries.map((e) => agendaLine(ctx.t, e)) : [ctx.t("staff-agenda-empty-day")];
  await sendScreens(ctx, [...agendaScreens(ctx, [title, ...lines], entries), ...(await marksScreens(ctx, member, now, language))]);
}

/** The next seven days, day by day; days without consultations are left out. */
export async function showWeek(ctx: BaseContext, member: StaffMember): Promise<void> {
  const now = ctx.deps.clock.now();
  const language = ctx.language;
  const window = agendaWindow(now, AGENDA_WEEK_DAYS);
  const entries = await specialistAgenda(ctx.deps.db, member.id, window.from, window.to);
  const title = ctx.t("staff-agenda-week-title", {
    from: formatDay(window.dates[0]!, language),
    to: formatDay(window.dates.at(-1)!, language),
  });
  if (entries.length === 0) return sendScreens(ctx, agendaScreens(ctx, [title, ctx.t("staff-agenda-week-empty")], []));
  const days = window.dates
    .map((date) => ({ date, entries: entries.filter((e) => localDateOf(new Date(e.starts_at)) === date) }))
    .filter((d) => d.entries.length > 0)
    .map((d) => [`<b>${formatDay(d.date, language)}</b>`, ...d.entries.map((e) => agendaLine(ctx.t, e))].join("\n"));
  await sendScreens(ctx, agendaScreens(ctx, [title, ...days], entries));
}

/**
 * Started consultations of the last days still "confirmed", numbered with a pair of buttons each;
 * then the marks of the last 24 hours, each with the other mark and an undo.
 */
async function marksScreens(ctx: BaseContext, member: StaffMember, now: Date, language: Language): Promise<Screen[]> {
  const screens: Screen[] = [];
  const since = addMinutes(now, -MARK_LOOKBACK_DAYS * 24 * 60);
  const pending = await bookingsAwaitingMark(ctx.deps.db, member.id, since, now, MARKS_PER_MESSAGE);
  if (pending.length > 0) {
    const markup = new InlineKeyboard();
    pending.forEach((b, i) => {
      markup
        .text(ctx.t("staff-button-attended", { n: i + 1 }), markData(b.id, "attended"))
        .text(ctx.t("staff-button-no-show", { n: i + 1 }), markData(b.id, "no_show"))
        .row();
    });
    const lines = pending.map((b, i) => `${i + 1}. ${when(b.starts_at, language)} — ${personName(ctx.t, b.person_name)}`);
    screens.push({ text: [ctx.t("staff-marks-title"), ...lines].join("\n"), markup });
  }
  const marked = await correctableMarks(ctx.deps.db, member.id, now, MARKS_PER_MESSAGE);
  if (marked.length > 0) {
    const markup = new InlineKeyboard();
    marked.forEach((b, i) => {
      const other = otherMark(b.status);
      markup
        .text(ctx.t(other === "attended" ? "staff-button-attended" : "staff-button-no-show", { n: i + 1 }), markData(b.id, other))
        .text(ctx.t("staff-button-unmark-n", { n: i + 1 }), markData(b.id, "unmark"))
        .row();
    });
    const lines = marked.map((b, i) => `${i + 1}. ${when(b.starts_at, language)} — ${personName(ctx.t, b.person_name)} · ${ctx.t(`staff-status-${b.status}`)}`);
    screens.push({ text: [ctx.t("staff-corrections-title"), ...lines].join("\n"), markup });
  }
  return screens;
}

/** "23 November, Monday, 09:00" in Almaty time. */
export function when(instant: string, language: Language): string {
  const { day, time } = dayAndTime(instant, language);
  return `${day}, ${time}`;
}

function markData(booking: number, change: AttendanceChange): string {
  return markAttendanceButton.pack({ booking, change });
}

function otherMark(status: BookingStatus): AttendanceMark {
  return status === "attended" ? "no_show" : "attended";
}

/**
 * Whether the press came from a list of several consultations' marks: the list keeps the other
 * consultations' buttons, so the answer comes below it instead of in its place.
 */
function pressedOnList(ctx: BaseContext, bookingId: number): boolean {
  const buttons = ctx.callbackQuery?.message?.reply_markup?.inline_keyboard.flat() ?? [];
  return buttons.some((b) => {
    const mark = "callback_data" in b ? markAttendanceButton.match(b.callback_data) : null;
    return mark !== null && mark.booking !== bookingId;
  });
}

/**
 * A press on "attended" / "no-show" / "undo". The booking id in the button is checked against the
 * presser: another specialist's booking is answered as unknown and stays as it was. The answer
 * offers the correction while the mark can still be corrected.
 */
export async function markFromButton(ctx: BaseContext, member: StaffMember, bookingId: number, change: AttendanceChange): Promise<void> {
  const result = await markAttendance(ctx.deps.db, { bookingId, specialistId: member.id, change }, ctx.deps.clock.now());
  if (result.kind !== "marked") {
    ctx.log.info({ booking_id: bookingId, reason: result.kind }, "attendance mark refused");
    const text =
      result.kind === "already-marked"
        ? ctx.t("staff-mark-already", { status: ctx.t(`staff-status-${result.status}`) })
        : ctx.t(`staff-mark-${result.kind}`);
    await ctx.answerCallbackQuery({ text, show_alert: true });
    return;
  }
  ctx.log.info({ booking_id: bookingId, change }, "attendance marked");
  const language = ctx.language;
  const about = { when: when(result.booking.starts_at, language), name: personName(ctx.t, result.booking.person_name) };
  const kb = new InlineKeyboard();
  if (change === "unmark") {
    await ctx.answerCallbackQuery();
    kb.text(ctx.t("staff-button-mark-attended"), markData(bookingId, "attended")).text(ctx.t("staff-button-mark-no-show"), markData(bookingId, "no_show"));
    await sendScreens(ctx, [{ text: ctx.t("staff-unmarked", about), markup: kb }], pressedOnList(ctx, bookingId));
    return;
  }
  const until = markFinalAt(new Date(result.markedAt!)).toISOString();
  const text = [
    ctx.t(change === "attended" ? "staff-marked-attended" : "staff-marked-no-show", about),
    ctx.t("staff-mark-correctable-until", { until: when(until, language) }),
  ].join("\n");
  const other = otherMark(change);
  kb.text(ctx.t(other === "attended" ? "staff-button-mark-attended" : "staff-button-mark-no-show"), markData(bookingId, other))
    .text(ctx.t("staff-button-unmark"), markData(bookingId, "unmark"));
  await ctx.answerCallbackQuery({ text: ctx.t(`staff-status-${change}`) });
  await sendScreens(ctx, [{ text, markup: kb }], pressedOnList(ctx, bookingId));
}
