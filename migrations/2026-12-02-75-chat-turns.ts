import { sql, type Kysely } from "kysely";
import { columns } from "./portable.js";

/**
 * One chat's updates handled one at a time, in order, by whichever process holds the chat's turn:
 * several instances behind one webhook may each receive updates of the same chat. Each received
 * update names its chat (`chat_key`), and `chat_turns` says which process is handling that chat's
 * updates and until when its hold lasts unless renewed. Updates an older release left waiting
 * carry no chat: each is handled on its own, as it would have been.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const col = columns(db);
  await db.schema.alterTable("received_updates").addColumn("chat_key", "text").execute();
  await sql`update received_updates set chat_key = ${sql.lit("update:")} || update_id`.execute(db);
  await db.schema.createIndex("received_updates_chat_key").on("received_updates").columns(["chat_key", "update_id"]).execute();
  await db.schema
    .createTable("chat_turns")
    .addColumn("chat_key", "text", (c) => c.primaryKey())
    .addColumn("holder", "text", (c) => c.notNull())
    .addColumn("expires_at", col.instant, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("chat_turns").execute();
  await db.schema.dropIndex("received_updates_chat_key").execute();
  await db.schema.alterTable("received_updates").dropColumn("chat_key").execute();
}
