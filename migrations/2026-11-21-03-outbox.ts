import { sql, type Kysely } from "kysely";
import { columns } from "./portable.js";

export async function up(db: Kysely<any>): Promise<void> {
  const col = columns(db);
  await db.schema
    .createTable("outbox")
    .addColumn("id", "integer", col.id)
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("recipient_id", col.telegramId, (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("due_at", col.instant, (c) => c.notNull())
    // Past this instant the message no longer makes sense (a reminder after its consultation began).
    .addColumn("expires_at", col.instant)
    .addColumn("state", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("claimed_by", "text")
    .addColumn("claimed_at", col.instant)
    .addColumn("sent_at", col.instant)
    // Essential messages (a cancelled consultation) ignore "notifications off"; urgent ones ignore quiet hours.
    .addColumn("essential", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("urgent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("booking_id", "integer", (c) => c.references("bookings.id").onDelete("cascade"))
    // Guards against writing the same message twice (e.g. "<kind>:<booking>:<offset>").
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .addColumn("created_at", col.instant, (c) => c.notNull())
    .execute();
  await sql`create index outbox_due on outbox (state, due_at)`.execute(db);
  await sql`create index outbox_booking on outbox (booking_id)`.execute(db);
  await sql`create index outbox_recipient on outbox (recipient_id, state)`.execute(db);

  // The daily Kazakh-practice nudge, opt-in: an Almaty wall time "HH:MM", null when off.
  await db.schema.alterTable("users").addColumn("practice_nudge_time", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("practice_nudge_time").execute();
  await db.schema.dropTable("outbox").execute();
}
