import type { AppContext } from "../../context.js";
import { menuEntryData } from "../../shared/keyboards.js";
import { requireAccount } from "../menu/menu.js";
import {
  acceptEventOffer,
  cancelEventSignup,
  categoryChoice,
  confirmCancelEventSignup,
  declineEventOffer,
  districtChoice,
  eventCalendarFile,
  eventCard,
  eventMap,
  eventsList,
  joinEvent,
  keepEventSignup,
  myEvents,
  periodChoice,
} from "./buttons.js";
import { calendarFromButton, eventSeatActions as seats, sendEventMap, showEvent } from "./card.js";
import { EVENTS_START, showCategoryChoice, showDistrictChoice, showEvents, showPeriodChoice } from "./list.js";
import { Handlers } from "../../shared/handlers.js";

export { showEvent } from "./card.js";
export { eventNoticeRenderers } from "./notices.js";

/**
 * Events and festivals of the centers and the city. Anyone may browse them; signing up needs an
 * account. Ids in the buttons are checked against the presser.
 */
export const eventsFeature = new Handlers<AppContext>().chatType("private");

eventsFeature.callbackQuery(menuEntryData("events"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showEvents(ctx);
});

eventsFeature.callbackQuery(eventsList.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showEvents(ctx, eventsList.unpack(ctx.match).place);
});

eventsFeature.callbackQuery(categoryChoice.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showCategoryChoice(ctx, categoryChoice.unpack(ctx.match).place);
});

eventsFeature.callbackQuery(districtChoice.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showDistrictChoice(ctx, districtChoice.unpack(ctx.match).place);
});

eventsFeature.callbackQuery(periodChoice.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showPeriodChoice(ctx, periodChoice.unpack(ctx.match).place);
});

eventsFeature.callbackQuery(eventCard.filter(), async (ctx) => {
  const { event, place = EVENTS_START } = eventCard.unpack(ctx.match);
  await ctx.answerCallbackQuery();
  await showEvent(ctx, event, place);
});

eventsFeature.callbackQuery(eventMap.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await sendEventMap(ctx, eventMap.unpack(ctx.match).event);
});

eventsFeature.callbackQuery(joinEvent.filter(), async (ctx) => {
  const { event, place = EVENTS_START } = joinEvent.unpack(ctx.match);
  await seats.join(ctx, event, place);
});

eventsFeature.callbackQuery(myEvents.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  if (await requireAccount(ctx, "events")) await seats.showMine(ctx);
});

eventsFeature.callbackQuery(cancelEventSignup.filter(), (ctx) => seats.askToCancel(ctx, cancelEventSignup.unpack(ctx.match).signup));
eventsFeature.callbackQuery(confirmCancelEventSignup.filter(), (ctx) => seats.confirmCancel(ctx, confirmCancelEventSignup.unpack(ctx.match).signup));
eventsFeature.callbackQuery(keepEventSignup.filter(), (ctx) => seats.keepSignup(ctx, keepEventSignup.unpack(ctx.match).signup));
eventsFeature.callbackQuery(acceptEventOffer.filter(), (ctx) => seats.acceptFromButton(ctx, acceptEventOffer.unpack(ctx.match).signup));
eventsFeature.callbackQuery(declineEventOffer.filter(), (ctx) => seats.declineFromButton(ctx, declineEventOffer.unpack(ctx.match).signup));
eventsFeature.callbackQuery(eventCalendarFile.filter(), (ctx) => calendarFromButton(ctx, eventCalendarFile.unpack(ctx.match).signup));
