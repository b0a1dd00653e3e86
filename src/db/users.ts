import type { Language } from "../domain/language.js";
import { compiledOnce, type Db } from "./database.js";
import type { User, UserUpdate } from "./schema.js";

/** Every update reads its sender's row. */
const userById = compiledOnce([0], (db, id: number) => db.selectFrom("users").selectAll().where("id", "=", id));

export async function findUser(db: Db, id: number): Promise<User | undefined> {
  return (await userById(db, id))[0];
}

/** The rows of these people, by id; someone the bot has no row for is missing. */
export async function findUsers(db: Db, ids: readonly number[]): Promise<Map<number, User>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("users").selectAll().where("id", "in", [...new Set(ids)]).execute();
  return new Map(rows.map((u) => [u.id, u]));
}

/** The user's row, created on first contact with only the language: nothing personal yet. */
export async function ensureUser(db: Db, id: number, language: Language, now: Date): Promise<User> {
  const at = now.toISOString();
  await db
    .insertInto("users")
    .values({ id, language, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
  return (await findUser(db, id))!;
}

/** Changes a person's row; a new practice time (or none) is handed to the nudge planner at once. */
export async function updateUser(db: Db, id: number, changes: UserUpdate, now: Date): Promise<void> {
  const planning = "practice_nudge_time" in changes ? { practice_nudge_plan_at: changes.practice_nudge_time ? now.toISOString() : null } : {};
  await db
    .updateTable("users")
    .set({ ...changes, ...planning, updated_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
}

export interface Registration {
  name: string;
  age: number;
  guardianConsent: boolean | null;
  district: User["district"] & string;
  phone: string | null;
  occupation: User["occupation"];
  consentVersion: string;
}

export async function completeRegistration(db: Db, id: number, r: Registration, now: Date): Promise<void> {
  const at = now.toISOString();
  await updateUser(
    db,
    id,
    {
      name: r.name,
      age: r.age,
      guardian_consent: r.guardianConsent === null ? null : Number(r.guardianConsent),
      district: r.district,
      phone: r.phone,
      occupation: r.occupation,
      consent_version: r.consentVersion,
      consent_at: at,
      registered_at: at,
      blocked_at: null,
    },
    now,
  );
}

export function isRegistered(user: User | undefined): user is User & { registered_at: string; name: string } {
  return !!user?.registered_at;
}

/**
 * Locks the person's row until the transaction ends, so that what one person does at once from
 * two places (two presses, a replayed flow, /deleteme beside a booking) is checked and written one
 * after the other. The lock is PostgreSQL's row lock; an SQLite transaction holds the whole
 * database already. Whoever locks a person and something else locks the person first.
 */
export async function lockPerson(trx: Db, userId: number): Promise<void> {
  await trx.selectFrom("users").select("id").where("id", "=", userId).forUpdate().execute();
}

/** Adds one to an anonymous daily figure. */
export async function countAnonymously(db: Db, metric: string, day: string): Promise<void> {
  await db
    .insertInto("anonymous_counts")
    .values({ metric, day, count: 1 })
    .onConflict((oc) => oc.columns(["metric", "day"]).doUpdateSet((eb) => ({ count: eb("anonymous_counts.count", "+", 1) })))
    .execute();
}
