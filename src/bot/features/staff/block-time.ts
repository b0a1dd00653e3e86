import { InlineKeyboard } from "grammy";
import { loadSchedules } from "../../../db/catalog.js";
import {
  blockTime,
  countConfirmedOverlapping,
  findStaffMember,
  findStaffMemberById,
  listUpcomingBlockedTimes,
  unblockTime,
  type BlockedTime,
  type StaffMember,
} from "../../../db/staff.js";
import type { Language } from "../../../domain/language.js";
import { freeSlots, slotDays, type Slot } from "../../../domain/slots.js";
import {
  BLOCK_STEP_MINUTES,
  BLOCK_WINDOW_DAYS,
  blockEndAfter,
  blockEndOptions,
  blockStartOptions,
  isValidBlock,
  parseClockTime,
} from "../../../domain/staff.js";
import { formatDay, toInstant, type LocalDate, type LocalTime } from "../../../domain/time.js";
import type { AppConversation, AppDeps, BaseContext } from "../../context.js";
import { askChoice, askText, startRow } from "../../shared/ask.js";
import { defineStep, type StepButtons } from "../../shared/callback-data.js";
import { dayOf, timeRange } from "../../shared/format.js";
import { dayKeyboard, gridKeyboard } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { unblockButton } from "./buttons.js";
import { backToStaffMenu, explainStaffOnly, STAFF_MENU } from "./menu.js";

export const STAFF_BLOCK_TIME = "staff-block-time";

/** Time buttons per row: "09:30" fits four abreast on a phone. */
const TIMES_PER_ROW = 4;
/** Upcoming blocks listed for removal; blocks are made at most two weeks ahead, so few exist. */
const BLOCKS_LISTED = 30;

const dateStep = defineStep("stb-date");
const startStep = defineStep("stb-start");
const endStep = defineStep("stb-end");
const confirmStep = defineStep("stb-ok");

function timeKeyboard(buttons: StepButtons, times: LocalTime[]): InlineKeyboard | undefined {
  if (times.length === 0) return undefined;
  return gridKeyboard(
    times.map((time) => InlineKeyboard.text(time, buttons.data(time))),
    TIMES_PER_ROW,
  );
}

/**
 * Blocking a time: date (the next 14 days with working hours) → start → end (30-minute steps
 * within working hours, or typed "HH:MM") → confirm. Confirmed bookings already inside are
 * counted and shown before the confirmation and stay booked: the specialist knows why they block
 * (illness, a meeting) and decides what to do with those people; refusing would leave them no
 * way to close the rest of the time.
 */
export function blockTimeConversation(deps: AppDeps) {
  return async function staffBlockTime(conversation: AppConversation, ctx: BaseContext): Promise<void> {
    const telegramId = ctx.from!.id;
    const setup = await conversation.external(async () => {
      const member = await findStaffMember(deps.db, telegramId);
      if (!member) return null;
      const schedule = (await loadSchedules(deps.db, [member.id])).get(member.id)!;
      return { specialistId: member.id, schedule, now: deps.clock.now().toISOString() };
    });
    if (!setup) return explainStaffOnly(ctx);
    const { specialistId } = setup;
    // A specialist deactivated in the middle of the flow is no longer staff from their next answer on.
    const stillActive = () => conversation.external(async () => (await findStaffMemberById(deps.db, specialistId)) !== undefined);
    const now = new Date(setup.now);
    const language = ctx.language;

    // The working hours cut into steps: the buttons of every step below.
    const grid = freeSlots({
      ...setup.schedule,
      slotMinutes: BLOCK_STEP_MINUTES,
      now,
      days: BLOCK_WINDOW_DAYS,
      minNoticeMinutes: 0,
      busy: [],
    });
    const dates = slotDays(grid);
    if (dates.length === 0) {
      await showScreen(ctx, ctx.t("staff-block-no-days"), backToStaffMenu(ctx));
      return;
    }

    const date = await askBlockDate(conversation, ctx, dates, language);
    ctx = date.ctx;
    if (!(await stillActive())) return explainStaffOnly(ctx);
    const day = formatDay(date.choice, language);

    const start = await askBlockStart(conversation, ctx, blockStartOptions(grid, date.choice), day);
    ctx = start.ctx;
    if (!(await stillActive())) return explainStaffOnly(ctx);

    const end = await askBlockEnd(conversation, ctx, { grid, date: date.choice, day, start: start.value, now });
    ctx = end.ctx;
    if (!(await stillActive())) return explainStaffOnly(ctx);

    const from = toInstant(date.choice, start.value);
    const to = toInstant(date.choice, end.value);
    const inside = await conversation.external(() => countConfirmedOverlapping(deps.db, specialistId, from, to));
    const range = { day, start: start.value, end: end.value };
    const confirm = await askBlockConfirm(conversation, ctx, range, inside);
    ctx = confirm.ctx;
    if (!(await stillActive())) return explainStaffOnly(ctx);
    if (confirm.choice === "no") {
      // Nothing was done: the question gives way to saying so.
      await showScreen(ctx, ctx.t("staff-block-dropped"), backToStaffMenu(ctx));
      return;
    }

    const stored = await conversation.external(() => blockTime(deps.db, { specialistId, start: from, end: to }, deps.clock.now()));
    if (stored.kind === "not-active") return explainStaffOnly(ctx);
    ctx.log.info({ specialist_id: specialistId, block_id: stored.id, confirmed_inside: stored.confirmedInside }, "time blocked");
    const done = [ctx.t("staff-block-done", range)];
    if (stored.confirmedInside > 0) done.push(ctx.t("staff-block-bookings-inside", { count: stored.confirmedInside }));
    await ctx.reply(done.join("\n\n"), { reply_markup: backToStaffMenu(ctx) });
  };
}

/** "Back" is the staff menu's own button: pressed here it leaves the flow for that screen. */
function askBlockDate(conversation: AppConversation, ctx: BaseContext, dates: LocalDate[], language: Language) {
  return askChoice(conversation, ctx, dateStep, dates, (c) => ({
    text: c.t("staff-block-ask-date"),
    markup: startRow(dayKeyboard(dateStep, dates, language)).text(c.t("button-back"), STAFF_MENU),
  }));
}

/** The start: a button of the working hours, or typed. */
function askBlockStart(conversation: AppConversation, ctx: BaseContext, starts: LocalTime[], day: string) {
  return askText(conversation, ctx, {
    prompt: (c) => ({ text: c.t("staff-block-ask-start", { day }), markup: timeKeyboard(startStep, starts) }),
    parse: (text) => parseClockTime(text),
    invalid: (c) => c.t("staff-block-start-invalid"),
    buttons: startStep,
    onButton: (choice) => (starts.includes(choice) ? choice : null),
  });
}

/** The end: a button of the working hours after the start, or typed; it must lie after the start and after now. */
function askBlockEnd(
  conversation: AppConversation,
  ctx: BaseContext,
  at: { grid: Slot[]; date: LocalDate; day: string; start: LocalTime; now: Date },
) {
  const { date, start, now } = at;
  const ends = blockEndOptions(at.grid, date, start);
  const endAfter = blockEndAfter(date, start, now);
  return askText(conversation, ctx, {
    prompt: (c) => ({ text: c.t("staff-block-ask-end", { day: at.day, start }), markup: timeKeyboard(endStep, ends) }),
    parse: (text) => {
      const time = parseClockTime(text);
      return time !== null && isValidBlock(date, start, time, now) ? time : null;
    },
    invalid: (c) => c.t("staff-block-end-invalid", { after: endAfter }),
    buttons: endStep,
    onButton: (choice) => (ends.includes(choice) ? choice : null),
  });
}

/** The summary, with how many confirmed bookings lie inside the time. */
function askBlockConfirm(conversation: AppConversation, ctx: BaseContext, range: { day: string; start: LocalTime; end: LocalTime }, inside: number) {
  return askChoice(conversation, ctx, confirmStep, ["yes", "no"] as const, (c) => ({
    text: [c.t("staff-block-confirm", range), ...(inside > 0 ? [c.t("staff-block-bookings-inside", { count: inside })] : [])].join("\n\n"),
    markup: new InlineKeyboard().text(c.t("staff-button-confirm-block"), confirmStep.data("yes")).text(c.t("button-cancel"), confirmStep.data("no")),
  }));
}

function blockLabel(b: BlockedTime, language: Language): string {
  return `${dayOf(b.starts_at, language)}, ${timeRange(b)}`;
}

/**
 * The specialist's blocks that are not over, each a button that removes it; `done` heads the
 * screen with what was just removed.
 */
export async function showBlockedTimes(ctx: BaseContext, member: StaffMember, done?: string): Promise<void> {
  const blocks = await listUpcomingBlockedTimes(ctx.deps.db, member.id, ctx.deps.clock.now(), BLOCKS_LISTED);
  const headed = (text: string) => (done ? `${done}\n\n${text}` : text);
  if (blocks.length === 0) {
    await showScreen(ctx, headed(ctx.t("staff-blocks-empty")), backToStaffMenu(ctx));
    return;
  }
  const language = ctx.language;
  const kb = new InlineKeyboard();
  for (const b of blocks) kb.text(ctx.t("staff-button-unblock", { when: blockLabel(b, language) }), unblockButton.pack({ block: b.id })).row();
  kb.text(ctx.t("button-back"), STAFF_MENU);
  await showScreen(ctx, headed(ctx.t("staff-blocks-title")), kb);
}

/** Removes one of the presser's own blocks; another's id, or one already removed, changes nothing. */
export async function unblockFromButton(ctx: BaseContext, member: StaffMember, blockId: number): Promise<void> {
  const result = await unblockTime(ctx.deps.db, blockId, member.id);
  if (result.kind === "not-found") {
    await ctx.answerCallbackQuery({ text: ctx.t("staff-unblock-not-found"), show_alert: true });
    return;
  }
  ctx.log.info({ specialist_id: member.id, block_id: blockId }, "time unblocked");
  await ctx.answerCallbackQuery();
  // The list the button was on shows what is left, headed by what was removed.
  await showBlockedTimes(ctx, member, ctx.t("staff-unblocked", { when: blockLabel(result.block, ctx.language) }));
}
