import type { Role } from "../../../db/roles.js";
import { coded, defineScreen, int, key } from "../../shared/callback-data.js";

/** The administration's home screen, which every administrative screen leads back to. */
export const adminHome = defineScreen("adm:home");

/** Each role's code in a button's data. */
const ROLE_CODES: Record<Role, string> = { "center-admin": "a", specialist: "s", host: "h", coordinator: "c", partner: "p" };

/** One person's role: which role, what it is for (a center's or another id), and their account. */
const holding = { role: coded(ROLE_CODES), target: key(32), account: int(15) };

/** People and roles: the list (paged), one person's role, its revocation asked, and confirmed. */
export const peoplePage = defineScreen("adm:people", { page: int(3) });
export const personRole = defineScreen("adm:role", holding);
export const revokeAsk = defineScreen("adm:rv", holding);
export const revokeYes = defineScreen("adm:rv-yes", holding);

/** The audit log, newest first (paged), and its export as a CSV document. */
export const auditPage = defineScreen("adm:audit", { page: int(4) });
export const auditExport = defineScreen("adm:audit-csv");
