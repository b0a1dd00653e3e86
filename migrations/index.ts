import type { Migration } from "kysely";
import * as users from "./2026-11-21-01-users.js";
import * as consultations from "./2026-11-21-02-consultations.js";
import * as outbox from "./2026-11-21-03-outbox.js";
import * as teatalk from "./2026-11-21-04-teatalk.js";
import * as practice from "./2026-11-21-05-practice.js";
import * as consultUsername from "./2026-12-02-03-consult-username.js";
import * as calendarEvents from "./2026-12-02-04-calendar-events.js";
import * as attendanceMarks from "./2026-12-02-05-attendance-marks.js";
import * as handledUpdates from "./2026-12-02-07-handled-updates.js";
import * as deactivatedStaff from "./2026-12-02-08-deactivated-staff.js";
import * as hostInvites from "./2026-12-02-10-host-invites.js";
import * as practiceReviewOnce from "./2026-12-02-11-practice-review-once.js";
import * as inviteTargets from "./2026-12-02-12-invite-targets.js";
import * as events from "./2026-12-02-20-events.js";
import * as teams from "./2026-12-02-25-teams.js";
import * as centerOffers from "./2026-12-02-26-center-offers.js";
import * as cards from "./2026-12-02-30-cards.js";
import * as hotPathIndexes from "./2026-12-02-45-hot-path-indexes.js";
import * as administration from "./2026-12-02-50-administration.js";
import * as centerAdminInvites from "./2026-12-02-51-center-admin-invites.js";
import * as centerPlaceholders from "./2026-12-02-52-center-placeholders.js";
import * as broadcasts from "./2026-12-02-54-broadcasts.js";
import * as figures from "./2026-12-02-55-figures.js";
import * as jobLeases from "./2026-12-02-65-job-leases.js";
import * as receivedUpdates from "./2026-12-02-65-received-updates.js";
import * as nudgePlanning from "./2026-12-02-70-nudge-planning.js";
import * as chatTurns from "./2026-12-02-75-chat-turns.js";

/**
 * Every migration, by name. Listed rather than read from the folder so that the same code runs
 * from TypeScript sources in tests and from compiled JavaScript in production; a test checks that
 * no file in this folder is missing here.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-21-01-users": users,
  "2026-11-21-02-consultations": consultations,
  "2026-11-21-03-outbox": outbox,
  "2026-11-21-04-teatalk": teatalk,
  "2026-11-21-05-practice": practice,
  "2026-12-02-03-consult-username": consultUsername,
  "2026-12-02-04-calendar-events": calendarEvents,
  "2026-12-02-05-attendance-marks": attendanceMarks,
  "2026-12-02-07-handled-updates": handledUpdates,
  "2026-12-02-08-deactivated-staff": deactivatedStaff,
  "2026-12-02-10-host-invites": hostInvites,
  "2026-12-02-11-practice-review-once": practiceReviewOnce,
  "2026-12-02-12-invite-targets": inviteTargets,
  "2026-12-02-20-events": events,
  "2026-12-02-25-teams": teams,
  "2026-12-02-26-center-offers": centerOffers,
  "2026-12-02-30-cards": cards,
  "2026-12-02-45-hot-path-indexes": hotPathIndexes,
  "2026-12-02-50-administration": administration,
  "2026-12-02-51-center-admin-invites": centerAdminInvites,
  "2026-12-02-52-center-placeholders": centerPlaceholders,
  "2026-12-02-54-broadcasts": broadcasts,
  "2026-12-02-55-figures": figures,
  "2026-12-02-65-job-leases": jobLeases,
  "2026-12-02-65-received-updates": receivedUpdates,
  "2026-12-02-70-nudge-planning": nudgePlanning,
  "2026-12-02-75-chat-turns": chatTurns,
};
