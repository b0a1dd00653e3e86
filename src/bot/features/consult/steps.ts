import { InlineKeyboard } from "grammy";
import type { Language } from "../../../domain/language.js";
import { formatDay, type LocalDate } from "../../../domain/time.js";
import type { AppConversation, AppDeps, BaseContext } from "../../context.js";
import { askStep, type Nav } from "../../shared/ask.js";
import { dayAndTime, escapeHtml } from "../../shared/format.js";
import { dayKeyboard } from "../../shared/keyboards.js";
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
  return askStep(conversation, ctx, o.prefix, days, (c) => ({ text: o.text(c), markup: dayKeyboard(o.prefix, days, o.lang) }));
}

/** The time on a chosen day; each time names the center of the specialist who would take it. */
export async function askTime(
  conversation: AppConversation,
  ctx: BaseContext,
  deps: AppDeps,
  o: { prefix: string; scope: Scope; lang: Language; date: LocalDate },
): Promise<StepAnswer<OfferView>> {
  const list = await conversation.external(() => offersOnDay(deps.db, o.scope, o.date, deps.clock.now()));
  const day = formatDay(o.date, o.lang);
  const oneCenter = list.every((offer) => offer.centerId === list[0]!.centerId);
  return askOffer(conversation, ctx, o.prefix, list, (offer) => offer.time, (c) => {
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
  });
}

/** After the chosen time was taken meanwhile: the nearest open ones. Back returns to the times. */
export async function askAlternative(
  conversation: AppConversation,
  ctx: BaseContext,
  deps: AppDeps,
  o: { prefix: string; scope: Scope; lang: Language; target: string },
): Promise<StepAnswer<OfferView>> {
  const list = await conversation.external(() => offersNear(deps.db, o.scope, new Date(o.target), deps.clock.now(), ALTERNATIVES));
  return askOffer(conversation, ctx, o.prefix, list, (_, i) => String(i), (c) => {
    const kb = new InlineKeyboard();
    list.forEach((offer, i) => {
      const { day, time } = dayAndTime(offer.startsAt, o.lang);
      kb.text(`${day}, ${time} · ${offer.centerName[o.lang]}`, `${o.prefix}:${i}`).row();
    });
    return { text: c.t("consult-slot-taken"), markup: kb };
  });
}

/**
 * Asks for one of `offers`, each answered by the button `<prefix>:<key>`; "none" without asking
 * when there is nothing to offer.
 */
async function askOffer(
  conversation: AppConversation,
  ctx: BaseContext,
  prefix: string,
  offers: OfferView[],
  key: (offer: OfferView, index: number) => string,
  prompt: (ctx: BaseContext) => { text: string; markup: InlineKeyboard },
): Promise<StepAnswer<OfferView>> {
  if (offers.length === 0) return { ctx, choice: "none" };
  const keys = offers.map(key);
  const answer = await askStep(conversation, ctx, prefix, keys, prompt);
  const offer = offers[keys.indexOf(answer.choice)];
  return { ctx: answer.ctx, choice: offer ?? (answer.choice as Nav) };
}
