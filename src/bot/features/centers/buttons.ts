import { DISTRICTS } from "../../../domain/districts.js";
import { defineScreen, key, oneOf } from "../../shared/callback-data.js";

/** The centers' directory: a district's centers, and a center's card. */
export const districtCenters = defineScreen("centers:district", { district: oneOf(DISTRICTS) });
export const centerCard = defineScreen("centers:center", { center: key(32) });
/** Booking a consultation at one center, from its card or the nearest centers. */
export const bookAtCenter = defineScreen("centers:book", { center: key(32) });
/** Asks for the person's location to show the centers nearest to it. */
export const nearestCenters = defineScreen("centers:near");
