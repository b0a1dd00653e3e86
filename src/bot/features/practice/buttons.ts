import { choice, defineCallback, defineScreen, int, key, optional } from "../../shared/callback-data.js";

/** The way into practice, from the tea-talk menu and the daily nudge. */
export const openPractice = defineScreen("practice:open");
export const startSession = defineScreen("practice:start");
export const retakePlacement = defineScreen("practice:placement");
/** The pace's choices, or (with `n`) one of them chosen. */
export const pace = defineScreen("practice:pace", { n: optional(int(3)) });

/** A session's exercise answered: the run and the exercise's number make an earlier exercise's buttons stale. */
export const exerciseAnswer = defineCallback("pr", { run: key(8), n: int(3), choice: choice(12) });
/** The placement quiz: "go" or "skip", then `<question>:<option>`. */
export const placementAnswer = defineCallback("pl", { run: key(8), choice: choice(8) });
