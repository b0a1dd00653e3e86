import { defineScreen } from "../../shared/callback-data.js";

/** The administration's home screen, which every administrative screen leads back to. */
export const adminHome = defineScreen("adm:home");
