import { randomBytes } from "node:crypto";
import { cardExpiryFrom, cardNumberOf, verifyCardToken, type PartnerCategory } from "../domain/card.js";
import { inTransaction, recordAudit } from "./audit.js";
import type { Db } from "./database.js";
import type { Card, CardCheckResult, Instant, Partner } from "./schema.js";

// ---------------------------------------------------------------------------------------------
// The signing key

const CARD_SECRET_SETTING = "card_secret";
/** 256 random bits, as long as the HMAC-SHA256 key can use. */
const GENERATED_SECRET_BYTES = 32;
/** The key of each database, read once: it never changes once stored. */
const storedSecrets = new WeakMap<Db, string>();

/**
 * The key cards are signed with: the configured one, or else one generated at random the first
 * time and kept in the database, so that a fresh install needs no more configuration and its
 * cards stay valid across restarts.
 */
export async function cardSecret(db: Db, configured: string | undefined, now: Date): Promise<string> {
  if (configured !== undefined) return configured;
  const known = storedSecrets.get(db);
  if (known !== undefined) return known;
  // Two processes starting at once keep whichever key was stored first.
  await db
    .insertInto("settings")
    .values({ key: CARD_SECRET_SETTING, value: randomBytes(GENERATED_SECRET_BYTES).toString("base64url"), created_at: now.toISOString() })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const { value } = await db.selectFrom("settings").select("value").where("key", "=", CARD_SECRET_SETTING).executeTakeFirstOrThrow();
  storedSecrets.set(db, value);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Cards

/** A card with what may be shown of its holder: the registered name and the age. */
export interface HeldCard extends Card {
  holder_name: string | null;
  holder_age: number | null;
}

function heldCards(db: Db) {
  return db
    .selectFrom("cards")
    .innerJoin("users", "users.id", "cards.user_id")
    .selectAll("cards")
    .select(["users.name as holder_name", "users.age as holder_age"]);
}

export async function findCard(db: Db, cardId: number): Promise<HeldCard | undefined> {
  return heldCards(db).where("cards.id", "=", cardId).executeTakeFirst();
}

function issueAt(now: Date): { issued_at: Instant; expires_at: Instant } {
  return { issued_at: now.toISOString(), expires_at: cardExpiryFrom(now).toISOString() };
}

/**
 * The person's card as "My card" shows it: made the first time, and issued anew once its issue
 * has expired (a revoked card stays revoked).
 */
export async function currentCard(db: Db, userId: number, now: Date): Promise<HeldCard> {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("cards")
      .values({ user_id: userId, ...issueAt(now), revoked_at: null, revoked_by: null, created_at: at })
      .onConflict((oc) => oc.column("user_id").doNothing())
      .execute();
    await trx
      .updateTable("cards")
      .set((eb) => ({ issue: eb("issue", "+", 1), ...issueAt(now) }))
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .where("expires_at", "<=", at)
      .execute();
  });
  return heldCards(db).where("cards.user_id", "=", userId).executeTakeFirstOrThrow();
}

export type Reissue = { kind: "reissued"; card: HeldCard } | { kind: "revoked" | "no-card" };

/** A new issue of the person's card: the token of the one before stops working. */
export async function reissueCard(db: Db, userId: number, now: Date): Promise<Reissue> {
  const updated = await db
    .updateTable("cards")
    .set((eb) => ({ issue: eb("issue", "+", 1), ...issueAt(now) }))
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  const card = await heldCards(db).where("cards.user_id", "=", userId).executeTakeFirst();
  if (!card) return { kind: "no-card" };
  return updated.numUpdatedRows > 0n ? { kind: "reissued", card } : { kind: "revoked" };
}

export type Revocation = { kind: "revoked" | "already-revoked"; card: HeldCard } | { kind: "unknown" };

/** An administrator's revocation: the card's tokens stop working for good. Recorded in the audit log. */
export async function revokeCard(db: Db, cardId: number, revokedBy: number, now: Date): Promise<Revocation> {
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable("cards")
      .set({ revoked_at: now.toISOString(), revoked_by: revokedBy })
      .where("id", "=", cardId)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    const card = await findCard(trx, cardId);
    if (!card) return { kind: "unknown" };
    if (updated.numUpdatedRows === 0n) return { kind: "already-revoked", card };
    const change = { actorId: revokedBy, action: "card.revoke", subject: `card:${cardId}`, before: { revoked_at: null }, after: { revoked_at: card.revoked_at } };
    await recordAudit(trx, change, now);
    return { kind: "revoked", card };
  });
}

/**
 * An administrator's new issue of a revoked card, after a revocation found to be a mistake: the
 * card works again, under a code none of the revoked issue's codes match.
 */
export async function restoreCard(db: Db, cardId: number, restoredBy: number, now: Date): Promise<HeldCard | undefined> {
  return inTransaction(db, async (trx) => {
    const before = await findCard(trx, cardId);
    if (before?.revoked_at === null) return before;
    await trx
      .updateTable("cards")
      .set((eb) => ({ issue: eb("issue", "+", 1), ...issueAt(now), revoked_at: null, revoked_by: null }))
      .where("id", "=", cardId)
      .where("revoked_at", "is not", null)
      .execute();
    const after = await findCard(trx, cardId);
    if (before && after) {
      const change = {
        actorId: restoredBy,
        action: "card.restore",
        subject: `card:${cardId}`,
        before: { issue: before.issue, revoked_at: before.revoked_at },
        after: { issue: after.issue, revoked_at: null },
      };
      await recordAudit(trx, change, now);
    }
    return after;
  });
}

/** What a card's token is worth: the card it opens, or why it opens none. */
export type TokenCheck =
  | { kind: "valid"; card: HeldCard }
  /** `card` when the token was signed by the bot and names a card that still exists. */
  | { kind: "invalid"; reason: Exclude<CardCheckResult, "valid">; card: HeldCard | undefined };

export async function checkCardToken(db: Db, secret: string, token: string, now: Date): Promise<TokenCheck> {
  const claims = verifyCardToken(secret, token, now);
  if (claims.kind === "forged") return { kind: "invalid", reason: "forged", card: undefined };
  const card = await findCard(db, claims.cardId);
  if (!card) return { kind: "invalid", reason: "unknown", card };
  if (card.revoked_at !== null) return { kind: "invalid", reason: "revoked", card };
  if (claims.issue !== card.issue) return { kind: "invalid", reason: "reissued", card };
  if (claims.kind === "expired") return { kind: "invalid", reason: "expired", card };
  return { kind: "valid", card };
}

/** Records a partner's check of a card, valid or not. */
export async function recordCheck(
  db: Db,
  check: { cardId: number | null; partnerId: number; checkedBy: number; result: CardCheckResult },
  now: Date,
): Promise<void> {
  await db
    .insertInto("card_checks")
    .values({ card_id: check.cardId, partner_id: check.partnerId, checked_by: check.checkedBy, result: check.result, checked_at: now.toISOString() })
    .execute();
}

/** How many times partners have checked a card. */
export async function countChecks(db: Db, cardId: number): Promise<number> {
  const row = await db
    .selectFrom("card_checks")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("card_id", "=", cardId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** A check of the person's own card, as their data export lists it. */
export interface OwnCardCheck {
  partner: string;
  checked_at: Instant;
  result: CardCheckResult;
}

/** The person's card with every check of it, for /mydata; null when they have none. */
export async function exportCard(db: Db, userId: number): Promise<{ card: Card & { number: string }; checks: OwnCardCheck[] } | null> {
  const card = await db.selectFrom("cards").selectAll().where("user_id", "=", userId).executeTakeFirst();
  if (!card) return null;
  const checks = await db
    .selectFrom("card_checks")
    .innerJoin("partners", "partners.id", "card_checks.partner_id")
    .select(["partners.name as partner", "card_checks.checked_at", "card_checks.result"])
    .where("card_checks.card_id", "=", card.id)
    .orderBy("card_checks.checked_at")
    .execute();
  return { card: { ...card, number: cardNumberOf(card.id) }, checks };
}

/** Erases the person's card: its tokens stop working, and its checks stay without a card. */
export async function eraseCard(db: Db, userId: number): Promise<void> {
  const card = db.selectFrom("cards").select("id").where("user_id", "=", userId);
  await db.updateTable("card_checks").set({ card_id: null }).where("card_id", "in", card).execute();
  await db.deleteFrom("cards").where("user_id", "=", userId).execute();
}

// ---------------------------------------------------------------------------------------------
// Partners

export interface NewPartner {
  name: string;
  category: PartnerCategory;
  benefitKk: string | null;
  benefitRu: string | null;
  demo?: boolean;
}

export async function createPartner(db: Db, partner: NewPartner, now: Date): Promise<Partner> {
  return db
    .insertInto("partners")
    .values({
      name: partner.name,
      category: partner.category,
      benefit_kk: partner.benefitKk,
      benefit_ru: partner.benefitRu,
      demo: Number(partner.demo ?? false),
      created_at: now.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The partners whose venues give benefits now, by category and name. */
export async function listActivePartners(db: Db, category?: PartnerCategory): Promise<Partner[]> {
  let query = db.selectFrom("partners").selectAll().where("active", "=", 1);
  if (category) query = query.where("category", "=", category);
  return query.orderBy("category").orderBy("name").orderBy("id").execute();
}

export async function findPartner(db: Db, partnerId: number): Promise<Partner | undefined> {
  return db.selectFrom("partners").selectAll().where("id", "=", partnerId).executeTakeFirst();
}

/** Partnerships that were ended, by name: an administrator may take one up again. */
export async function listEndedPartners(db: Db): Promise<Partner[]> {
  return db.selectFrom("partners").selectAll().where("active", "=", 0).orderBy("name").orderBy("id").execute();
}

/** What an administrator changes about a partner: what card holders read of it. */
export type PartnerChange = Partial<Pick<Partner, "category" | "benefit_kk" | "benefit_ru">>;

function partnerAudit(p: Partner) {
  return { name: p.name, category: p.category, benefit_kk: p.benefit_kk, benefit_ru: p.benefit_ru, active: p.active };
}

/** Adds a partner with its audit record. */
export async function addPartner(db: Db, partner: NewPartner, actorId: number, now: Date): Promise<Partner> {
  return db.transaction().execute(async (trx) => {
    const created = await createPartner(trx, partner, now);
    await recordAudit(trx, { actorId, action: "partner.create", subject: `partner:${created.id}`, after: partnerAudit(created) }, now);
    return created;
  });
}

/**
 * Changes a partner's category or benefits (an ended partnership too, before it is taken up
 * again), with the state before and after in the audit log. Undefined when there is no such partner.
 */
export async function editPartner(
  db: Db,
  edit: { partnerId: number; change: PartnerChange; actorId: number },
  now: Date,
): Promise<Partner | undefined> {
  return db.transaction().execute(async (trx) => {
    const before = await findPartner(trx, edit.partnerId);
    if (!before) return undefined;
    const after = await trx.updateTable("partners").set(edit.change).where("id", "=", before.id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: edit.actorId, action: "partner.edit", subject: `partner:${before.id}`, before: partnerAudit(before), after: partnerAudit(after) }, now);
    return after;
  });
}

/**
 * Ends a partnership (its accounts no longer check cards, and it leaves the list of benefits) or
 * takes it up again; false when it already was so, and then nothing is recorded.
 */
export async function setPartnerActive(db: Db, change: { partnerId: number; active: boolean; actorId: number }, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("partners")
      .set({ active: Number(change.active) })
      .where("id", "=", change.partnerId)
      .where("active", "=", Number(!change.active))
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) return false;
    await recordAudit(
      trx,
      {
        actorId: change.actorId,
        action: change.active ? "partner.reactivate" : "partner.deactivate",
        subject: `partner:${change.partnerId}`,
        before: { active: Number(!change.active) },
        after: { active: Number(change.active) },
      },
      now,
    );
    return true;
  });
}

/** The partner an account checks cards for, active or removed. */
export async function partnerOfAccount(db: Db, telegramId: number): Promise<Partner | undefined> {
  return db
    .selectFrom("partner_accounts")
    .innerJoin("partners", "partners.id", "partner_accounts.partner_id")
    .selectAll("partners")
    .where("partner_accounts.telegram_id", "=", telegramId)
    .executeTakeFirst();
}

/** How many accounts check cards for a partner. */
export async function countPartnerAccounts(db: Db, partnerId: number): Promise<number> {
  const row = await db
    .selectFrom("partner_accounts")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("partner_id", "=", partnerId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Makes the account check cards for the partner (instead of any other); true when it did already. */
export async function linkPartnerAccount(db: Db, partnerId: number, telegramId: number, now: Date): Promise<boolean> {
  const current = await db.selectFrom("partner_accounts").select("partner_id").where("telegram_id", "=", telegramId).executeTakeFirst();
  if (current?.partner_id === partnerId) return true;
  await db
    .insertInto("partner_accounts")
    .values({ telegram_id: telegramId, partner_id: partnerId, linked_at: now.toISOString() })
    .onConflict((oc) => oc.column("telegram_id").doUpdateSet({ partner_id: partnerId, linked_at: now.toISOString() }))
    .execute();
  return false;
}
