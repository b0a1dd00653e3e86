import { InlineKeyboard, InputFile } from "grammy";
import { findEvent, findLiveSignup, type EventView, type SignupView } from "../../../db/events.js";
import { cardPayload, rowIdOf } from "../../../domain/deep-links.js";
import { LISTED_CATEGORIES } from "../../../domain/events.js";
import { calendarFile } from "../../../domain/ics.js";
import type { Language } from "../../../domain/language.js";
import { joinStatus, signupOpen } from "../../../domain/seats.js";
import type { AppContext, BaseContext } from "../../context.js";
import { startRow } from "../../shared/ask.js";
import { dayOf, escapeHtml } from "../../shared/format.js";
import { menuOpenButton } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { seatActions, seatStatusText } from "../../shared/seat-actions.js";
import { signupButtons } from "../../shared/seat-buttons.js";
import { addEventShareButton, eventLinkState } from "../links/share.js";
import { requireAccount, showMainMenu } from "../menu/menu.js";
import { showSession } from "../teatalk/clubs.js";
import { confirmCancelEventSignup, eventCalendarFile, eventMap, eventSignupButtons, joinEvent, keepEventSignup, myEvents } from "./buttons.js";
import { eventCardText, eventDetails, eventWhenAndWhere } from "./format.js";
import { EVENTS_START, listPlaceData, showEvents, type ListPlace } from "./list.js";

/** The ways on after a sign-up is made, answered or cancelled: my events, the list (at `place`), the menu. */
export function afterwardsKeyboard(ctx: BaseContext, place: ListPlace = EVENTS_START): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t("events-button-my"), myEvents.pack())
    .row()
    .text(ctx.t("events-button-to-list"), listPlaceData(place))
    .text(ctx.t("button-menu"), menuOpenButton.pack());
}

/**
 * An event's card with what the person can do: sign up or join the waitlist, or, with a sign-up,
 * see where they stand and cancel it (or answer the offer). Back leads to the list at `place`.
 * A tea-talk session opens as the clubs show it.
 */
export async function showEvent(ctx: BaseContext, eventId: number, place: ListPlace = EVENTS_START): Promise<void> {
  const event = await findEvent(ctx.deps.db, eventId);
  if (!event) {
    ctx.log.info("events: unknown event id");
    await showScreen(ctx, ctx.t("events-not-found"), afterwardsKeyboard(ctx, place));
    return;
  }
  if (event.category === "teatalk") return showSession(ctx, event);
  await showEventCard(ctx, event, place);
}

/**
 * An event's card by its id, from a deep link; false when there is no such event. An event
 * called off or over is said to be so, with the main menu, rather than shown as if it were ahead.
 */
export async function openEvent(ctx: BaseContext, id: string): Promise<boolean> {
  const event = await eventOfLink(ctx, id);
  if (!event) return false;
  const state = eventLinkState(ctx, event);
  if (state === "open") {
    if (event.category === "teatalk") await showSession(ctx, event);
    else await showEventCard(ctx, event, EVENTS_START);
    return true;
  }
  ctx.log.info({ state }, "deep link to an event no longer ahead");
  const title = escapeHtml(ctx.language === "kk" ? event.title_kk : event.title_ru);
  await ctx.reply(ctx.t(`link-event-${state}`, { title, day: dayOf(event.starts_at, ctx.language) }));
  await showMainMenu(ctx);
  return true;
}

/** The event's title in the reader's language, for what its link opens; none once it is no longer ahead. */
export async function eventTitle(ctx: BaseContext, id: string): Promise<string | undefined> {
  const event = await eventOfLink(ctx, id);
  if (!event || eventLinkState(ctx, event) !== "open") return undefined;
  return ctx.language === "kk" ? event.title_kk : event.title_ru;
}

async function eventOfLink(ctx: BaseContext, id: string): Promise<EventView | undefined> {
  const eventId = rowIdOf(id);
  return eventId === null ? undefined : findEvent(ctx.deps.db, eventId);
}

async function showEventCard(ctx: BaseContext, event: EventView, place: ListPlace): Promise<void> {
  const language = ctx.language;
  const now = ctx.deps.clock.now();
  const own = ctx.from ? await findLiveSignup(ctx.deps.db, event.id, ctx.from.id) : undefined;
  const parts = [eventCardText(ctx.t, language, event)];
  const kb = new InlineKeyboard();
  if (event.status === "cancelled") parts.push(ctx.t("events-card-cancelled"));
  else if (own) {
    parts.push(seatStatusText("events", ctx.t, language, own, now));
    signupButtons(ctx.t, "events", eventSignupButtons, own, kb);
  } else if (signupOpen(new Date(event.starts_at), now)) {
    const full = joinStatus(event) === "waitlisted";
    kb.text(ctx.t(full ? "events-button-join-waitlist" : "events-button-join"), joinEvent.pack({ event: event.id, place }));
  } else parts.push(ctx.t("events-card-closed"));
  if (event.map_latitude !== null) startRow(kb).text(ctx.t("events-button-map"), eventMap.pack({ event: event.id }));
  await addEventShareButton(ctx, kb, event);
  startRow(kb).text(ctx.t("events-button-to-list"), listPlaceData(place)).row().text(ctx.t("button-menu"), menuOpenButton.pack());
  await showScreen(ctx, parts.join("\n\n"), kb);
}

/** The event's place as a map pin, under the card; nothing to show where no point is known. */
export async function sendEventMap(ctx: BaseContext, eventId: number): Promise<void> {
  const event = await findEvent(ctx.deps.db, eventId);
  if (!event || event.map_latitude === null || event.map_longitude === null) {
    await showScreen(ctx, ctx.t("events-not-found"), afterwardsKeyboard(ctx));
    return;
  }
  const kk = ctx.language === "kk";
  const place = kk ? event.place_kk : event.place_ru;
  const address = kk ? event.address_kk : event.address_ru;
  await ctx.replyWithVenue(event.map_latitude, event.map_longitude, kk ? event.title_kk : event.title_ru, address ? `${place}, ${address}` : place);
}

function calendarButton(ctx: BaseContext, signup: number): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t("events-button-calendar"), eventCalendarFile.pack({ signup }));
}

/** Signing up, cancelling and answering an offer, as tea talk does, in the events' words. */
export const eventSeatActions = seatActions<ListPlace>({
  texts: "events",
  logName: "event",
  // Tea-talk sessions are joined from their own card, whose messages and checks are theirs.
  categories: LISTED_CATEGORIES,
  listStart: () => listPlaceData(EVENTS_START),
  details: eventDetails,
  afterwards: afterwardsKeyboard,
  showList: showEvents,
  hasAccount: (ctx, eventId) => requireAccount(ctx, cardPayload("event", eventId)),
  buttons: { ...eventSignupButtons, confirmCancel: confirmCancelEventSignup, keep: keepEventSignup },
  reminderMinutes: (ctx) => ctx.deps.config.eventReminderMinutes,
  joined: (ctx, event, signupId, now) => ({
    text: ctx.t("events-joined", eventWhenAndWhere(ctx.t, ctx.language, event, now)),
    keyboard: calendarButton(ctx, signupId),
  }),
  accepted: (ctx, view, now) => ({
    text: ctx.t("events-offer-accepted", eventWhenAndWhere(ctx.t, ctx.language, view.event, now)),
    keyboard: calendarButton(ctx, view.signup.id),
  }),
  // A seat the person held may be in their calendar: the file that takes it out follows.
  afterCancel: async (ctx, view, now) => {
    if (view.signup.status === "confirmed") await sendCalendarFile(ctx, view, "cancelled", now);
  },
});

/** "Add to calendar": only for a seat of the presser's that is still theirs, before the event. */
export async function calendarFromButton(ctx: AppContext, signupId: number): Promise<void> {
  const view = await eventSeatActions.cancellableSignup(ctx, signupId);
  if (!view) return;
  if (view.signup.status !== "confirmed") return void (await eventSeatActions.refuse(ctx, "not-active"));
  await ctx.answerCallbackQuery();
  await sendCalendarFile(ctx, view, "added", ctx.deps.clock.now());
}

/**
 * The sign-up as a calendar file. Its UID is the sign-up's, so that the file sent on a
 * cancellation (a higher SEQUENCE, METHOD:CANCEL) takes out the event the first one added.
 */
async function sendCalendarFile(ctx: BaseContext, view: SignupView, change: "added" | "cancelled", now: Date): Promise<void> {
  const language: Language = ctx.language;
  const { event } = view;
  const place = language === "kk" ? event.place_kk : event.place_ru;
  const address = language === "kk" ? event.address_kk : event.address_ru;
  const ics = calendarFile({
    uid: `event-signup-${view.signup.id}@jastar-bot`,
    sequence: change === "cancelled" ? 1 : 0,
    stamp: now,
    start: new Date(event.starts_at),
    end: new Date(event.ends_at),
    summary: language === "kk" ? event.title_kk : event.title_ru,
    location: address ? `${place}, ${address}` : place,
    description: (language === "kk" ? event.description_kk : event.description_ru) ?? undefined,
    cancelled: change === "cancelled",
  });
  const caption = ctx.t(change === "cancelled" ? "events-ics-cancelled-caption" : "events-ics-caption");
  await ctx.replyWithDocument(new InputFile(Buffer.from(ics, "utf8"), "event.ics"), { caption });
}
