import { sql, type Kysely } from "kysely";
import { columns, replaceTable } from "./portable.js";

/**
 * Invite links for tea-talk hosts as well as specialists. A host without a specialist's record is
 * known only by the name and center of their sessions, so an invite names either a specialist or
 * such a host. SQLite cannot relax a column's NOT NULL in place: the table is rebuilt, and the
 * invites already given keep working.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const col = columns(db);
  await db.schema
    .createTable("staff_invites_next")
    .addColumn("token", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("specialist").check(sql`kind in ('specialist', 'host')`))
    .addColumn("specialist_id", "integer", (c) => c.references("specialists.id").onDelete("cascade"))
    .addColumn("host_name", "text")
    .addColumn("center_id", "text", (c) => c.references("centers.id"))
    .addColumn("created_by", col.telegramId, (c) => c.notNull())
    .addColumn("created_at", col.instant, (c) => c.notNull())
    .addColumn("expires_at", col.instant, (c) => c.notNull())
    .addColumn("used_at", col.instant)
    .addColumn("used_by", col.telegramId)
    .addCheckConstraint(
      "staff_invites_target",
      sql`(kind = 'specialist' and specialist_id is not null and host_name is null and center_id is null)
        or (kind = 'host' and specialist_id is null and host_name is not null and center_id is not null)`,
    )
    .execute();
  await sql`insert into staff_invites_next (token, kind, specialist_id, created_by, created_at, expires_at, used_at, used_by)
    select token, 'specialist', specialist_id, created_by, created_at, expires_at, used_at, used_by from staff_invites`.execute(db);
  await db.schema.dropTable("staff_invites").execute();
  await replaceTable(db, "staff_invites_next", "staff_invites");
}

export async function down(db: Kysely<any>): Promise<void> {
  const col = columns(db);
  await db.schema
    .createTable("staff_invites_previous")
    .addColumn("token", "text", (c) => c.primaryKey())
    .addColumn("specialist_id", "integer", (c) => c.notNull().references("specialists.id").onDelete("cascade"))
    .addColumn("created_by", col.telegramId, (c) => c.notNull())
    .addColumn("created_at", col.instant, (c) => c.notNull())
    .addColumn("expires_at", col.instant, (c) => c.notNull())
    .addColumn("used_at", col.instant)
    .addColumn("used_by", col.telegramId)
    .execute();
  // A host's invite has no place in the older table: it goes.
  await sql`insert into staff_invites_previous (token, specialist_id, created_by, created_at, expires_at, used_at, used_by)
    select token, specialist_id, created_by, created_at, expires_at, used_at, used_by from staff_invites
    where kind = 'specialist'`.execute(db);
  await db.schema.dropTable("staff_invites").execute();
  await replaceTable(db, "staff_invites_previous", "staff_invites");
}
