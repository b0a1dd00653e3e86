import { sql, type Kysely } from "kysely";
import { columns } from "./portable.js";

export async function up(db: Kysely<any>): Promise<void> {
  const col = columns(db);
  await db.schema
    .createTable("centers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("district", "text", (c) => c.notNull())
    .addColumn("name_kk", "text", (c) => c.notNull())
    .addColumn("name_ru", "text", (c) => c.notNull())
    .addColumn("address_kk", "text", (c) => c.notNull())
    .addColumn("address_ru", "text", (c) => c.notNull())
    .addColumn("hours_kk", "text", (c) => c.notNull())
    .addColumn("hours_ru", "text", (c) => c.notNull())
    .addColumn("open_24_7", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("phone", "text")
    .addColumn("latitude", col.fraction, (c) => c.notNull())
    .addColumn("longitude", col.fraction, (c) => c.notNull())
    // 1 while the address, phone or map point is a stand-in an administrator must replace.
    .addColumn("placeholder", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("specialists")
    .addColumn("id", "integer", col.id)
    .addColumn("center_id", "text", (c) => c.notNull().references("centers.id"))
    .addColumn("service", "text", (c) => c.notNull())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("telegram_id", col.telegramId, (c) => c.unique())
    .addColumn("slot_minutes", "integer", (c) => c.notNull())
    .addColumn("online", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", col.instant, (c) => c.notNull())
    .execute();
  await sql`create index specialists_service on specialists (service, active)`.execute(db);

  await db.schema
    .createTable("specialist_hours")
    .addColumn("specialist_id", "integer", (c) => c.notNull().references("specialists.id").onDelete("cascade"))
    .addColumn("weekday", "integer", (c) => c.notNull())
    .addColumn("start_time", "text", (c) => c.notNull())
    .addColumn("end_time", "text", (c) => c.notNull())
    .execute();
  await sql`create index specialist_hours_specialist on specialist_hours (specialist_id)`.execute(db);

  // A date's own hours ("hours", one row per range) or a day off ("off", no times).
  await db.schema
    .createTable("specialist_overrides")
    .addColumn("id", "integer", col.id)
    .addColumn("specialist_id", "integer", (c) => c.notNull().references("specialists.id").onDelete("cascade"))
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("start_time", "text")
    .addColumn("end_time", "text")
    .execute();
  await sql`create index specialist_overrides_day on specialist_overrides (specialist_id, date)`.execute(db);

  await db.schema
    .createTable("blocked_times")
    .addColumn("id", "integer", col.id)
    .addColumn("specialist_id", "integer", (c) => c.notNull().references("specialists.id").onDelete("cascade"))
    .addColumn("starts_at", col.instant, (c) => c.notNull())
    .addColumn("ends_at", col.instant, (c) => c.notNull())
    .addColumn("created_at", col.instant, (c) => c.notNull())
    .execute();
  await sql`create index blocked_times_specialist on blocked_times (specialist_id, starts_at)`.execute(db);

  await db.schema
    .createTable("staff_invites")
    .addColumn("token", "text", (c) => c.primaryKey())
    .addColumn("specialist_id", "integer", (c) => c.notNull().references("specialists.id").onDelete("cascade"))
    .addColumn("created_by", col.telegramId, (c) => c.notNull())
    .addColumn("created_at", col.instant, (c) => c.notNull())
    .addColumn("expires_at", col.instant, (c) => c.notNull())
    .addColumn("used_at", col.instant)
    .addColumn("used_by", col.telegramId)
    .execute();

  await db.schema
    .createTable("bookings")
    .addColumn("id", "integer", col.id)
    // Kept without its person after /deleteme, so the city's consultation count stays right.
    .addColumn("user_id", col.telegramId, (c) => c.references("users.id").onDelete("set null"))
    .addColumn("specialist_id", "integer", (c) => c.notNull().references("specialists.id"))
    .addColumn("service", "text", (c) => c.notNull())
    .addColumn("center_id", "text", (c) => c.notNull().references("centers.id"))
    .addColumn("starts_at", col.instant, (c) => c.notNull())
    .addColumn("ends_at", col.instant, (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("topic", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", col.instant, (c) => c.notNull())
    .addColumn("updated_at", col.instant, (c) => c.notNull())
    .addColumn("cancelled_by", "text")
    .addColumn("replaced_by", "integer")
    .addColumn("feedback_score", "integer")
    .addColumn("feedback_comment", "text")
    .execute();
  // The double-booking guard: one live booking per specialist and start time.
  await sql`create unique index bookings_active_slot on bookings (specialist_id, starts_at)
    where status in ('confirmed', 'attended', 'no_show')`.execute(db);
  await sql`create index bookings_user on bookings (user_id, status, starts_at)`.execute(db);
  await sql`create index bookings_specialist on bookings (specialist_id, starts_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["bookings", "staff_invites", "blocked_times", "specialist_overrides", "specialist_hours", "specialists", "centers"]) {
    await db.schema.dropTable(table).execute();
  }
}
