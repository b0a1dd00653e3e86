import { sql, type Kysely, type RawBuilder } from "kysely";
import { columns, replaceTable } from "./portable.js";

/**
 * Invite links for center administrators: each names the center the person will administer.
 * SQLite cannot change a check constraint in place: the table is rebuilt, and the invites already
 * given keep working.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await rebuild(db, {
    kinds: sql`kind in ('specialist', 'host', 'partner', 'coordinator', 'center-admin')`,
    targets: sql`(kind = 'specialist' and specialist_id is not null and host_name is null and center_id is null and partner_id is null and team_id is null)
      or (kind = 'host' and specialist_id is null and host_name is not null and center_id is not null and partner_id is null and team_id is null)
      or (kind = 'partner' and specialist_id is null and host_name is null and center_id is null and partner_id is not null and team_id is null)
      or (kind = 'coordinator' and specialist_id is null and host_name is null and center_id is null and partner_id is null and team_id is not null)
      or (kind = 'center-admin' and specialist_id is null and host_name is null and center_id is not null and partner_id is null and team_id is null)`,
    keep: sql`true`,
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  // The center administrators' invites have no place in the older table: they go.
  await rebuild(db, {
    kinds: sql`kind in ('specialist', 'host', 'partner', 'coordinator')`,
    targets: sql`(kind = 'specialist' and specialist_id is not null and host_name is null and center_id is null and partner_id is null and team_id is null)
      or (kind = 'host' and specialist_id is null and host_name is not null and center_id is not null and partner_id is null and team_id is null)
      or (kind = 'partner' and specialist_id is null and host_name is null and center_id is null and partner_id is not null and team_id is null)
      or (kind = 'coordinator' and specialist_id is null and host_name is null and center_id is null and partner_id is null and team_id is not null)`,
    keep: sql`kind <> 'center-admin'`,
  });
}

interface Shape {
  kinds: RawBuilder<unknown>;
  targets: RawBuilder<unknown>;
  keep: RawBuilder<unknown>;
}

/** The table with these constraints, holding the rows `keep` selects. */
async function rebuild(db: Kysely<any>, shape: Shape): Promise<void> {
  const col = columns(db);
  await db.schema
    .createTable("staff_invites_next")
    .addColumn("token", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("specialist").check(shape.kinds))
    .addColumn("specialist_id", "integer", (c) => c.references("specialists.id").onDelete("cascade"))
    .addColumn("host_name", "text")
    .addColumn("center_id", "text", (c) => c.references("centers.id"))
    .addColumn("partner_id", "integer")
    .addColumn("team_id", "integer")
    .addColumn("created_by", col.telegramId, (c) => c.notNull())
    .addColumn("created_at", col.instant, (c) => c.notNull())
    .addColumn("expires_at", col.instant, (c) => c.notNull())
    .addColumn("used_at", col.instant)
    .addColumn("used_by", col.telegramId)
    .addCheckConstraint("staff_invites_target", shape.targets)
    .execute();
  const names = sql.raw("token, kind, specialist_id, host_name, center_id, partner_id, team_id, created_by, created_at, expires_at, used_at, used_by");
  await sql`insert into staff_invites_next (${names}) select ${names} from staff_invites where ${shape.keep}`.execute(db);
  await db.schema.dropTable("staff_invites").execute();
  await replaceTable(db, "staff_invites_next", "staff_invites");
}
