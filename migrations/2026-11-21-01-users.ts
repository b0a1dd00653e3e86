import { sql, type Kysely } from "kysely";
import { columns } from "./portable.js";

// Migrations take Kysely<any>: they describe the schema as it was on their day, not as the code sees it now.
export async function up(db: Kysely<any>): Promise<void> {
  const col = columns(db);
  await db.schema
    .createTable("users")
    .addColumn("id", col.telegramId, (c) => c.primaryKey()) // Telegram user id
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("name", "text")
    .addColumn("age", "integer")
    .addColumn("guardian_consent", "integer")
    .addColumn("district", "text")
    .addColumn("phone", "text")
    .addColumn("occupation", "text")
    .addColumn("consent_version", "text")
    .addColumn("consent_at", col.instant)
    .addColumn("registered_at", col.instant)
    .addColumn("notifications", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("blocked_at", col.instant)
    .addColumn("created_at", col.instant, (c) => c.notNull())
    .addColumn("updated_at", col.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("conversation_state")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_at", col.instant, (c) => c.notNull())
    .execute();

  // What must outlive an erased account for the city's figures, without saying whose it was.
  await db.schema
    .createTable("anonymous_counts")
    .addColumn("metric", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("anonymous_counts_pk", ["metric", "day"])
    .execute();

  await sql`create index users_district on users (district)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("anonymous_counts").execute();
  await db.schema.dropTable("conversation_state").execute();
  await db.schema.dropTable("users").execute();
}
