import { defineScreen, int } from "../../shared/callback-data.js";

/** The broadcasts' screen in /admin: the latest ones, and a new one. */
export const adminBroadcasts = defineScreen("adm:bc");
export const broadcastNew = defineScreen("adm:bc:new");
/** Sends a broadcast's progress message anew, below; the new one is kept up to date from then on. */
export const broadcastShow = defineScreen("adm:bc:show", { broadcast: int() });
export const broadcastPause = defineScreen("adm:bc:pause", { broadcast: int() });
export const broadcastResume = defineScreen("adm:bc:resume", { broadcast: int() });
/** Asks whether to stop a broadcast for good; `broadcastCancelYes` does it. */
export const broadcastCancel = defineScreen("adm:bc:cancel", { broadcast: int() });
export const broadcastCancelYes = defineScreen("adm:bc:cancel-yes", { broadcast: int() });
