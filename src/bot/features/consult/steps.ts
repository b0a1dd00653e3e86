import { InlineKeyboard } from "grammy";
import type { Language } from "../../../domain/language.js";
import { formatDay, type LocalDate } from "../../../domain/time.js";
import type { AppConversation, AppDeps, BaseContext } from "../../context.js";
import { askStep, type Nav } from "../../shared/ask.js";
import { escapeHtml } from "../../shared/format.js";
import { dayAndTime } from "./details.js";
import { offersNear, offersOnDay, openDaysIn, type OfferView, type Scope } from "./offers.js";

/** A step's answer: a value, Back/Cancel, or "none" when there was nothing left to offer. */
export interface StepAnswer<T> {
  ctx: BaseContext;
  choice: T | Nav | "none";
}

/** How many nearby times are offered when the chosen one was taken. */
const ALTERNATIVES = 4;

/** The day: only days of the booking window with at least one open time. */
export async function askDay(
  conversation: AppConversation,
  ctx: BaseContext,
  deps: AppDeps,
  o: { prefix: string; scope: Scope; lang: Language; text: (c: BaseContext) => string },
): Promise<StepAnswer<LocalDate>> {
  const days = await conversation.external(() => openDaysIn(deps.db, o.scope, deps.clock.now()));
  if (days.length === 0) return { ctx, choice: "none" };
  const answer = await askStep(conversation, ctx, o.prefix, days, (c) => {
    const kb = new InlineKeyboard();
    days.forEach((day, i) => {
      kb.text(formatDay(day, o.lang), `${o.prefix}:${day}`);
      if (i % 2 === 1) kb.row();
    });
    return { text: o.text(c), markup: kb };
  });
  return answer;
}

/** The time on a chosen day; each time names the center of the specialist who would take it. */
export async function askTime(
  conversation: AppConversation,
  ctx: BaseContext,
  deps: AppDeps,
  o: { prefix: string; scope: Scope; lang: Language; date: LocalDate },
): Promise<StepAnswer<OfferView>> {
  const list = await conversation.external(() => offersOnDay(deps.db, o.scope, o.date, deps.clock.now()));
  if (list.length === 0) return { ctx, choice: "none" };
  const day = formatDay(o.date, o.lang);
  const oneCenter = list.every((offer) => offer.centerId === list[0]!.centerId);
  const answer = await askStep(
    conversation,
    ctx,
    o.prefix,
    list.map((offer) => offer.time),
    (c) => {
      const kb = new InlineKeyboard();
      list.forEach((offer, i) => {
        // With one center its name is said once above; otherwise each time carries its own.
        kb.text(oneCenter ? offer.time : `${offer.time} · ${offer.centerName[o.lang]}`, `${o.prefix}:${offer.time}`);
        if (!oneCenter || i % 4 === 3) kb.row();
      });
      const text = oneCenter
        ? c.t("consult-ask-time-at", { day, center: escapeHtml(list[0]!.centerName[o.lang]) })
        : c.t("consult-ask-time", { day });
      return { text, markup: kb };
    },
  );
  const offer = list.find((x) => x.time === answer.choice);
  return { ctx: answer.ctx, choice: offer ?? (answer.choice as Nav) };
}

/** After the chosen time was taken meanwhile: the nearest open ones. Back returns to the times. */
export async function askAlternative(
  conversation: AppConversation,
  ctx: BaseContext,
  deps: AppDeps,
  o: { prefix: string; scope: Scope; lang: Language; target: string },
): Promise<StepAnswer<OfferView>> {
  const list = await conversation.external(() => offersNear(deps.db, o.scope, new Date(o.target), deps.clock.now(), ALTERNATIVES));
  if (list.length === 0) return { ctx, choice: "none" };
  const answer = await askStep(
    conversation,
    ctx,
    o.prefix,
    list.map((_, i) => String(i)),
    (c) => {
      const kb = new InlineKeyboard();
      list.forEach((offer, i) => {
        const { day, time } = dayAndTime(offer.startsAt, o.lang);
        kb.text(`${day}, ${time} · ${offer.centerName[o.lang]}`, `${o.prefix}:${i}`).row();
      });
      return { text: c.t("consult-slot-taken"), markup: kb };
    },
  );
  const offer = /^\d+$/.test(answer.choice) ? list[Number(answer.choice)] : undefined;
  return { ctx: answer.ctx, choice: offer ?? (answer.choice as Nav) };
}
