import { InlineKeyboard } from "grammy";
import type { Language } from "../../domain/language.js";
import { formatDay, type LocalDate } from "../../domain/time.js";
import type { AppConversation, AppDeps, BaseContext } from "../context.js";
import { askStep, startRow, type Nav } from "./ask.js";
import type { StepButtons } from "./callback-data.js";
import { dayAndTime, escapeHtml } from "./format.js";
import { dayKeyboard, gridKeyboard } from "./keyboards.js";
import { offersNear, offersOnDay, openDaysIn, type OfferView, type Scope } from "./offers.js";

/** A step's answer: a value, Back/Cancel, or "none" when there was nothing left to offer. */
export interface StepAnswer<T> {
  ctx: BaseContext;
  choice: T | Nav | "none";
}

/** How many nearby times are offered when the chosen one was taken. */
const ALTERNATIVES = 4;

/** Buttons a day step shows under the days, each answering its key. */
export interface ExtraChoices<K extends string> {
  keys: readonly K[];
  add: (kb: InlineKeyboard, c: BaseContext) => void;
}

/** The day: only days of the booking window with at least one open time, then any extra choices. */
export async function askDay<K extends string = never>(
  conversation: AppConversation,
  ctx: BaseContext,
  deps: AppDeps,
  o: { buttons: StepButtons; scope: Scope; lang: Language; text: (c: BaseContext) => string; extra?: ExtraChoices<K> },
): Promise<StepAnswer<LocalDate | K>> {
  const days = await conversation.external(() => openDaysIn(deps.db, o.scope, deps.clock.now()));
  if (days.length === 0) return { ctx, choice: "none" };
  return askStep<LocalDate | K>(conversation, ctx, o.buttons, [...days, ...(o.extra?.keys ?? [])], (c) => {
    const kb = dayKeyboard(o.buttons, days, o.lang);
    if (o.extra) o.extra.add(startRow(kb), c);
    return { text: o.text(c), markup: kb };
  });
}

/** More than this many times at several centers make a screen hard to read: the rest are left out. */
const MAX_TIMES_AT_SEVERAL_CENTERS = 12;

/**
 * The time on a chosen day. Times of one center are short buttons under the center's name;
 * times of several centers are one button per time and center, naming the center.
 */
export async function askTime(
  conversation: AppConversation,
  ctx: BaseContext,
  deps: AppDeps,
  o: { buttons: StepButtons; scope: Scope; lang: Language; date: LocalDate },
): Promise<StepAnswer<OfferView>> {
  const { offers: list, total } = await conversation.external(() =>
    offersOnDay(deps.db, o.scope, o.date, deps.clock.now(), MAX_TIMES_AT_SEVERAL_CENTERS),
  );
  const day = formatDay(o.date, o.lang);
  const oneCenter = list.every((offer) => offer.centerId === list[0]!.centerId);
  // One center: the time alone says which offer it is (and stays the same however the list changes).
  const key = (offer: OfferView) => (oneCenter ? offer.time : `${offer.time}:${offer.centerId}`);
  return askOffer(conversation, ctx, o.buttons, list, key, (c) => {
    const kb = gridKeyboard(
      list.map((offer) => InlineKeyboard.text(oneCenter ? offer.time : `${offer.time} · ${offer.centerName[o.lang]}`, o.buttons.data(key(offer)))),
      oneCenter ? 4 : 1,
    );
    if (oneCenter) return { text: c.t("consult-ask-time-at", { day, center: escapeHtml(list[0]!.centerName[o.lang]) }), markup: kb };
    const text = c.t("consult-ask-time", { day });
    return { text: list.length < total ? `${text}\n${c.t("consult-ask-time-some")}` : text, markup: kb };
  });
}

/** After the chosen time was taken meanwhile: the nearest open ones. Back returns to the times. */
export async function askAlternative(
  conversation: AppConversation,
  ctx: BaseContext,
  deps: AppDeps,
  o: { buttons: StepButtons; scope: Scope; lang: Language; target: string },
): Promise<StepAnswer<OfferView>> {
  const list = await conversation.external(() => offersNear(deps.db, o.scope, new Date(o.target), deps.clock.now(), ALTERNATIVES));
  return askOffer(conversation, ctx, o.buttons, list, (_, i) => String(i), (c) => {
    const kb = gridKeyboard(
      list.map((offer, i) => {
        const { day, time } = dayAndTime(offer.startsAt, o.lang);
        return InlineKeyboard.text(`${day}, ${time} · ${offer.centerName[o.lang]}`, o.buttons.data(String(i)));
      }),
      1,
    );
    return { text: c.t("consult-slot-taken"), markup: kb };
  });
}

/**
 * Asks for one of `offers`, each answered by the button of its key; "none" without asking
 * when there is nothing to offer.
 */
async function askOffer(
  conversation: AppConversation,
  ctx: BaseContext,
  buttons: StepButtons,
  offers: OfferView[],
  key: (offer: OfferView, index: number) => string,
  prompt: (ctx: BaseContext) => { text: string; markup: InlineKeyboard },
): Promise<StepAnswer<OfferView>> {
  if (offers.length === 0) return { ctx, choice: "none" };
  const keys = offers.map(key);
  const answer = await askStep(conversation, ctx, buttons, keys, prompt);
  const offer = offers[keys.indexOf(answer.choice)];
  return { ctx: answer.ctx, choice: offer ?? (answer.choice as Nav) };
}
