import { choice, defineCallback, defineScreen, int, key, oneOf, optional } from "../../shared/callback-data.js";

/** The way into practice, from the tea-talk menu and from the daily nudge (`from`). */
export const openPractice = defineScreen("practice:open", { from: optional(oneOf(["nudge"])) });
export const startSession = defineScreen("practice:start");
export const retakePlacement = defineScreen("practice:placement");
/** The pace's choices, or (with `n`) one of them chosen. */
export const pace = defineScreen("practice:pace", { n: optional(int(3)) });

/** A session's exercise answered: the run and the exercise's number make an earlier exercise's buttons stale. */
export const exerciseAnswer = defineCallback("pr", { run: key(8), n: int(3), choice: choice(12) });
/** The placement quiz: "go" or "skip", then `<question>:<option>`. */
export const placementAnswer = defineCallback("pl", { run: key(8), choice: choice(8) });
