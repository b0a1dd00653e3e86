/**
 * A person's appointments and the rule that keeps them apart: nobody can be at two of them at
 * once. Consultations and tea-talk sessions today; events join them later.
 */
import type { ServiceCode } from "./services.js";

/**
 * Something a person has committed to. Plain data with ISO instants, so that a conversation can
 * keep it in its stored steps.
 */
export type Appointment =
  | { kind: "consultation"; id: number; service: ServiceCode; startsAt: string; endsAt: string }
  | { kind: "teatalk"; id: number; startsAt: string; endsAt: string };

export interface Period {
  start: Date;
  end: Date;
}

/** Whether two periods, each [start, end), share a moment: one ending as the other starts does not. */
export function overlaps(a: Period, b: Period): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The earliest of the appointments that the period would overlap, if any. */
export function firstClash(period: Period, appointments: readonly Appointment[]): Appointment | undefined {
  return appointments
    .filter((a) => overlaps(period, { start: new Date(a.startsAt), end: new Date(a.endsAt) }))
    .sort((x, y) => Date.parse(x.startsAt) - Date.parse(y.startsAt))[0];
}
