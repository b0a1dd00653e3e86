/** Instant arithmetic; calendar arithmetic in Almaty time lives in time.ts. */
export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}
