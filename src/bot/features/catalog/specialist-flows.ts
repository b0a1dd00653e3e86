import { InlineKeyboard } from "grammy";
import type { Schedule } from "../../../db/catalog.js";
import { addSpecialist, countBookingsOutside, findActiveSpecialist, setDateOverride, setWeekdayHours } from "../../../db/specialist-edits.js";
import type { Specialist } from "../../../db/schema.js";
import { SERVICE_CODES, SERVICES, type ServiceCode } from "../../../domain/services.js";
import type { DateOverride, TimeRange } from "../../../domain/slots.js";
import { formatDay, localDateOf, type LocalDate, type Weekday } from "../../../domain/time.js";
import { parseOverrideDate, parseRanges } from "../../../domain/working-hours.js";
import type { AppConversation, AppDeps, BaseContext } from "../../context.js";
import { askChoice, askText } from "../../shared/ask.js";
import { defineStep } from "../../shared/callback-data.js";
import { escapeHtml } from "../../shared/format.js";
import { refuseAdmin } from "../admin/access.js";
import { askLine, stillManages } from "./questions.js";
import { showCatalogSpecialist, showCenterSpecialists, showSpecialistOverrides } from "./specialists.js";

export const CATALOG_NEW_SPECIALIST = "catalog-new-specialist";
export const CATALOG_WEEKDAY = "catalog-weekday";
export const CATALOG_DATE = "catalog-date";

const SPECIALIST_NAME_MAX = 80;
/** "31.12.2026" with room for spaces. */
const DATE_MAX = 20;

/** A specialist's name as people will see it: letters, single spaces. */
function parseSpecialistName(text: string): string | null {
  const value = text.normalize("NFC").replace(/\s+/g, " ").trim();
  return value.length >= 2 && /\p{L}/u.test(value) ? value : null;
}

const serviceStep = defineStep("cat-sp-service");
const onlineStep = defineStep("cat-sp-online");
const rangesStep = defineStep("cat-ranges");
const outsideStep = defineStep("cat-outside");

/** Ends a flow given up: says so, and shows where it started from. */
async function giveUp(ctx: BaseContext, back: () => Promise<void>): Promise<void> {
  await ctx.reply(ctx.t("cancelled"));
  await back();
}

/**
 * A new specialist of a center: their name as people will see it, their service, and whether
 * they also consult online (where the service can be given online). Written with its audit
 * record once every answer is in; their hours come next, from their card.
 */
export function newSpecialistConversation(deps: AppDeps) {
  return async function catalogNewSpecialist(conversation: AppConversation, ctx: BaseContext, start: { centerId: string }): Promise<void> {
    const actorId = ctx.from!.id;
    const name = await askLine(conversation, ctx, {
      prompt: (c) => c.t("catalog-ask-specialist-name", { max: SPECIALIST_NAME_MAX }),
      parse: parseSpecialistName,
      invalid: (c) => c.t("catalog-specialist-name-invalid", { max: SPECIALIST_NAME_MAX }),
      max: SPECIALIST_NAME_MAX,
    });
    ctx = name.ctx;
    const back = (c: BaseContext) => () => showCenterSpecialists(c, start.centerId);
    if ("cancel" in name) return giveUp(ctx, back(ctx));
    const displayName = name.value;
    const service = await askChoice<ServiceCode | "cancel">(conversation, ctx, serviceStep, [...SERVICE_CODES, "cancel"], (c) => {
      const kb = new InlineKeyboard();
      for (const code of SERVICE_CODES) kb.text(c.t(`service-${code}`), serviceStep.data(code)).row();
      return { text: c.t("catalog-ask-specialist-service"), markup: kb.text(c.t("button-cancel"), serviceStep.data("cancel")) };
    });
    ctx = service.ctx;
    if (service.choice === "cancel") return giveUp(ctx, back(ctx));
    let online = false;
    if (SERVICES[service.choice].online) {
      const answer = await askChoice(conversation, ctx, onlineStep, ["yes", "no"] as const, (c) => ({
        text: c.t("catalog-ask-specialist-online"),
        markup: new InlineKeyboard().text(c.t("catalog-yes"), onlineStep.data("yes")).text(c.t("catalog-no"), onlineStep.data("no")),
      }));
      ctx = answer.ctx;
      online = answer.choice === "yes";
    }
    const chosen = service.choice;
    const added = await conversation.external(async () => {
      if (!(await stillManages(ctx, start.centerId))) return null;
      const specialist = await addSpecialist(deps.db, { centerId: start.centerId, service: chosen, displayName, online, actorId }, deps.clock.now());
      ctx.log.info({ specialist_id: specialist.id }, "specialist added");
      return specialist;
    });
    if (!added) return refuseAdmin(ctx);
    await ctx.reply(ctx.t("catalog-specialist-added", { name: escapeHtml(added.display_name) }));
    await showCatalogSpecialist(ctx, added);
  };
}

type Ranges = { ranges: TimeRange[] } | "off" | "cancel";

/** A day's ranges typed, or a day off, or giving up. */
async function askRanges(conversation: AppConversation, ctx: BaseContext, question: (c: BaseContext) => string) {
  return askText<Ranges>(conversation, ctx, {
    prompt: (c) => ({
      text: question(c),
      markup: new InlineKeyboard().text(c.t("catalog-button-day-off"), rangesStep.data("off")).text(c.t("button-cancel"), rangesStep.data("cancel")),
    }),
    parse: (text) => {
      const ranges = parseRanges(text);
      return ranges ? { ranges } : null;
    },
    invalid: (c) => c.t("catalog-ranges-invalid"),
    buttons: rangesStep,
    onButton: (choice) => (choice === "off" || choice === "cancel" ? choice : null),
  });
}

/**
 * When a change would leave booked consultations outside the hours, says how many and asks to
 * go on: they stay booked either way, and the specialist can cancel them. True to go on.
 */
async function confirmOutside(
  conversation: AppConversation,
  ctx: BaseContext,
  deps: AppDeps,
  specialistId: number,
  change: (current: Schedule) => Schedule,
): Promise<{ go: boolean; ctx: BaseContext }> {
  const outside = await conversation.external(() => countBookingsOutside(deps.db, specialistId, change, deps.clock.now()));
  if (outside === 0) return { go: true, ctx };
  const answer = await askChoice(conversation, ctx, outsideStep, ["yes", "cancel"] as const, (c) => ({
    text: c.t("catalog-bookings-outside", { count: outside }),
    markup: new InlineKeyboard().text(c.t("catalog-button-save-anyway"), outsideStep.data("yes")).row().text(c.t("button-cancel"), outsideStep.data("cancel")),
  }));
  return { go: answer.choice === "yes", ctx: answer.ctx };
}

/** The specialist of a flow as it is now, and whether the sender may still manage them. */
async function currentSpecialist(ctx: BaseContext, deps: AppDeps, specialistId: number): Promise<Specialist | "refused" | "gone"> {
  const specialist = await findActiveSpecialist(deps.db, specialistId);
  if (!specialist) return "gone";
  return (await stillManages(ctx, specialist.center_id)) ? specialist : "refused";
}

/** Ends a flow after writing, or after finding it may not or cannot. */
async function afterWrite(ctx: BaseContext, outcome: Specialist | "refused" | "gone", show: (s: Specialist) => Promise<void>): Promise<void> {
  if (outcome === "refused") return refuseAdmin(ctx);
  if (outcome === "gone") {
    await ctx.reply(ctx.t("catalog-specialist-gone"));
    return;
  }
  await ctx.reply(ctx.t("catalog-saved"));
  await show(outcome);
}

/** One weekday of a specialist's hours: its ranges, or a day off. */
export function weekdayConversation(deps: AppDeps) {
  return async function catalogWeekday(conversation: AppConversation, ctx: BaseContext, start: { specialistId: number; weekday: Weekday }): Promise<void> {
    const actorId = ctx.from!.id;
    const { specialistId, weekday } = start;
    const back = (c: BaseContext) => async () => {
      const s = await conversation.external(() => findActiveSpecialist(deps.db, specialistId));
      if (s) await showCatalogSpecialist(c, s);
    };
    const answer = await askRanges(conversation, ctx, (c) => c.t("catalog-ask-weekday", { day: c.t(`catalog-weekday-${weekday}`) }));
    ctx = answer.ctx;
    if (answer.value === "cancel") return giveUp(ctx, back(ctx));
    const ranges = answer.value === "off" ? [] : answer.value.ranges;
    const change = (s: Schedule): Schedule => ({
      weekly: [...s.weekly.filter((w) => w.weekday !== weekday), { weekday, ranges }],
      overrides: s.overrides,
    });
    const confirmed = await confirmOutside(conversation, ctx, deps, specialistId, change);
    ctx = confirmed.ctx;
    if (!confirmed.go) return giveUp(ctx, back(ctx));
    const outcome = await conversation.external(async () => {
      const specialist = await currentSpecialist(ctx, deps, specialistId);
      if (typeof specialist === "string") return specialist;
      await setWeekdayHours(deps.db, { specialist, weekday, ranges, actorId }, deps.clock.now());
      return specialist;
    });
    await afterWrite(ctx, outcome, (s) => showCatalogSpecialist(ctx, s));
  };
}

/** A date that differs from the weekly hours: a day off or a holiday, or other hours on that date. */
export function dateConversation(deps: AppDeps) {
  return async function catalogDate(conversation: AppConversation, ctx: BaseContext, start: { specialistId: number }): Promise<void> {
    const actorId = ctx.from!.id;
    const { specialistId } = start;
    const back = (c: BaseContext) => async () => {
      const s = await conversation.external(() => findActiveSpecialist(deps.db, specialistId));
      if (s) await showSpecialistOverrides(c, s);
    };
    const today = await conversation.external(() => localDateOf(deps.clock.now()));
    const date = await askLine<LocalDate>(conversation, ctx, {
      prompt: (c) => c.t("catalog-ask-date"),
      parse: (text) => parseOverrideDate(text, today),
      invalid: (c) => c.t("catalog-date-invalid"),
      max: DATE_MAX,
    });
    ctx = date.ctx;
    if ("cancel" in date) return giveUp(ctx, back(ctx));
    const day = date.value;
    const answer = await askRanges(conversation, ctx, (c) => c.t("catalog-ask-date-hours", { day: formatDay(day, c.language) }));
    ctx = answer.ctx;
    if (answer.value === "cancel") return giveUp(ctx, back(ctx));
    const override: DateOverride = answer.value === "off" ? { date: day, kind: "off" } : { date: day, kind: "hours", ranges: answer.value.ranges };
    const change = (s: Schedule): Schedule => ({ weekly: s.weekly, overrides: [...s.overrides.filter((o) => o.date !== day), override] });
    const confirmed = await confirmOutside(conversation, ctx, deps, specialistId, change);
    ctx = confirmed.ctx;
    if (!confirmed.go) return giveUp(ctx, back(ctx));
    const outcome = await conversation.external(async () => {
      const specialist = await currentSpecialist(ctx, deps, specialistId);
      if (typeof specialist === "string") return specialist;
      await setDateOverride(deps.db, { specialist, date: day, override, actorId }, deps.clock.now());
      return specialist;
    });
    await afterWrite(ctx, outcome, (s) => showSpecialistOverrides(ctx, s));
  };
}
