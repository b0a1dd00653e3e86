import { DISTRICTS } from "../../../domain/districts.js";
import { defineScreen, key, oneOf } from "../../shared/callback-data.js";

/** The centers' directory: a district's centers, and a center's card. */
export const districtCenters = defineScreen("centers:district", { district: oneOf(DISTRICTS) });
export const centerCard = defineScreen("centers:center", { center: key(32) });
