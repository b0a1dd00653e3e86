import { sql, type Kysely } from "kysely";

/**
 * Indexes for what the scheduler looks for every few seconds: the people who chose a daily
 * practice time (few among all, hence a partial index), flows untouched for long, and waiting
 * messages past their expiry (without it, every waiting message was read each time).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index users_practice_nudge on users (practice_nudge_time) where practice_nudge_time is not null`.execute(db);
  await sql`create index conversation_state_updated on conversation_state (updated_at)`.execute(db);
  await sql`create index outbox_expiry on outbox (state, expires_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index outbox_expiry`.execute(db);
  await sql`drop index conversation_state_updated`.execute(db);
  await sql`drop index users_practice_nudge`.execute(db);
}
