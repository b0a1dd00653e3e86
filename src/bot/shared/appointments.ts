import type { Appointment } from "../../domain/appointments.js";
import type { Language } from "../../domain/language.js";
import { localTimeOf } from "../../domain/time.js";
import { dayAndTime, type Translate } from "./format.js";

/**
 * Why a new appointment was refused: the other one at that time, named with its day and hours
 * in Almaty, and what to choose instead (another time, or another session).
 */
export function clashText(t: Translate, lang: Language, clash: Appointment, then: "time" | "session"): string {
  const what = clash.kind === "consultation" ? t("appointment-consultation", { service: t(`service-${clash.service}`) }) : t("appointment-teatalk");
  const { day, time } = dayAndTime(clash.startsAt, lang);
  return t("appointment-overlap", { what, day, start: time, end: localTimeOf(new Date(clash.endsAt)), then });
}
