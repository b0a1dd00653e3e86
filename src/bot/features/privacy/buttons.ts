import { defineScreen } from "../../shared/callback-data.js";

/** /mydata and /deleteme as buttons of the profile, and the confirmation of /deleteme. */
export const exportData = defineScreen("privacy:export");
export const erase = defineScreen("privacy:erase");
export const eraseConfirmed = defineScreen("privacy:erase:yes");
export const eraseDeclined = defineScreen("privacy:erase:no");
