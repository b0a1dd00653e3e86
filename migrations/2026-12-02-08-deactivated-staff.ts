import { sql, type Kysely } from "kysely";

/**
 * Deactivating a specialist withdraws the notices still waiting for them, in the same
 * transaction, whoever deactivates them and however: the details of bookings, sensitive topics
 * among them, no longer go to someone who has left. A notice to the specialist is one addressed
 * to their linked account about one of their bookings; the people's own reminders stay.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create trigger specialist_deactivated_withdraws_notices
    after update of active on specialists
    when old.active = 1 and new.active = 0 and old.telegram_id is not null
    begin
      update outbox
      set state = 'cancelled', last_error = 'specialist deactivated'
      where state = 'pending'
        and recipient_id = old.telegram_id
        and booking_id in (select id from bookings where specialist_id = old.id);
    end
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger specialist_deactivated_withdraws_notices`.execute(db);
}
