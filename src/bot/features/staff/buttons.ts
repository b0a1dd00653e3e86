import type { AttendanceChange } from "../../../db/staff.js";
import { LANGUAGES } from "../../../domain/language.js";
import { MARK_CODES } from "../../shared/attendance.js";
import { coded, defineScreen, int, key, oneOf } from "../../shared/callback-data.js";

/** The staff menu, the screen every staff screen leads back to, and its entries. */
export const staffMenu = defineScreen("staff:menu");
export const showTodayButton = defineScreen("staff:today");
export const showWeekButton = defineScreen("staff:week");
export const blockTimeButton = defineScreen("staff:block");
export const blockedTimesButton = defineScreen("staff:blocks");
export const chooseStaffLanguage = defineScreen("staff:language");
export const setStaffLanguage = defineScreen("staff:set-language", { language: oneOf(LANGUAGES) });

/** Attended / no-show / undo for a booking. */
export const markAttendanceButton = defineScreen("staff:mark", {
  booking: int(12),
  change: coded<AttendanceChange>({ ...MARK_CODES, unmark: "u" }),
});
export const unblockButton = defineScreen("staff:unblock", { block: int(12) });

/** Cancelling a consultation: a page of upcoming ones, the one chosen, and the confirmation. */
export const cancelsPage = defineScreen("staff:cancels", { page: int(3) });
export const cancelChoice = defineScreen("staff:cancel", { booking: int(12) });
export const cancelConfirm = defineScreen("staff:cancel-yes", { booking: int(12) });

/**
 * An administrator's /invite: whom to invite, a page of choices, a center's specialists (paged), a specialist,
 * the tea-talk hosts without an account (paged), a host by one of their sessions, the teams
 * without a coordinator (paged), a team.
 */
export const inviteKinds = defineScreen("staff-inv:k");
export const invitePage = defineScreen("staff-inv:p", { page: int(3) });
export const inviteCenter = defineScreen("staff-inv:c", { center: key(32), page: int(3) });
export const inviteSpecialist = defineScreen("staff-inv:s", { specialist: int(12) });
export const inviteHostPage = defineScreen("staff-inv:h", { page: int(3) });
export const inviteHost = defineScreen("staff-inv:hs", { session: int(12) });
/** The teams without a coordinator account, and one of them. */
export const inviteTeamPage = defineScreen("staff-inv:t", { page: int(3) });
export const inviteTeam = defineScreen("staff-inv:ts", { team: int(9) });
/** The centers to choose whose administrator to invite (paged), and one of them. */
export const inviteCenterAdminPage = defineScreen("staff-inv:a", { page: int(3) });
export const inviteCenterAdmin = defineScreen("staff-inv:as", { center: key(32) });
