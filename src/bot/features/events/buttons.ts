import { DISTRICTS } from "../../../domain/districts.js";
import { EVENT_PERIODS, LISTED_CATEGORIES } from "../../../domain/events.js";
import { defineScreen, int, optional, oneOf, type Field } from "../../shared/callback-data.js";
import type { SignupButtons } from "../../shared/seat-buttons.js";
import type { ListPlace } from "./list.js";

const category = oneOf(["all", ...LISTED_CATEGORIES]);
const district = oneOf(["all", ...DISTRICTS]);
const period = oneOf(EVENT_PERIODS);
const page = int(3);

/**
 * Where in the list an event was opened, `<category>:<district>:<period>:<page>`, so that going
 * back keeps the chosen filters and page.
 */
const place: Field<ListPlace> = {
  pattern: `${category.pattern}:${district.pattern}:${period.pattern}:${page.pattern}`,
  longest: { filter: { category: category.longest, district: district.longest, period: period.longest }, page: page.longest },
  optional: false,
  format: (p) => `${p.filter.category}:${p.filter.district}:${p.filter.period}:${p.page}`,
  parse: (text) => {
    const [c, d, w, n] = text.split(":");
    return { filter: { category: category.parse(c!), district: district.parse(d!), period: period.parse(w!) }, page: Number(n) };
  },
};

/** The list at a place. */
export const eventsList = defineScreen("ev:l", { place });
/** A filter's choices, from the list at a place. */
export const categoryChoice = defineScreen("ev:fc", { place });
export const districtChoice = defineScreen("ev:fd", { place });
export const periodChoice = defineScreen("ev:fp", { place });
/** An event's card, and signing up for it; a card opened from elsewhere has no place in the list. */
export const eventCard = defineScreen("ev:e", { event: int(12), place: optional(place) });
export const joinEvent = defineScreen("ev:join", { event: int(12), place: optional(place) });
/** The event's map point, sent as a venue. */
export const eventMap = defineScreen("ev:map", { event: int(12) });
export const myEvents = defineScreen("ev:my");

const signup = int(12);
export const cancelEventSignup = defineScreen("ev:cancel", { signup });
export const confirmCancelEventSignup = defineScreen("ev:cancel-yes", { signup });
export const keepEventSignup = defineScreen("ev:keep", { signup });
export const acceptEventOffer = defineScreen("ev:accept", { signup });
export const declineEventOffer = defineScreen("ev:decline", { signup });
export const eventCalendarFile = defineScreen("ev:ics", { signup });

export const eventSignupButtons: SignupButtons = { accept: acceptEventOffer, decline: declineEventOffer, cancel: cancelEventSignup, calendar: eventCalendarFile };
