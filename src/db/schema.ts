import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { DistrictCode } from "../domain/districts.js";
import type { PartnerCategory } from "../domain/card.js";
import type { Language } from "../domain/language.js";
import type { Occupation } from "../domain/profile.js";
import type { BookingMode, ServiceCode } from "../domain/services.js";
import type { InviteKind } from "../domain/staff.js";
import type { CenterOffer } from "../domain/center-offers.js";
import type { TeamCategory, TeamMemberStatus } from "../domain/teams.js";
import type { EventCategory } from "../domain/events.js";
import type { EventStatus, SignupStatus } from "../domain/seats.js";
import type { TeaTalkLevel } from "../domain/teatalk.js";
import type { ExerciseKind } from "../domain/practice/exercises.js";
import type { Level } from "../domain/practice/items.js";
import type { LocalDate, LocalTime } from "../domain/time.js";

/** Instants are ISO-8601 strings in UTC ("2026-11-21T10:00:00.000Z"); booleans are 0/1. */
export type Instant = string;

export interface UsersTable {
  id: number;
  language: Language;
  name: string | null;
  age: number | null;
  guardian_consent: number | null;
  district: DistrictCode | null;
  phone: string | null;
  /** Telegram username without "@", as last seen; null when the person has none. */
  username: string | null;
  occupation: Occupation | null;
  consent_version: string | null;
  consent_at: Instant | null;
  registered_at: Instant | null;
  notifications: Generated<number>;
  blocked_at: Instant | null;
  practice_nudge_time: LocalTime | null;
  /** When the planner next writes this person's nudge (see the migration of its name); null without a time. */
  practice_nudge_plan_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface ConversationStateTable {
  key: string;
  value: string;
  updated_at: Instant;
}

/** See the migration of the same name: updates a restart must not handle a second time. */
export interface HandledUpdatesTable {
  update_id: number;
  handled_at: Instant;
}

/** See the migration of the same name: updates a webhook acknowledged and not yet handled. */
export interface ReceivedUpdatesTable {
  update_id: number;
  /** The update as Telegram posted it, JSON. */
  body: string;
  received_at: Instant;
  /** Whose updates these are, one at a time in order (see `turnKeyOf`). */
  chat_key: string;
}

/** See the migration of the same name: which process is handling a chat's updates, and until when. */
export interface ChatTurnsTable {
  chat_key: string;
  holder: string;
  expires_at: Instant;
}

/** See the migration of the same name: which process runs a scheduled job, and until when. */
export interface JobLeasesTable {
  job: string;
  holder: string;
  due_at: Instant;
  expires_at: Instant;
}

export interface AnonymousCountsTable {
  metric: string;
  day: string;
  count: Generated<number>;
}

export interface CentersTable {
  id: string;
  district: DistrictCode;
  name_kk: string;
  name_ru: string;
  address_kk: string;
  address_ru: string;
  hours_kk: string;
  hours_ru: string;
  open_24_7: number;
  phone: string | null;
  latitude: number;
  longitude: number;
  /** 1 while any of the details below is a stand-in: the center is flagged until none is left. */
  placeholder: number;
  /** 1 while the address is a note for an administrator, never shown as an address. */
  address_placeholder: Generated<number>;
  /** 1 while the hours are a provisional schedule. */
  hours_placeholder: Generated<number>;
  /** 1 while the center's phone is not known. */
  phone_placeholder: Generated<number>;
  /** 1 while the map point is the district's stand-in point, never the center's location. */
  location_placeholder: Generated<number>;
}

/** One thing a center offers besides consultations (see `CENTER_OFFERS`). */
export interface CenterOffersTable {
  center_id: string;
  offer: CenterOffer;
}

export interface SpecialistsTable {
  id: Generated<number>;
  center_id: string;
  service: ServiceCode;
  display_name: string;
  telegram_id: number | null;
  slot_minutes: number;
  online: number;
  active: Generated<number>;
  demo: Generated<number>;
  created_at: Instant;
}

export interface SpecialistHoursTable {
  specialist_id: number;
  weekday: number;
  start_time: LocalTime;
  end_time: LocalTime;
}

export interface SpecialistOverridesTable {
  id: Generated<number>;
  specialist_id: number;
  date: LocalDate;
  kind: "off" | "hours";
  start_time: LocalTime | null;
  end_time: LocalTime | null;
}

export interface BlockedTimesTable {
  id: Generated<number>;
  specialist_id: number;
  starts_at: Instant;
  ends_at: Instant;
  created_at: Instant;
}

/** An invite names a specialist, or a tea-talk host by the name and center of their sessions. */
export interface StaffInvitesTable {
  token: string;
  kind: InviteKind;
  specialist_id: number | null;
  host_name: string | null;
  center_id: string | null;
  /** The card partner a partner's invite is for. */
  partner_id: number | null;
  /** The NGO team a coordinator's invite is for. */
  team_id: number | null;
  created_by: number;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
  used_by: number | null;
}

/** A center administrator: manages the catalog of one center; access ends when revoked. */
export interface CenterAdminsTable {
  id: Generated<number>;
  telegram_id: number;
  center_id: string;
  granted_by: number;
  granted_at: Instant;
  revoked_at: Instant | null;
}

/** One administrative change: who, what, when, and the state before and after it as JSON. */
export interface AuditLogTable {
  id: Generated<number>;
  at: Instant;
  actor_id: number;
  /** What was done, a stable word such as `center.edit` or `role.revoke`. */
  action: string;
  /** What it was done to, such as `center:almaly-1` or `user:123`. */
  subject: string;
  /** The center the change belongs to, so that its administrators can be shown their part. */
  center_id: string | null;
  before: string | null;
  after: string | null;
}

/** A city administrator who turned the weekly summary off. */
export interface WeeklyReportOptoutsTable {
  telegram_id: number;
  opted_out_at: Instant;
}

/** What the bot keeps about itself, by name (the key cards are signed with, unless configured). */
export interface SettingsTable {
  key: string;
  value: string;
  created_at: Instant;
}

/** A person's discount card; `issue` grows with each reissue, and only its latest token works. */
export interface CardsTable {
  id: Generated<number>;
  user_id: number;
  issue: Generated<number>;
  issued_at: Instant;
  expires_at: Instant;
  revoked_at: Instant | null;
  /** The administrator who revoked it. */
  revoked_by: number | null;
  created_at: Instant;
}

export interface PartnersTable {
  id: Generated<number>;
  name: string;
  category: PartnerCategory;
  benefit_kk: string | null;
  benefit_ru: string | null;
  active: Generated<number>;
  demo: Generated<number>;
  created_at: Instant;
}

/** A Telegram account that checks cards for a partner. */
export interface PartnerAccountsTable {
  telegram_id: number;
  partner_id: number;
  linked_at: Instant;
}

/** Why a check found a card invalid is kept here; the partner is only told "invalid". */
export type CardCheckResult = "valid" | "forged" | "expired" | "reissued" | "revoked" | "unknown";

export interface CardChecksTable {
  id: Generated<number>;
  card_id: number | null;
  partner_id: number;
  checked_by: number;
  checked_at: Instant;
  result: CardCheckResult;
}

export type BookingStatus = "confirmed" | "cancelled" | "attended" | "no_show" | "rescheduled";

export interface BookingsTable {
  id: Generated<number>;
  user_id: number | null;
  specialist_id: number;
  service: ServiceCode;
  center_id: string;
  starts_at: Instant;
  ends_at: Instant;
  mode: BookingMode;
  topic: string | null;
  status: BookingStatus;
  created_at: Instant;
  updated_at: Instant;
  cancelled_by: "user" | "specialist" | null;
  replaced_by: number | null;
  feedback_score: number | null;
  feedback_comment: string | null;
  /** When it was marked attended / no-show; null while it has no mark. */
  marked_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  /** The calendar event a moved booking continues; null when the booking started its own. */
  calendar_uid: string | null;
  calendar_sequence: Generated<number>;
}

export type OutboxState = "pending" | "sending" | "sent" | "failed" | "cancelled" | "expired";

export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  recipient_id: number;
  payload: string;
  due_at: Instant;
  expires_at: Instant | null;
  state: Generated<OutboxState>;
  attempts: Generated<number>;
  last_error: string | null;
  claimed_by: string | null;
  claimed_at: Instant | null;
  sent_at: Instant | null;
  essential: Generated<number>;
  urgent: Generated<number>;
  booking_id: number | null;
  dedupe_key: string | null;
  created_at: Instant;
}

export type BroadcastState = "sending" | "paused" | "cancelled" | "done";
export type BroadcastOutcome = "sent" | "failed" | "blocked";

/** A message to a segment of people; see the migration of the same name. */
export interface BroadcastsTable {
  id: Generated<number>;
  created_by: number;
  /** The sender's language, which their progress message is written in. */
  sender_language: Language;
  /** The center whose people it is for; its administrators may pause, resume or cancel it. */
  center_id: string | null;
  /** The segment as JSON (see `Segment`). */
  segment: string;
  text_kk: string | null;
  text_ru: string | null;
  photo_file_id: string | null;
  button_kind: "event" | "center" | null;
  button_url: string | null;
  state: BroadcastState;
  total: number;
  sent: Generated<number>;
  failed: Generated<number>;
  blocked: Generated<number>;
  progress_chat_id: number | null;
  progress_message_id: number | null;
  /** What the progress message shows now, so that an edit is made only when it changes. */
  progress_text: string | null;
  progress_edited_at: Instant | null;
  created_at: Instant;
  /** When nothing more can change: finished or cancelled, and nothing left on its way. */
  settled_at: Instant | null;
}

/** One person a broadcast is for, and what became of their message once it is known. */
export interface BroadcastRecipientsTable {
  broadcast_id: number;
  user_id: number;
  /** The outbox row of their message while it is on its way or after; null while still to send. */
  outbox_id: number | null;
  outcome: BroadcastOutcome | null;
}

/** An event or festival; a tea-talk session is one of category "teatalk", with a level. */
export interface EventsTable {
  id: Generated<number>;
  category: EventCategory;
  level: TeaTalkLevel | null;
  /** In a center, or at the venue named below. */
  center_id: string | null;
  venue_kk: string | null;
  venue_ru: string | null;
  latitude: number | null;
  longitude: number | null;
  district: DistrictCode;
  title_kk: string;
  title_ru: string;
  description_kk: string | null;
  description_ru: string | null;
  starts_at: Instant;
  ends_at: Instant;
  /** Null: no limit. */
  capacity: number | null;
  host_specialist_id: number | null;
  host_name: string | null;
  host_telegram_id: number | null;
  status: Generated<EventStatus>;
  demo: Generated<number>;
  created_at: Instant;
}

export interface EventSignupsTable {
  id: Generated<number>;
  event_id: number;
  user_id: number | null;
  status: SignupStatus;
  offer_expires_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

/** A youth NGO's project team working with the centers. */
export interface TeamsTable {
  id: Generated<number>;
  name_kk: string;
  name_ru: string;
  description_kk: string;
  description_ru: string;
  category: TeamCategory;
  district: DistrictCode | null;
  center_id: string | null;
  /** The Telegram account that answers join requests; null until an invite links one. */
  coordinator_id: number | null;
  active: Generated<number>;
  demo: Generated<number>;
  created_at: Instant;
}

/** A person's request to join a team, and what became of it. */
export interface TeamMembersTable {
  id: Generated<number>;
  team_id: number;
  user_id: number;
  status: TeamMemberStatus;
  /** What the person wrote to the coordinator, if anything. */
  message: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface PracticeSettingsTable {
  user_id: number;
  level: Level;
  /** Null: the configured default. */
  new_per_day: number | null;
  placement_done: Generated<number>;
  created_at: Instant;
  updated_at: Instant;
}

/** A learner's FSRS card for one deck item (ts-fsrs field names; `state` is its State enum). */
export interface PracticeCardsTable {
  user_id: number;
  item_id: string;
  due: Instant;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review: Instant | null;
  introduced_at: Instant;
}

export interface PracticeReviewsTable {
  id: Generated<number>;
  user_id: number;
  item_id: string;
  rating: number;
  kind: ExerciseKind;
  reviewed_at: Instant;
  /** Which review of the item this is for the learner, from 1: the same review is stored once. */
  review_number: number;
}

export interface Database {
  users: UsersTable;
  conversation_state: ConversationStateTable;
  handled_updates: HandledUpdatesTable;
  received_updates: ReceivedUpdatesTable;
  chat_turns: ChatTurnsTable;
  job_leases: JobLeasesTable;
  anonymous_counts: AnonymousCountsTable;
  centers: CentersTable;
  center_offers: CenterOffersTable;
  specialists: SpecialistsTable;
  specialist_hours: SpecialistHoursTable;
  specialist_overrides: SpecialistOverridesTable;
  blocked_times: BlockedTimesTable;
  staff_invites: StaffInvitesTable;
  center_admins: CenterAdminsTable;
  audit_log: AuditLogTable;
  weekly_report_optouts: WeeklyReportOptoutsTable;
  settings: SettingsTable;
  cards: CardsTable;
  partners: PartnersTable;
  partner_accounts: PartnerAccountsTable;
  card_checks: CardChecksTable;
  bookings: BookingsTable;
  outbox: OutboxTable;
  broadcasts: BroadcastsTable;
  broadcast_recipients: BroadcastRecipientsTable;
  practice_settings: PracticeSettingsTable;
  practice_cards: PracticeCardsTable;
  practice_reviews: PracticeReviewsTable;
  events: EventsTable;
  event_signups: EventSignupsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Center = Selectable<CentersTable>;
export type Specialist = Selectable<SpecialistsTable>;
export type Booking = Selectable<BookingsTable>;
export type Card = Selectable<CardsTable>;
export type Partner = Selectable<PartnersTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type Broadcast = Selectable<BroadcastsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type Team = Selectable<TeamsTable>;
export type TeamMember = Selectable<TeamMembersTable>;
export type Event = Selectable<EventsTable>;
export type EventSignup = Selectable<EventSignupsTable>;
export type PracticeSettings = Selectable<PracticeSettingsTable>;
export type PracticeCardRow = Selectable<PracticeCardsTable>;
