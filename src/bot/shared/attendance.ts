import type { AttendanceMark } from "../../domain/attendance.js";

/** Each mark's code in button data, the same on a specialist's buttons and on a host's. */
export const MARK_CODES: Readonly<Record<AttendanceMark, string>> = { attended: "a", no_show: "n" };
