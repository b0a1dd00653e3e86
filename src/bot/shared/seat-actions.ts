import { InlineKeyboard } from "grammy";
import { findEvent, findOwnSignup, listOwnSignups, type EventView, type SignupStanding, type SignupView } from "../../db/events.js";
import { acceptOffer, cancelSignup, declineOffer, signUp, type OfferRefusal } from "../../db/seats.js";
import type { EventCategory } from "../../domain/events.js";
import type { Language } from "../../domain/language.js";
import { cancellable } from "../../domain/seats.js";
import type { AppContext, BaseContext } from "../context.js";
import { clashText } from "./appointments.js";
import { startRow } from "./ask.js";
import type { Translate } from "./format.js";
import { menuOpenButton } from "./keyboards.js";
import { recordAnswer, showScreen } from "./screen.js";
import { signupButtons, type SignupButton, type SignupButtons } from "./seat-buttons.js";
import { deadlineText } from "./when.js";

/** A message that stays, and the buttons it may carry before the ways on. */
export interface Confirmation {
  text: string;
  keyboard?: InlineKeyboard;
}

/**
 * What the screens around a seat say and lead to, for tea-talk sessions or for events: their
 * messages are `<texts>-…` of the locales, with the same endings for both. `Place` is where in
 * the list the person found the event, which the ways back return to.
 */
export interface SeatScreens<Place> {
  texts: "teatalk" | "events";
  /** What the logs call it. */
  logName: string;
  /** The categories of these screens' events (tea talk, or the others): those they sign up for, list and act on. */
  categories: readonly EventCategory[];
  /** The button data of the list's first page, with no filter. */
  listStart(): string;
  details(t: Translate, language: Language, event: EventView): string;
  /** The ways on after a sign-up is made, answered or cancelled. */
  afterwards(ctx: BaseContext, place?: Place): InlineKeyboard;
  /** The list to choose another from (after an expired offer, or an event gone). */
  showList(ctx: BaseContext, place?: Place): Promise<void>;
  /** Whether the person has an account, having been asked to sign up if not (and brought back to the event after). */
  hasAccount(ctx: BaseContext, eventId: number): Promise<boolean>;
  buttons: SignupButtons & { confirmCancel: SignupButton; keep: SignupButton };
  reminderMinutes(ctx: BaseContext): number;
  /** The confirmation of a seat taken on signing up, with what may come before the ways on. */
  joined(ctx: BaseContext, event: EventView, signupId: number, now: Date): Confirmation;
  /** The confirmation of a seat taken under an offer. */
  accepted(ctx: BaseContext, view: SignupView, now: Date): Confirmation;
  /** What follows a cancelled seat (a calendar file that takes it out, say). */
  afterCancel?(ctx: BaseContext, view: SignupView, now: Date): Promise<void>;
}

/** Where the person stands with their sign-up: in, waiting (and where), or offered until when. */
export function seatStatusText(texts: SeatScreens<unknown>["texts"], t: Translate, language: Language, view: SignupStanding, now: Date): string {
  switch (view.signup.status) {
    case "waitlisted":
      return t(`${texts}-status-waitlisted`, { position: view.position ?? 0 });
    case "offered":
      return t(`${texts}-status-offered`, { deadline: deadlineText(new Date(view.signup.offer_expires_at!), now, language) });
    default:
      return t(`${texts}-status-confirmed`);
  }
}

/**
 * Signing up, cancelling a sign-up (asked first, then done or kept) and answering an offer of a
 * freed seat: the same steps for tea-talk sessions and events. Ids in the buttons are checked against the
 * presser; whatever cannot be done is answered, and nothing changes.
 */
export function seatActions<Place>(screens: SeatScreens<Place>) {
  const key = (ending: string) => `${screens.texts}-${ending}`;

  async function confirm(ctx: BaseContext, { text, keyboard }: Confirmation, place?: Place): Promise<void> {
    const afterwards = screens.afterwards(ctx, place);
    await ctx.reply(text, { reply_markup: keyboard ? keyboard.append(afterwards) : afterwards });
  }

  /**
   * A press on "sign up" / "join the waitlist": needs an account, then one transaction decides
   * the seat. The way back to the list returns to `place`, where the person found the event. A
   * seat or a place in line is a confirmation that stays, below the card kept as a record of the
   * press; an event that cannot be joined takes the card's place with why.
   */
  async function join(ctx: AppContext, eventId: number, place: Place): Promise<void> {
    if (!(await screens.hasAccount(ctx, eventId))) {
      await ctx.answerCallbackQuery();
      return;
    }
    const { db, clock } = ctx.deps;
    const now = clock.now();
    const request = { eventId, userId: ctx.from!.id, categories: screens.categories };
    const result = await signUp(db, request, { reminderMinutes: screens.reminderMinutes(ctx) }, now);
    ctx.log.info({ event_id: eventId, outcome: result.kind }, `${screens.logName} sign-up`);
    switch (result.kind) {
      case "not-found":
        await ctx.answerCallbackQuery({ text: ctx.t(key("not-found-alert")) });
        await ctx.reply(ctx.t(key("not-found")));
        return screens.showList(ctx, place);
      case "closed":
        await ctx.answerCallbackQuery({ text: ctx.t(key("closed-alert")) });
        await showScreen(ctx, ctx.t(key("closed")), screens.afterwards(ctx, place));
        return;
      case "overlap":
        await ctx.answerCallbackQuery({ text: ctx.t("appointment-overlap-alert") });
        await ctx.reply(clashText(ctx.t, ctx.language, result.clash, "session"));
        return screens.showList(ctx, place);
      case "already":
        await ctx.answerCallbackQuery();
        await showScreen(ctx, ctx.t(key(`already-${result.status}`), { position: result.position ?? 0 }), screens.afterwards(ctx, place));
        return;
      case "waitlisted":
        await ctx.answerCallbackQuery({ text: ctx.t(key("waitlisted-alert")) });
        await recordAnswer(ctx);
        await confirm(ctx, { text: ctx.t(key("waitlisted"), { position: result.position }) }, place);
        return;
      case "confirmed":
        await ctx.answerCallbackQuery({ text: ctx.t(key("joined-alert")) });
        await recordAnswer(ctx);
        // The event as cards show it is read for the confirmation only: no other outcome shows it.
        await confirm(ctx, screens.joined(ctx, (await findEvent(db, eventId))!, result.signupId, now), place);
    }
  }

  async function refuse(ctx: AppContext, reason: "not-found" | "not-active"): Promise<undefined> {
    await ctx.answerCallbackQuery({ text: ctx.t("stale-button-alert") });
    await showScreen(ctx, ctx.t(key(`signup-${reason}`)), screens.afterwards(ctx));
    return undefined;
  }

  /** The presser's own sign-up of these screens' kind, if it can still be cancelled. */
  async function cancellableSignup(ctx: AppContext, signupId: number): Promise<SignupView | undefined> {
    const view = await findOwnSignup(ctx.deps.db, ctx.from!.id, signupId);
    if (!view || !screens.categories.includes(view.event.category)) {
      ctx.log.warn({ signup_id: signupId, outcome: "not-own" }, `${screens.logName} button for a sign-up that is not the presser's`);
      return refuse(ctx, "not-found");
    }
    const event = { status: view.event.status, startsAt: new Date(view.event.starts_at) };
    return cancellable(view.signup, event, ctx.deps.clock.now()) ? view : refuse(ctx, "not-active");
  }

  /** "Cancel my sign-up": asks first, with the details, in place of the sign-up's card. */
  async function askToCancel(ctx: AppContext, signupId: number): Promise<void> {
    const view = await cancellableSignup(ctx, signupId);
    if (!view) return;
    await ctx.answerCallbackQuery();
    const signup = view.signup.id;
    await showScreen(
      ctx,
      ctx.t(key("cancel-confirm"), { details: screens.details(ctx.t, ctx.language, view.event) }),
      new InlineKeyboard()
        .text(ctx.t(key("button-cancel-yes")), screens.buttons.confirmCancel.pack({ signup }))
        .row()
        .text(ctx.t(key("button-keep")), screens.buttons.keep.pack({ signup })),
    );
  }

  /** The question to cancel becomes its outcome. */
  async function confirmCancel(ctx: AppContext, signupId: number): Promise<void> {
    const view = await cancellableSignup(ctx, signupId);
    if (!view) return;
    const now = ctx.deps.clock.now();
    const result = await cancelSignup(ctx.deps.db, { signupId: view.signup.id, userId: ctx.from!.id }, now);
    ctx.log.info({ signup_id: view.signup.id, outcome: result.kind }, `${screens.logName} cancellation`);
    if (result.kind !== "cancelled") return void (await refuse(ctx, result.kind));
    await ctx.answerCallbackQuery({ text: ctx.t(key("cancelled-alert")) });
    await showScreen(ctx, ctx.t(key("cancelled")), screens.afterwards(ctx));
    await screens.afterCancel?.(ctx, view, now);
  }

  async function keepSignup(ctx: AppContext, signupId: number): Promise<void> {
    const view = await cancellableSignup(ctx, signupId);
    if (!view) return;
    await ctx.answerCallbackQuery();
    await showScreen(ctx, ctx.t(key("kept")), screens.afterwards(ctx));
  }

  /**
   * "I'll come" under an offer. Only the offer's own person, only before its deadline. The offer
   * stays as a record of the answer, its buttons gone; the confirmation comes below it.
   */
  async function acceptFromButton(ctx: AppContext, signupId: number): Promise<void> {
    const { db, clock } = ctx.deps;
    const now = clock.now();
    const own = await findOwnSignup(db, ctx.from!.id, signupId);
    const outcome =
      own && screens.categories.includes(own.event.category)
        ? await acceptOffer(db, { signupId, userId: ctx.from!.id }, { reminderMinutes: screens.reminderMinutes(ctx) }, now)
        : ({ kind: "not-found" } as const);
    ctx.log.info({ signup_id: signupId, outcome: outcome.kind }, `${screens.logName} offer accepted`);
    if (outcome.kind !== "confirmed") return answerUnusable(ctx, outcome.kind);
    await ctx.answerCallbackQuery({ text: ctx.t(key("offer-accepted-alert")) });
    await recordAnswer(ctx);
    // The sign-up as read before, now a seat: its event's when and where are what the confirmation says.
    await confirm(ctx, screens.accepted(ctx, { ...own!, signup: { ...own!.signup, status: "confirmed" } }, now));
  }

  /** "I can't" under an offer: the seat goes to the next in line at once. */
  async function declineFromButton(ctx: AppContext, signupId: number): Promise<void> {
    const own = await findOwnSignup(ctx.deps.db, ctx.from!.id, signupId);
    const outcome =
      own && screens.categories.includes(own.event.category)
        ? await declineOffer(ctx.deps.db, { signupId, userId: ctx.from!.id }, ctx.deps.clock.now())
        : ({ kind: "not-found" } as const);
    ctx.log.info({ signup_id: signupId, outcome: outcome.kind }, `${screens.logName} offer declined`);
    if (outcome.kind !== "declined") return answerUnusable(ctx, outcome.kind);
    await ctx.answerCallbackQuery();
    await recordAnswer(ctx);
    await ctx.reply(ctx.t(key("offer-declined")), { reply_markup: screens.afterwards(ctx) });
  }

  /** An offer that cannot be answered any more, or was never the presser's: said plainly, nothing changes. */
  async function answerUnusable(ctx: AppContext, outcome: OfferRefusal): Promise<void> {
    switch (outcome) {
      case "already-confirmed":
        await ctx.answerCallbackQuery({ text: ctx.t(key("already-confirmed")) });
        return;
      case "expired":
        await ctx.answerCallbackQuery({ text: ctx.t(key("offer-expired-alert")) });
        await ctx.reply(ctx.t(key("offer-expired")));
        return screens.showList(ctx);
      default:
        await ctx.answerCallbackQuery({ text: ctx.t("stale-button-alert") });
        await showScreen(ctx, ctx.t(key("offer-not-active")), screens.afterwards(ctx));
    }
  }

  /**
   * "My sign-ups": each upcoming one with where the person stands and what they can do, each a
   * message of its own (so always new messages), or a screen saying there are none.
   */
  async function showMine(ctx: BaseContext): Promise<void> {
    const now = ctx.deps.clock.now();
    const language = ctx.language;
    const signups = await listOwnSignups(ctx.deps.db, ctx.from!.id, now, screens.categories);
    if (signups.length === 0) return showScreen(ctx, ctx.t(key("my-none")), screens.afterwards(ctx));
    await ctx.reply(ctx.t(key("my-title"), { count: signups.length }));
    for (const [i, view] of signups.entries()) {
      const kb = signupButtons(ctx.t, screens.texts, screens.buttons, view);
      if (i === signups.length - 1) startRow(kb).text(ctx.t(key("button-to-list")), screens.listStart()).text(ctx.t("button-menu"), menuOpenButton.pack());
      const text = `${screens.details(ctx.t, language, view.event)}\n\n${seatStatusText(screens.texts, ctx.t, language, view, now)}`;
      await ctx.reply(text, { reply_markup: kb });
    }
  }

  return { join, cancellableSignup, refuse, askToCancel, confirmCancel, keepSignup, acceptFromButton, declineFromButton, showMine };
}
