import { sql, type Kysely } from "kysely";
import { dialectOf } from "../src/db/dialect.js";

/**
 * Deactivating a specialist withdraws the notices still waiting for them, in the same
 * transaction, whoever deactivates them and however: the details of bookings, sensitive topics
 * among them, no longer go to someone who has left. A notice to the specialist is one addressed
 * to their linked account about one of their bookings; the people's own reminders stay.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const withdraw = sql`
      update outbox
      set state = 'cancelled', last_error = 'specialist deactivated'
      where state = 'pending'
        and recipient_id = old.telegram_id
        and booking_id in (select id from bookings where specialist_id = old.id);`;
  const when = sql`old.active = 1 and new.active = 0 and old.telegram_id is not null`;
  if (dialectOf(db) === "postgres") {
    await sql`create function specialist_deactivated_withdraws_notices() returns trigger language plpgsql as $$
      begin ${withdraw} return null; end $$`.execute(db);
    await sql`
      create trigger specialist_deactivated_withdraws_notices
      after update of active on specialists
      for each row when (${when})
      execute function specialist_deactivated_withdraws_notices()
    `.execute(db);
    return;
  }
  await sql`
    create trigger specialist_deactivated_withdraws_notices
    after update of active on specialists
    when ${when}
    begin ${withdraw} end
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`drop trigger specialist_deactivated_withdraws_notices on specialists`.execute(db);
    await sql`drop function specialist_deactivated_withdraws_notices()`.execute(db);
    return;
  }
  await sql`drop trigger specialist_deactivated_withdraws_notices`.execute(db);
}
