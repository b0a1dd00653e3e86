import type { AttendanceMark } from "../../../domain/attendance.js";
import { DISTRICTS } from "../../../domain/districts.js";
import { TEATALK_LEVELS } from "../../../domain/teatalk.js";
import { MARK_CODES } from "../../shared/attendance.js";
import { coded, defineScreen, int, oneOf, optional, type Field } from "../../shared/callback-data.js";
import type { SignupButtons } from "../../shared/seat-buttons.js";
import type { ListPlace } from "./clubs.js";

/** The list's filters; "all" where nothing is chosen. */
const level = oneOf(["all", ...TEATALK_LEVELS]);
const district = oneOf(["all", ...DISTRICTS]);
const page = int(3);

/**
 * Where in the list a session was opened, `<level>:<district>:<page>`, so that going back to the
 * list keeps the chosen district and level.
 */
const place: Field<ListPlace> = {
  pattern: `${level.pattern}:${district.pattern}:${page.pattern}`,
  longest: { filter: { level: level.longest, district: district.longest }, page: page.longest },
  optional: false,
  format: (p) => `${p.filter.level}:${p.filter.district}:${p.page}`,
  parse: (text) => {
    const [l, d, n] = text.split(":");
    return { filter: { level: level.parse(l!), district: district.parse(d!) }, page: Number(n) };
  },
};

export const teatalkClubs = defineScreen("tt:clubs");
export const teatalkMine = defineScreen("tt:my");
export const teatalkHostDay = defineScreen("tt:host");
/** The list; older buttons have no page. */
export const clubsList = defineScreen("tt:l", { level, district, page: optional(page) });
/** The district filter's choices, from the list at this level and district. */
export const districtChoice = defineScreen("tt:fd", { level, district: optional(district) });
/** The level filter's choices, from the list in this district at this level. */
export const levelChoice = defineScreen("tt:fl", { district, level: optional(level) });
/** A session's card, and signing up for it; older buttons have no place in the list. */
export const sessionCard = defineScreen("tt:s", { session: int(12), place: optional(place) });
export const joinSession = defineScreen("tt:join", { session: int(12), place: optional(place) });

const signup = int(12);
export const cancelSignup = defineScreen("tt:cancel", { signup });
export const confirmCancelSignup = defineScreen("tt:cancel-yes", { signup });
export const keepSignupButton = defineScreen("tt:keep", { signup });
export const acceptOfferButton = defineScreen("tt:accept", { signup });
export const declineOfferButton = defineScreen("tt:decline", { signup });
export const sessionSignupButtons: SignupButtons = { accept: acceptOfferButton, decline: declineOfferButton, cancel: cancelSignup };
/** The host's "came" / "did not come". */
export const markParticipantButton = defineScreen("tt:mark", { signup, mark: coded<AttendanceMark>(MARK_CODES) });
