import type { Kysely } from "kysely";

/**
 * A booking's calendar event: a moved booking continues the event of the booking it replaced
 * (its UID), and every change raises the revision number, so that the person's calendar
 * replaces the event instead of adding a second one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Null: the booking started its own event, whose UID comes from its id.
  await db.schema.alterTable("bookings").addColumn("calendar_uid", "text").execute();
  await db.schema.alterTable("bookings").addColumn("calendar_sequence", "integer", (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("bookings").dropColumn("calendar_sequence").execute();
  await db.schema.alterTable("bookings").dropColumn("calendar_uid").execute();
}
