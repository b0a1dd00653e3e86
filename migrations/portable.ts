import { sql, type ColumnDefinitionBuilder, type Kysely } from "kysely";
import { dialectOf } from "../src/db/dialect.js";

/**
 * Column types that mean the same on SQLite and PostgreSQL. Every migration takes its id,
 * Telegram id, fractional and instant columns from here, so that one migration builds the same
 * schema on both:
 *
 * - `id`: numbered by the database and never reused (AUTOINCREMENT, an identity column);
 * - `telegramId`: a Telegram user or chat id, and every column that refers to `users.id`; they
 *   outgrow 32 bits (`bigint`; the PostgreSQL dialect also makes every `integer` column 64-bit,
 *   as SQLite's are, but a Telegram id says so itself);
 * - `fraction`: a floating-point number (a map coordinate, a score);
 * - `instant`: an ISO-8601 instant in UTC, text on both, compared as text.
 *
 * Booleans are `integer` 0/1 on both.
 */
export function columns(db: Kysely<any>) {
  const postgres = dialectOf(db) === "postgres";
  return {
    id: (c: ColumnDefinitionBuilder) => (postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()),
    telegramId: postgres ? ("bigint" as const) : ("integer" as const),
    fraction: postgres ? ("double precision" as const) : ("real" as const),
    instant: "text" as const,
  };
}

/**
 * Puts a rebuilt table in the place of the one it replaces, already dropped (SQLite changes a
 * constraint only by rebuilding the table). PostgreSQL names a primary key's index after its
 * table and keeps that name through a rename: the index is renamed too, so that a later rebuild
 * may use the same temporary name.
 */
export async function replaceTable(db: Kysely<any>, rebuilt: string, name: string): Promise<void> {
  await db.schema.alterTable(rebuilt).renameTo(name).execute();
  if (dialectOf(db) === "postgres") await sql`alter index ${sql.id(`${rebuilt}_pkey`)} rename to ${sql.id(`${name}_pkey`)}`.execute(db);
}

/**
 * Makes new rows of `table` continue after the rows copied into it with their ids, and after
 * every id `from` ever gave (its last rows may have been deleted). SQLite's AUTOINCREMENT keeps
 * its counter in `sqlite_sequence`; an identity column keeps it in a sequence.
 */
export async function continueIds(db: Kysely<any>, table: string, from?: string): Promise<void> {
  if (dialectOf(db) === "postgres") {
    const sequence = (t: string) => sql`pg_get_serial_sequence(${t}, 'id')`;
    const given = from ? sql`coalesce(pg_sequence_last_value(${sequence(from)}::regclass), 0)` : sql`0`;
    await sql`select setval(${sequence(table)}, greatest(${given}, (select coalesce(max(id), 0) from ${sql.table(table)}), 1),
      greatest(${given}, (select coalesce(max(id), 0) from ${sql.table(table)})) > 0)`.execute(db);
    return;
  }
  // Without `from`, AUTOINCREMENT already continues after the largest id in the table.
  if (!from) return;
  await sql`insert into sqlite_sequence (name, seq) select ${table}, 0
    where not exists (select 1 from sqlite_sequence where name = ${table})`.execute(db);
  await sql`update sqlite_sequence set seq = max(seq, coalesce((select seq from sqlite_sequence where name = ${from}), 0))
    where name = ${table}`.execute(db);
}

/**
 * The last guard of a capacity: no sign-up of `signups` takes a seat (confirmed or offered)
 * beyond the `capacity` of its row in `parent`, whatever the code above it does; the write fails
 * with `message`. A parent without a capacity is never full. On PostgreSQL the guard locks the
 * parent row first, so that two connections signing up at once count one after the other.
 */
export async function createCapacityGuard(
  db: Kysely<any>,
  guard: { signups: string; parent: string; parentId: string; message: string },
): Promise<void> {
  const { signups, parent, parentId, message } = guard;
  const seats = sql`('confirmed', 'offered')`;
  const full = sql`(select count(*) from ${sql.table(signups)}
      where ${sql.ref(parentId)} = new.${sql.ref(parentId)} and status in ${seats})
    >= (select capacity from ${sql.table(parent)} where id = new.${sql.ref(parentId)})`;
  if (dialectOf(db) === "postgres") {
    const fn = sql.id(`${signups}_capacity`);
    await sql`create or replace function ${fn}() returns trigger language plpgsql as $$
      begin
        if new.status in ${seats} and (tg_op = 'INSERT' or old.status not in ${seats}) then
          perform 1 from ${sql.table(parent)} where id = new.${sql.ref(parentId)} for update;
          if ${full} then raise exception ${sql.lit(message)}; end if;
        end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger ${sql.id(`${signups}_capacity`)} before insert or update of status on ${sql.table(signups)}
      for each row execute function ${fn}()`.execute(db);
    return;
  }
  await sql`create trigger ${sql.id(`${signups}_capacity_insert`)} before insert on ${sql.table(signups)}
    when new.status in ${seats} and ${full}
    begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
  await sql`create trigger ${sql.id(`${signups}_capacity_update`)} before update of status on ${sql.table(signups)}
    when new.status in ${seats} and old.status not in ${seats} and ${full}
    begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
}
