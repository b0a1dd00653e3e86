import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { DistrictCode } from "../domain/districts.js";
import type { Language } from "../domain/language.js";
import type { Occupation } from "../domain/profile.js";

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
  occupation: Occupation | null;
  consent_version: string | null;
  consent_at: Instant | null;
  registered_at: Instant | null;
  notifications: Generated<number>;
  blocked_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface ConversationStateTable {
  key: string;
  value: string;
  updated_at: Instant;
}

export interface AnonymousCountsTable {
  metric: string;
  day: string;
  count: Generated<number>;
}

export interface Database {
  users: UsersTable;
  conversation_state: ConversationStateTable;
  anonymous_counts: AnonymousCountsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
