import type { Kysely } from "kysely";

// The person's Telegram username, kept current as they write: the way their specialist reaches
// them for an online consultation. Null when they have none.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").addColumn("username", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("username").execute();
}
