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
  placeholder: number;
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
  anonymous_counts: AnonymousCountsTable;
  centers: CentersTable;
  center_offers: CenterOffersTable;
  specialists: SpecialistsTable;
  specialist_hours: SpecialistHoursTable;
  specialist_overrides: SpecialistOverridesTable;
  blocked_times: BlockedTimesTable;
  staff_invites: StaffInvitesTable;
  settings: SettingsTable;
  cards: CardsTable;
  partners: PartnersTable;
  partner_accounts: PartnerAccountsTable;
  card_checks: CardChecksTable;
  bookings: BookingsTable;
  outbox: OutboxTable;
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
export type Team = Selectable<TeamsTable>;
export type TeamMember = Selectable<TeamMembersTable>;
export type Event = Selectable<EventsTable>;
export type EventSignup = Selectable<EventSignupsTable>;
export type PracticeSettings = Selectable<PracticeSettingsTable>;
export type PracticeCardRow = Selectable<PracticeCardsTable>;
