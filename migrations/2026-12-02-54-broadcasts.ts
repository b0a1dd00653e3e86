import { sql, type Kysely } from "kysely";
import { columns } from "./portable.js";

/**
 * Broadcasts: a message from the city or a center to a segment of young people, and who it is
 * for. The recipients are fixed when the broadcast is confirmed, one row each, so that nobody
 * gets it twice and "remaining" means the same after a restart. A recipient's row points at its
 * outbox row while the message is on its way, and keeps what became of it (sent, failed,
 * blocked); it goes with the person when they erase their data. The counters on the broadcast
 * are kept with the outcomes, so the progress is read without counting every recipient.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const col = columns(db);
  await db.schema
    .createTable("broadcasts")
    .addColumn("id", "integer", col.id)
    .addColumn("created_by", "integer", (c) => c.notNull())
    .addColumn("sender_language", "text", (c) => c.notNull())
    .addColumn("center_id", "text", (c) => c.references("centers.id"))
    .addColumn("segment", "text", (c) => c.notNull())
    .addColumn("text_kk", "text")
    .addColumn("text_ru", "text")
    .addColumn("photo_file_id", "text")
    .addColumn("button_kind", "text", (c) => c.check(sql`button_kind in ('event', 'center')`))
    .addColumn("button_url", "text")
    .addColumn("state", "text", (c) => c.notNull().check(sql`state in ('sending', 'paused', 'cancelled', 'done')`))
    .addColumn("total", "integer", (c) => c.notNull())
    .addColumn("sent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("failed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("blocked", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("progress_chat_id", "integer")
    .addColumn("progress_message_id", "integer")
    .addColumn("progress_text", "text")
    .addColumn("progress_edited_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("settled_at", "text")
    .addCheckConstraint("broadcasts_some_text", sql`text_kk is not null or text_ru is not null`)
    .execute();
  await db.schema.createIndex("broadcasts_unsettled").on("broadcasts").column("settled_at").execute();

  await db.schema
    .createTable("broadcast_recipients")
    .addColumn("broadcast_id", "integer", (c) => c.notNull().references("broadcasts.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("outbox_id", "integer")
    .addColumn("outcome", "text", (c) => c.check(sql`outcome in ('sent', 'failed', 'blocked')`))
    .addPrimaryKeyConstraint("broadcast_recipients_pk", ["broadcast_id", "user_id"])
    .execute();
  // The recipients still to send and those on their way, found without reading the rest.
  await db.schema
    .createIndex("broadcast_recipients_open")
    .on("broadcast_recipients")
    .columns(["broadcast_id", "outcome", "outbox_id"])
    .execute();
  await db.schema.createIndex("broadcast_recipients_user").on("broadcast_recipients").column("user_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("broadcast_recipients").execute();
  await db.schema.dropTable("broadcasts").execute();
}
