import { NUDGE_TIMES } from "../../../domain/practice-nudge.js";
import { defineScreen, int, oneOf, optional } from "../../shared/callback-data.js";

/** "I'll come" under a booking's reminder. */
export const comingButton = defineScreen("rem:coming", { booking: int(15) });
/** A score under the request for feedback. */
export const feedbackScore = defineScreen("fb", { booking: int(15), score: int(1) });

/** The nudge's settings are opened from the profile, or from the practice screen (`from`), and lead back there. */
const from = optional(oneOf(["practice"]));
export const openNudgeTimes = defineScreen("nudge:open", { from });
export const setNudgeTime = defineScreen("nudge:set", { time: oneOf([...NUDGE_TIMES, "off"]), from });
/**
 * One of the free times offered when a specialist cancelled `booking`: books it at once. The
 * time is in whole minutes since the epoch, to keep the data short.
 */
export const rebookAt = defineScreen("rem:rebook", { booking: int(12), specialist: int(12), at: int(9) });
