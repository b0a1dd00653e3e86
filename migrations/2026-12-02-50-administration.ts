import { sql, type Kysely } from "kysely";
import { columns } from "./portable.js";

/**
 * The city's administration: who administers which center, and the log of every administrative
 * change. A center administrator's access ends when `revoked_at` is set; the row stays as history.
 * The audit log keeps the state before and after each change as JSON, so that a city
 * administrator can see who changed what, and when.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const col = columns(db);
  await db.schema
    .createTable("center_admins")
    .addColumn("id", "integer", col.id)
    .addColumn("telegram_id", "integer", (c) => c.notNull())
    .addColumn("center_id", "text", (c) => c.notNull().references("centers.id"))
    .addColumn("granted_by", "integer", (c) => c.notNull())
    .addColumn("granted_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema
    .createIndex("center_admins_live")
    .on("center_admins")
    .columns(["telegram_id", "center_id"])
    .unique()
    .where(sql.ref("revoked_at"), "is", null)
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", col.id)
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_id", "integer", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("center_id", "text")
    .addColumn("before", "text")
    .addColumn("after", "text")
    .execute();
  await db.schema.createIndex("audit_log_center").on("audit_log").columns(["center_id", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("audit_log").execute();
  await db.schema.dropTable("center_admins").execute();
}
