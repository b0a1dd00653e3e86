import { sql, type Kysely } from "kysely";
import { columns } from "./portable.js";

/**
 * The digital discount card: one card per signed-up person, the partners whose venues give
 * benefits and the accounts that check cards for them, every check made, and a small key/value
 * store for what the bot keeps about itself (the key cards are signed with, when none is
 * configured).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const col = columns(db);
  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("created_at", col.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("cards")
    // AUTOINCREMENT: the id is in every token ever given out, so an erased card's id is never
    // given to someone else, whose card its old tokens would otherwise open.
    .addColumn("id", "integer", col.id)
    .addColumn("user_id", col.telegramId, (c) => c.notNull().unique().references("users.id").onDelete("cascade"))
    // Reissuing adds one: the tokens of earlier issues stop working.
    .addColumn("issue", "integer", (c) => c.notNull().defaultTo(1).check(sql`issue between 1 and 65535`))
    .addColumn("issued_at", col.instant, (c) => c.notNull())
    .addColumn("expires_at", col.instant, (c) => c.notNull())
    .addColumn("revoked_at", col.instant)
    .addColumn("revoked_by", col.telegramId)
    .addColumn("created_at", col.instant, (c) => c.notNull())
    .addCheckConstraint("cards_revocation", sql`(revoked_at is null) = (revoked_by is null)`)
    .execute();

  await db.schema
    .createTable("partners")
    .addColumn("id", "integer", col.id)
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull().check(sql`category in ('transport', 'sport', 'culture')`))
    .addColumn("benefit_kk", "text")
    .addColumn("benefit_ru", "text")
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", col.instant, (c) => c.notNull())
    .execute();
  await sql`create index partners_category on partners (active, category, name)`.execute(db);

  // An account checks cards for one partner at a time; a new partner's link moves it.
  await db.schema
    .createTable("partner_accounts")
    .addColumn("telegram_id", col.telegramId, (c) => c.primaryKey())
    .addColumn("partner_id", "integer", (c) => c.notNull().references("partners.id").onDelete("cascade"))
    .addColumn("linked_at", col.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("card_checks")
    .addColumn("id", "integer", col.id)
    // Null when the token named no card, and once the holder erased their data.
    .addColumn("card_id", "integer", (c) => c.references("cards.id").onDelete("set null"))
    .addColumn("partner_id", "integer", (c) => c.notNull().references("partners.id").onDelete("cascade"))
    .addColumn("checked_by", col.telegramId, (c) => c.notNull())
    .addColumn("checked_at", col.instant, (c) => c.notNull())
    .addColumn("result", "text", (c) =>
      c.notNull().check(sql`result in ('valid', 'forged', 'expired', 'reissued', 'revoked', 'unknown')`),
    )
    .execute();
  await sql`create index card_checks_card on card_checks (card_id, checked_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("card_checks").execute();
  await db.schema.dropTable("partner_accounts").execute();
  await db.schema.dropTable("partners").execute();
  await db.schema.dropTable("cards").execute();
  await db.schema.dropTable("settings").execute();
}
