import { CENTER_OFFERS, type CenterOffer } from "../../../domain/center-offers.js";
import { coded, defineScreen, int, key, oneOf } from "../../shared/callback-data.js";

/** A center's id, as the public directory writes it too. */
const center = key(32);
const specialist = int(12);
const switched = coded<"on" | "off">({ on: "1", off: "0" });

/** The centers an administrator manages, and one center's card with its details to edit. */
export const catalogCenters = defineScreen("cat:centers");
export const catalogCenter = defineScreen("cat:center", { center });

/** The details of a center's card typed in a flow of its own. */
export const CENTER_FIELDS = ["name", "address", "hours", "phone", "point"] as const;
export type CenterField = (typeof CENTER_FIELDS)[number];
export const editCenterField = defineScreen("cat:edit", { center, field: oneOf(CENTER_FIELDS) });
/** Open around the clock, or not: set, not flipped, so that a press handled twice sets it once. */
export const setOpen247 = defineScreen("cat:open", { center, open: switched });

/** What a center offers besides consultations, each switched on or off. */
export const centerOffers = defineScreen("cat:offers", { center });
const OFFER_CODES = Object.fromEntries(CENTER_OFFERS.map((offer, i) => [offer, String(i)])) as Record<CenterOffer, string>;
export const setOffer = defineScreen("cat:offer", { center, offer: coded(OFFER_CODES), offered: switched });

/** A center's specialists, one specialist's card, a new one, and leaving. */
export const centerSpecialists = defineScreen("cat:specs", { center });
export const catalogSpecialist = defineScreen("cat:spec", { specialist });
export const newSpecialist = defineScreen("cat:spec-new", { center });
export const deactivateSpecialist = defineScreen("cat:spec-off", { specialist });
export const deactivateSpecialistYes = defineScreen("cat:spec-off-yes", { specialist });

/** A weekday of a specialist's hours to type, their date overrides, and removing one. */
export const editWeekday = defineScreen("cat:day", { specialist, weekday: int(1) });
export const specialistOverrides = defineScreen("cat:dates", { specialist });
export const newOverride = defineScreen("cat:date-new", { specialist });
export const removeOverride = defineScreen("cat:date-del", { specialist, date: key(10) });
export const removeOverrideYes = defineScreen("cat:date-del-yes", { specialist, date: key(10) });
