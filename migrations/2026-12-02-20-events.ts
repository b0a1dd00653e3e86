import { sql, type Kysely } from "kysely";
import { columns, continueIds, createCapacityGuard } from "./portable.js";

/**
 * Events and festivals, with tea-talk sessions as events of their own category: one table of
 * events and one of sign-ups, so that seats, the waitlist, offers and attendance follow one set
 * of rules. Sessions and sign-ups keep their ids, so that the reminders and offers already in the
 * outbox, and the buttons already sent, keep naming the same rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const col = columns(db);
  await db.schema
    .createTable("events")
    .addColumn("id", "integer", col.id)
    .addColumn("category", "text", (c) =>
      c.notNull().check(sql`category in ('festival', 'concert', 'sport', 'education', 'volunteering', 'teatalk')`),
    )
    // Only a tea-talk session has a level of Kazakh.
    .addColumn("level", "text", (c) => c.check(sql`level in ('beginner', 'intermediate', 'advanced')`))
    // In a center, or at a venue of the city (a park, a hall) named in both languages.
    .addColumn("center_id", "text", (c) => c.references("centers.id"))
    .addColumn("venue_kk", "text")
    .addColumn("venue_ru", "text")
    .addColumn("latitude", col.fraction)
    .addColumn("longitude", col.fraction)
    .addColumn("district", "text", (c) => c.notNull())
    .addColumn("title_kk", "text", (c) => c.notNull())
    .addColumn("title_ru", "text", (c) => c.notNull())
    .addColumn("description_kk", "text")
    .addColumn("description_ru", "text")
    .addColumn("starts_at", col.instant, (c) => c.notNull())
    .addColumn("ends_at", col.instant, (c) => c.notNull())
    // Null: as many as come (an open-air festival).
    .addColumn("capacity", "integer", (c) => c.check(sql`capacity >= 1`))
    // The organiser: a specialist of the centers, someone named in free text, or a linked account.
    .addColumn("host_specialist_id", "integer", (c) => c.references("specialists.id"))
    .addColumn("host_name", "text")
    .addColumn("host_telegram_id", col.telegramId)
    .addColumn("status", "text", (c) => c.notNull().defaultTo("scheduled").check(sql`status in ('scheduled', 'cancelled')`))
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", col.instant, (c) => c.notNull())
    .addCheckConstraint("events_period", sql`ends_at > starts_at`)
    .addCheckConstraint("events_place", sql`center_id is not null or (venue_kk is not null and venue_ru is not null)`)
    .addCheckConstraint("events_level", sql`(category = 'teatalk') = (level is not null)`)
    // A tea-talk host marks everyone in one message: two buttons each, at most 100 buttons.
    .addCheckConstraint(
      "events_teatalk",
      sql`category <> 'teatalk' or (capacity between 1 and 40 and (host_specialist_id is not null or host_name is not null))`,
    )
    .execute();
  await sql`create index events_upcoming on events (status, starts_at)`.execute(db);
  await sql`create index events_category on events (category, status, starts_at)`.execute(db);
  await sql`create index events_host on events (host_telegram_id, starts_at)`.execute(db);

  await db.schema
    .createTable("event_signups")
    // The id is also the order of the waitlist: whoever signed up first is offered first.
    .addColumn("id", "integer", col.id)
    .addColumn("event_id", "integer", (c) => c.notNull().references("events.id").onDelete("cascade"))
    // Kept without its person after /deleteme, so the city's attendance figures stay right.
    .addColumn("user_id", col.telegramId, (c) => c.references("users.id").onDelete("set null"))
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('confirmed', 'waitlisted', 'offered', 'cancelled', 'attended', 'no_show')`),
    )
    // Until when an offered seat is held; kept afterwards, so a late "accept" can be told it lapsed.
    .addColumn("offer_expires_at", col.instant)
    .addColumn("created_at", col.instant, (c) => c.notNull())
    .addColumn("updated_at", col.instant, (c) => c.notNull())
    .addCheckConstraint("event_signups_offer_deadline", sql`status <> 'offered' or offer_expires_at is not null`)
    .execute();

  await sql`insert into events (id, category, level, center_id, district, title_kk, title_ru, starts_at, ends_at, capacity,
      host_specialist_id, host_name, host_telegram_id, status, demo, created_at)
    select s.id, 'teatalk', s.level, s.center_id, c.district, s.topic_kk, s.topic_ru, s.starts_at, s.ends_at, s.capacity,
      s.host_specialist_id, s.host_name, s.host_telegram_id, s.status, s.demo, s.created_at
    from teatalk_sessions s join centers c on c.id = s.center_id`.execute(db);
  await sql`insert into event_signups (id, event_id, user_id, status, offer_expires_at, created_at, updated_at)
    select id, session_id, user_id, status, offer_expires_at, created_at, updated_at from teatalk_signups`.execute(db);
  // New rows continue after the moved ones, even where the last old ones had been deleted.
  await continueIds(db, "events", "teatalk_sessions");
  await continueIds(db, "event_signups", "teatalk_signups");
  await db.schema.dropTable("teatalk_signups").execute();
  await db.schema.dropTable("teatalk_sessions").execute();

  // One sign-up per person and event that is not cancelled: a second press signs nobody up twice.
  await sql`create unique index event_signups_one_per_person on event_signups (event_id, user_id)
    where status <> 'cancelled'`.execute(db);
  await sql`create index event_signups_event on event_signups (event_id, status, id)`.execute(db);
  await sql`create index event_signups_user on event_signups (user_id, status)`.execute(db);
  await sql`create index event_signups_offers on event_signups (status, offer_expires_at)`.execute(db);

  // The last guard of the capacity; an event without a capacity is never full.
  await createCapacityGuard(db, { signups: "event_signups", parent: "events", parentId: "event_id", message: "event full" });
}

/** Back to tea-talk tables only: the other events and their sign-ups have no place there and go. */
export async function down(db: Kysely<any>): Promise<void> {
  const col = columns(db);
  await db.schema
    .createTable("teatalk_sessions")
    .addColumn("id", "integer", col.id)
    .addColumn("center_id", "text", (c) => c.notNull().references("centers.id"))
    .addColumn("starts_at", col.instant, (c) => c.notNull())
    .addColumn("ends_at", col.instant, (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull().check(sql`level in ('beginner', 'intermediate', 'advanced')`))
    .addColumn("host_specialist_id", "integer", (c) => c.references("specialists.id"))
    .addColumn("host_name", "text")
    .addColumn("host_telegram_id", col.telegramId)
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
    .addColumn("id", "integer", col.id)
    .addColumn("session_id", "integer", (c) => c.notNull().references("teatalk_sessions.id").onDelete("cascade"))
    .addColumn("user_id", col.telegramId, (c) => c.references("users.id").onDelete("set null"))
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('confirmed', 'waitlisted', 'offered', 'cancelled', 'attended', 'no_show')`),
    )
    .addColumn("offer_expires_at", col.instant)
    .addColumn("created_at", col.instant, (c) => c.notNull())
    .addColumn("updated_at", col.instant, (c) => c.notNull())
    .addCheckConstraint("teatalk_signups_offer_deadline", sql`status <> 'offered' or offer_expires_at is not null`)
    .execute();
  await sql`insert into teatalk_sessions (id, center_id, starts_at, ends_at, level, host_specialist_id, host_name,
      host_telegram_id, capacity, topic_kk, topic_ru, status, demo, created_at)
    select id, center_id, starts_at, ends_at, level, host_specialist_id, host_name, host_telegram_id, capacity,
      title_kk, title_ru, status, demo, created_at
    from events where category = 'teatalk'`.execute(db);
  await sql`insert into teatalk_signups (id, session_id, user_id, status, offer_expires_at, created_at, updated_at)
    select u.id, u.event_id, u.user_id, u.status, u.offer_expires_at, u.created_at, u.updated_at
    from event_signups u join events e on e.id = u.event_id where e.category = 'teatalk'`.execute(db);
  await continueIds(db, "teatalk_sessions");
  await continueIds(db, "teatalk_signups");
  await db.schema.dropTable("event_signups").execute();
  await db.schema.dropTable("events").execute();
  await sql`create unique index teatalk_signups_one_per_person on teatalk_signups (session_id, user_id)
    where status <> 'cancelled'`.execute(db);
  await sql`create index teatalk_signups_session on teatalk_signups (session_id, status, id)`.execute(db);
  await sql`create index teatalk_signups_user on teatalk_signups (user_id, status)`.execute(db);
  await sql`create index teatalk_signups_offers on teatalk_signups (status, offer_expires_at)`.execute(db);
  await createCapacityGuard(db, { signups: "teatalk_signups", parent: "teatalk_sessions", parentId: "session_id", message: "teatalk session full" });
}
