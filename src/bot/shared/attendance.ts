import type { AttendanceMark } from "../../domain/attendance.js";

/** Each mark's code in button data, the same on a specialist's buttons and on a host's. */
export const MARK_CODES: Readonly<Record<AttendanceMark, string>> = { attended: "a", no_show: "n" };

/** The choice a code in button data stands for; undefined for a code none of `codes` has. */
export function decode<T extends string>(codes: Readonly<Record<T, string>>, code: string): T | undefined {
  return (Object.keys(codes) as T[]).find((choice) => codes[choice] === code);
}
