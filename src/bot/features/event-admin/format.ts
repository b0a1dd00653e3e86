import type { EventView } from "../../../db/events.js";
import type { Language } from "../../../domain/language.js";
import type { Translate } from "../../shared/format.js";
import { eventDetails } from "../events/format.js";
import { sessionDetails } from "../teatalk/format.js";

/** What, when and where, in the words the visitor's side uses for the event's kind. */
export function detailsOf(t: Translate, language: Language, e: EventView): string {
  return e.category === "teatalk" ? sessionDetails(t, language, e) : eventDetails(t, language, e);
}
