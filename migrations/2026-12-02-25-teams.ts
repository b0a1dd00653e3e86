import { sql, type Kysely } from "kysely";
import { columns } from "./portable.js";

/**
 * Youth NGO project teams that work with the centers, and the people who asked to join them.
 * A team has at most one coordinator account, linked through an invite. A person has at most one
 * live request or membership per team; declined and left rows stay as the team's history until
 * the person erases their data.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const col = columns(db);
  await db.schema
    .createTable("teams")
    .addColumn("id", "integer", col.id)
    .addColumn("name_kk", "text", (c) => c.notNull())
    .addColumn("name_ru", "text", (c) => c.notNull())
    .addColumn("description_kk", "text", (c) => c.notNull())
    .addColumn("description_ru", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull().check(sql`category in ('ecology', 'patriotic', 'volunteer', 'other')`))
    .addColumn("district", "text")
    .addColumn("center_id", "text", (c) => c.references("centers.id"))
    .addColumn("coordinator_id", col.telegramId)
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", col.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("teams_coordinator").on("teams").column("coordinator_id").execute();

  await db.schema
    .createTable("team_members")
    .addColumn("id", "integer", col.id)
    .addColumn("team_id", "integer", (c) => c.notNull().references("teams.id").onDelete("cascade"))
    .addColumn("user_id", col.telegramId, (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('requested', 'member', 'declined', 'left')`))
    .addColumn("message", "text", (c) => c.check(sql`length(message) <= 300`))
    .addColumn("created_at", col.instant, (c) => c.notNull())
    .addColumn("updated_at", col.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("team_members_live")
    .on("team_members")
    .columns(["team_id", "user_id"])
    .unique()
    .where(sql.ref("status"), "in", ["requested", "member"])
    .execute();
  await db.schema.createIndex("team_members_user").on("team_members").column("user_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("team_members").execute();
  await db.schema.dropTable("teams").execute();
}
