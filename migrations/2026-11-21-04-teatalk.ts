import { sql, type Kysely } from "kysely";
import { columns, createCapacityGuard } from "./portable.js";

/** Tea-talk clubs: Kazakh conversation sessions in the centers, and who signed up for them. */
export async function up(db: Kysely<any>): Promise<void> {
  const col = columns(db);
  await db.schema
    .createTable("teatalk_sessions")
    .addColumn("id", "integer", col.id)
    .addColumn("center_id", "text", (c) => c.notNull().references("centers.id"))
    .addColumn("starts_at", col.instant, (c) => c.notNull())
    .addColumn("ends_at", col.instant, (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull().check(sql`level in ('beginner', 'intermediate', 'advanced')`))
    // The host is a specialist of the centers or someone named in free text (a volunteer).
    .addColumn("host_specialist_id", "integer", (c) => c.references("specialists.id"))
    .addColumn("host_name", "text")
    // The account that marks attendance; a specialist host may also be found by their own link.
    .addColumn("host_telegram_id", col.telegramId)
    // Two marking buttons per participant, and a message carries at most 100 buttons.
    .addColumn("capacity", "integer", (c) => c.notNull().check(sql`capacity between 1 and 40`))
    .addColumn("topic_kk", "text", (c) => c.notNull())
    .addColumn("topic_ru", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("scheduled").check(sql`status in ('scheduled', 'cancelled')`))
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", col.instant, (c) => c.notNull())
    .addCheckConstraint("teatalk_sessions_period", sql`ends_at > starts_at`)
    .addCheckConstraint("teatalk_sessions_host", sql`host_specialist_id is not null or host_name is not null`)
    .execute();
  await sql`create index teatalk_sessions_start on teatalk_sessions (starts_at)`.execute(db);
  await sql`create index teatalk_sessions_host on teatalk_sessions (host_telegram_id, starts_at)`.execute(db);

  await db.schema
    .createTable("teatalk_signups")
    // The id is also the order of the waitlist: whoever signed up first is offered first.
    .addColumn("id", "integer", col.id)
    .addColumn("session_id", "integer", (c) => c.notNull().references("teatalk_sessions.id").onDelete("cascade"))
    // Kept without its person after /deleteme, so the city's attendance figures stay right.
    .addColumn("user_id", col.telegramId, (c) => c.references("users.id").onDelete("set null"))
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('confirmed', 'waitlisted', 'offered', 'cancelled', 'attended', 'no_show')`),
    )
    // Until when an offered seat is held; kept afterwards, so a late "accept" can be told it lapsed.
    .addColumn("offer_expires_at", col.instant)
    .addColumn("created_at", col.instant, (c) => c.notNull())
    .addColumn("updated_at", col.instant, (c) => c.notNull())
    .addCheckConstraint("teatalk_signups_offer_deadline", sql`status <> 'offered' or offer_expires_at is not null`)
    .execute();
  // One sign-up per person and session that is not cancelled: a second press signs nobody up twice.
  await sql`create unique index teatalk_signups_one_per_person on teatalk_signups (session_id, user_id)
    where status <> 'cancelled'`.execute(db);
  await sql`create index teatalk_signups_session on teatalk_signups (session_id, status, id)`.execute(db);
  await sql`create index teatalk_signups_user on teatalk_signups (user_id, status)`.execute(db);
  await sql`create index teatalk_signups_offers on teatalk_signups (status, offer_expires_at)`.execute(db);

  await createCapacityGuard(db, { signups: "teatalk_signups", parent: "teatalk_sessions", parentId: "session_id", message: "teatalk session full" });
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("teatalk_signups").execute();
  await db.schema.dropTable("teatalk_sessions").execute();
}
