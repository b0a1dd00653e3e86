import { sql, type Kysely } from "kysely";

/**
 * The city's figures. Each report counts one range of time (a year of consultations, a few weeks
 * of sign-ups, a week of practice) grouped by a few columns: these indexes hold the range first
 * and the grouped columns after it, so a report reads one slice of an index and never the table,
 * even with a million bookings. The reach of the whole city is everyone signed up, by district,
 * age and occupation: one pass over an index that holds just those, in that order.
 *
 * City administrators who do not want the weekly summary are kept by their Telegram id: an
 * administrator need not have signed up as a young person, so this is not a column of users.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index bookings_figures on bookings (starts_at, service, center_id, status, feedback_score)`.execute(db);
  await sql`create index users_signed_up on users (registered_at)`.execute(db);
  await sql`create index users_figures on users (district, age, occupation, registered_at)`.execute(db);
  await sql`create index practice_reviews_day on practice_reviews (reviewed_at, user_id)`.execute(db);
  await sql`create index practice_cards_state on practice_cards (state)`.execute(db);
  await sql`create index card_checks_day on card_checks (checked_at, partner_id, result)`.execute(db);
  await db.schema
    .createTable("weekly_report_optouts")
    .addColumn("telegram_id", "integer", (c) => c.primaryKey())
    .addColumn("opted_out_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("weekly_report_optouts").execute();
  await sql`drop index card_checks_day`.execute(db);
  await sql`drop index practice_cards_state`.execute(db);
  await sql`drop index practice_reviews_day`.execute(db);
  await sql`drop index users_figures`.execute(db);
  await sql`drop index users_signed_up`.execute(db);
  await sql`drop index bookings_figures`.execute(db);
}
