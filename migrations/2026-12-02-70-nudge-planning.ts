import { sql, type Kysely } from "kysely";

/**
 * When the planner next looks at a person's practice nudge: set when they choose a time, moved on
 * to the planned nudge's time once it is written. The scheduler then reads, on each run, only the
 * people whose moment has come (a partial index: most people never choose a time), instead of
 * every person with a time. People who chose one before are looked at on the first run.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").addColumn("practice_nudge_plan_at", "text").execute();
  await sql`update users set practice_nudge_plan_at = updated_at where practice_nudge_time is not null`.execute(db);
  await sql`create index users_nudge_plan on users (practice_nudge_plan_at) where practice_nudge_plan_at is not null`.execute(db);
  await sql`drop index users_practice_nudge`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index users_practice_nudge on users (practice_nudge_time) where practice_nudge_time is not null`.execute(db);
  await sql`drop index users_nudge_plan`.execute(db);
  await db.schema.alterTable("users").dropColumn("practice_nudge_plan_at").execute();
}
