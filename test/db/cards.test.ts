import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  cardSecret,
  checkCardToken,
  createPartner,
  currentCard,
  eraseCard,
  exportCard,
  recordCheck,
  reissueCard,
  revokeCard,
  type HeldCard,
} from "../../src/db/cards.js";
import { openDatabase, type Db } from "../../src/db/database.js";
import { signCardToken } from "../../src/domain/card.js";
import { createTestDb, type TestDb } from "../support/harness.js";
import { registerUser } from "../support/users.js";

const NOW = new Date("2026-12-02T05:00:00Z");
const DAY_MS = 86_400_000;
const SECRET = "a-configured-secret-of-at-least-32-chars";
const ADMIN = 900;

let store: TestDb;
let db: Db;

beforeEach(async () => {
  store = await createTestDb();
  db = store.db;
  await registerUser(db, 1, { name: "Айгерім Сейтқали", age: 19 });
  await registerUser(db, 2, { name: "Данияр", age: 30 });
});
afterEach(async () => {
  await store.cleanup();
});

function tokenOf(card: Pick<HeldCard, "id" | "issue" | "expires_at">, secret = SECRET): string {
  return signCardToken(secret, { cardId: card.id, issue: card.issue, expiresAt: new Date(card.expires_at) });
}

describe("the key cards are signed with", () => {
  it("is generated once, kept in the database and read back after a restart", async () => {
    const first = await cardSecret(db, undefined, NOW);
    expect(first.length).toBeGreaterThanOrEqual(43);
    expect(await cardSecret(db, undefined, NOW)).toBe(first);
    // Another process on the same file finds the same key.
    const other = openDatabase(store.config);
    try {
      expect(await cardSecret(other, undefined, NOW)).toBe(first);
    } finally {
      await other.destroy();
    }
    expect(await db.selectFrom("settings").select(["key", "value"]).execute()).toEqual([{ key: "card_secret", value: first }]);
  });

  it("is the configured one when there is one, and then nothing is stored", async () => {
    expect(await cardSecret(db, SECRET, NOW)).toBe(SECRET);
    expect(await db.selectFrom("settings").selectAll().execute()).toEqual([]);
  });
});

describe("cards", () => {
  it("are made the first time and then stay the same card and issue", async () => {
    const card = await currentCard(db, 1, NOW);
    expect(card).toMatchObject({ user_id: 1, issue: 1, issued_at: NOW.toISOString(), revoked_at: null, holder_name: "Айгерім Сейтқали", holder_age: 19 });
    expect(card.expires_at).toBe(new Date(NOW.getTime() + 365 * DAY_MS).toISOString());
    expect(await currentCard(db, 1, new Date(NOW.getTime() + DAY_MS))).toEqual(card);
    expect(await checkCardToken(db, SECRET, tokenOf(card), NOW)).toEqual({ kind: "valid", card });
  });

  it("are issued anew once an issue has expired, and the expired code says so", async () => {
    const card = await currentCard(db, 1, NOW);
    const later = new Date(card.expires_at);
    expect(await checkCardToken(db, SECRET, tokenOf(card), later)).toEqual({ kind: "invalid", reason: "expired", card });
    const renewed = await currentCard(db, 1, later);
    expect(renewed).toMatchObject({ id: card.id, issue: 2, issued_at: later.toISOString() });
    expect((await checkCardToken(db, SECRET, tokenOf(renewed), later)).kind).toBe("valid");
    expect(await checkCardToken(db, SECRET, tokenOf(card), later)).toMatchObject({ kind: "invalid", reason: "reissued" });
  });

  it("reissued: the old code stops working and the new one works", async () => {
    const card = await currentCard(db, 1, NOW);
    const reissued = await reissueCard(db, 1, new Date(NOW.getTime() + DAY_MS));
    expect(reissued).toMatchObject({ kind: "reissued", card: { id: card.id, issue: 2 } });
    if (reissued.kind !== "reissued") throw new Error("not reissued");
    expect(await checkCardToken(db, SECRET, tokenOf(card), NOW)).toMatchObject({ kind: "invalid", reason: "reissued" });
    expect((await checkCardToken(db, SECRET, tokenOf(reissued.card), NOW)).kind).toBe("valid");
    expect(await reissueCard(db, 2, NOW)).toEqual({ kind: "no-card" });
  });

  it("revoked: no code of theirs works, and the holder cannot reissue it", async () => {
    const card = await currentCard(db, 1, NOW);
    const revocation = await revokeCard(db, card.id, ADMIN, NOW);
    expect(revocation).toMatchObject({ kind: "revoked", card: { revoked_at: NOW.toISOString(), revoked_by: ADMIN } });
    expect(await revokeCard(db, card.id, ADMIN + 1, new Date(NOW.getTime() + DAY_MS))).toMatchObject({
      kind: "already-revoked",
      card: { revoked_at: NOW.toISOString(), revoked_by: ADMIN },
    });
    expect(await checkCardToken(db, SECRET, tokenOf(card), NOW)).toMatchObject({ kind: "invalid", reason: "revoked" });
    expect(await reissueCard(db, 1, NOW)).toEqual({ kind: "revoked" });
    // Nor does its expiry give it a new issue.
    expect(await currentCard(db, 1, new Date(card.expires_at))).toMatchObject({ issue: 1, revoked_by: ADMIN });
    expect(await revokeCard(db, 999, ADMIN, NOW)).toEqual({ kind: "unknown" });
  });

  it("do not open with a code signed by another key, nor name a card then", async () => {
    const card = await currentCard(db, 1, NOW);
    expect(await checkCardToken(db, SECRET, tokenOf(card, "another-key-that-is-long-enough-too"), NOW)).toEqual({
      kind: "invalid",
      reason: "forged",
      card: undefined,
    });
  });

  it("erased: the code names no card any more, checks lose their card, and the id is never given again", async () => {
    const card = await currentCard(db, 1, NOW);
    const partner = await createPartner(db, { name: "Театр", category: "culture", benefitKk: null, benefitRu: null }, NOW);
    await recordCheck(db, { cardId: card.id, partnerId: partner.id, checkedBy: 50, result: "valid" }, NOW);
    expect(await exportCard(db, 1)).toMatchObject({
      card: { id: card.id, number: expect.stringMatching(/^\d{4} \d{4}$/) },
      checks: [{ partner: "Театр", checked_at: NOW.toISOString(), result: "valid" }],
    });

    await eraseCard(db, 1);
    expect(await exportCard(db, 1)).toBeNull();
    expect(await checkCardToken(db, SECRET, tokenOf(card), NOW)).toEqual({ kind: "invalid", reason: "unknown", card: undefined });
    expect(await db.selectFrom("card_checks").select(["card_id", "partner_id", "result"]).execute()).toEqual([
      { card_id: null, partner_id: partner.id, result: "valid" },
    ]);
    // The next card is never the erased one's: its old codes would open it.
    expect((await currentCard(db, 2, NOW)).id).toBeGreaterThan(card.id);
  });
});
