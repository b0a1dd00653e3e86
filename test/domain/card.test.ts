import { describe, expect, it } from "vitest";
import {
  ageBandOf,
  CARD_START_PREFIX,
  cardExpiryFrom,
  cardIdOfNumber,
  cardNumberOf,
  cardTokenOfStartPayload,
  firstNameOf,
  parsePartnerName,
  signCardToken,
  verifyCardToken,
} from "../../src/domain/card.js";

const SECRET = "a-test-secret-that-is-long-enough-for-cards";
const NOW = new Date("2026-12-02T10:00:00Z");
const claims = { cardId: 1234, issue: 3, expiresAt: new Date("2027-12-02T10:00:00Z") };

/** The token with the character at `index` changed to another the alphabet allows. */
function altered(token: string, index: number): string {
  const other = token[index] === "A" ? "B" : "A";
  return token.slice(0, index) + other + token.slice(index + 1);
}

describe("card tokens", () => {
  it("carry the card, its issue and its expiry, and fit a deep link with their prefix", () => {
    const token = signCardToken(SECRET, claims);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect((CARD_START_PREFIX + token).length).toBeLessThanOrEqual(64);
    expect(verifyCardToken(SECRET, token, NOW)).toEqual({ kind: "valid", ...claims });
    // The same issue always gives the same code: "My card" shows one code until it is reissued.
    expect(signCardToken(SECRET, claims)).toBe(token);
  });

  it("are forged when any character is changed, cut, lengthened or signed with another key", () => {
    const token = signCardToken(SECRET, claims);
    for (let i = 0; i < token.length; i++) expect(verifyCardToken(SECRET, altered(token, i), NOW)).toEqual({ kind: "forged" });
    expect(verifyCardToken(SECRET, token.slice(0, -1), NOW)).toEqual({ kind: "forged" });
    expect(verifyCardToken(SECRET, `${token}A`, NOW)).toEqual({ kind: "forged" });
    expect(verifyCardToken("another-secret-of-the-same-kind-and-length", token, NOW)).toEqual({ kind: "forged" });
    expect(verifyCardToken(SECRET, signCardToken("another-secret-of-the-same-kind-and-length", claims), NOW)).toEqual({ kind: "forged" });
    for (const junk of ["", "x", "<script>", "a b", "=".repeat(36)]) expect(verifyCardToken(SECRET, junk, NOW)).toEqual({ kind: "forged" });
  });

  it("cannot be moved to another card or issue: the claims are signed with the code", () => {
    const token = Buffer.from(signCardToken(SECRET, claims), "base64url");
    // The card id's lowest byte, then the issue's: each changed by one.
    for (const at of [4, 6]) {
      const moved = Buffer.from(token);
      moved[at]! += 1;
      expect(verifyCardToken(SECRET, moved.toString("base64url"), NOW)).toEqual({ kind: "forged" });
    }
  });

  it("expire at their expiry and not a second before", () => {
    const token = signCardToken(SECRET, claims);
    expect(verifyCardToken(SECRET, token, new Date(claims.expiresAt.getTime() - 1000)).kind).toBe("valid");
    expect(verifyCardToken(SECRET, token, claims.expiresAt)).toEqual({ kind: "expired", cardId: 1234, issue: 3 });
  });

  it("last a year from the issue, to the second", () => {
    expect(cardExpiryFrom(new Date("2026-12-02T10:00:00.750Z"))).toEqual(new Date("2027-12-02T10:00:00Z"));
  });

  it("are taken from a /start payload only after the card prefix", () => {
    expect(cardTokenOfStartPayload("card_abc")).toBe("abc");
    expect(cardTokenOfStartPayload("card_")).toBe("");
    expect(cardTokenOfStartPayload("staff_abc")).toBeNull();
    expect(cardTokenOfStartPayload("")).toBeNull();
  });
});

describe("card numbers", () => {
  it("are the id in seven digits and a check digit, in two groups of four", () => {
    // Damm's own example: 572 has the check digit 4; leading zeros change nothing.
    expect(cardNumberOf(572)).toBe("0000 5724");
    expect(cardNumberOf(12345)).toMatch(/^0012 345\d$/);
    for (const id of [1, 42, 12345, 9_999_999]) expect(cardIdOfNumber(cardNumberOf(id))).toEqual({ kind: "card", cardId: id });
  });

  it("are read with or without spaces and dashes", () => {
    const number = cardNumberOf(12345);
    const digits = number.replace(" ", "");
    for (const typed of [digits, `${digits.slice(0, 4)}-${digits.slice(4)}`, ` ${number} `]) {
      expect(cardIdOfNumber(typed)).toEqual({ kind: "card", cardId: 12345 });
    }
  });

  it("catch every single mistyped digit and every swap of neighbouring digits", () => {
    for (const id of [1, 12345, 7_654_321]) {
      const digits = cardNumberOf(id).replace(" ", "");
      for (let i = 0; i < digits.length; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === digits[i]) continue;
          expect(cardIdOfNumber(digits.slice(0, i) + d + digits.slice(i + 1)).kind).toBe("mistyped");
        }
        if (i + 1 < digits.length && digits[i] !== digits[i + 1]) {
          expect(cardIdOfNumber(digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2)).kind).toBe("mistyped");
        }
      }
    }
  });

  it("are malformed when not eight digits", () => {
    for (const typed of ["", "1234567", "123456789", "0001 234x", "abcd efgh"]) expect(cardIdOfNumber(typed)).toEqual({ kind: "malformed" });
  });
});

describe("what a partner sees of a holder", () => {
  it.each([
    [14, { from: 14, to: 17 }],
    [17, { from: 14, to: 17 }],
    [18, { from: 18, to: 24 }],
    [24, { from: 18, to: 24 }],
    [25, { from: 25, to: 35 }],
    [35, { from: 25, to: 35 }],
    [13, null],
    [36, null],
  ])("age %i is in the band %o", (age, band) => {
    expect(ageBandOf(age)).toEqual(band);
  });

  it("is the first word of the name only", () => {
    expect(firstNameOf("Айгерім Сейтқали")).toBe("Айгерім");
    expect(firstNameOf("  Данияр   Ахметов Серикович ")).toBe("Данияр");
    expect(firstNameOf("Мадина")).toBe("Мадина");
  });
});

describe("partner names", () => {
  it("are tidied and kept between 2 and 64 characters", () => {
    expect(parsePartnerName("  Спорт   залы  ")).toBe("Спорт залы");
    expect(parsePartnerName("A")).toBeNull();
    expect(parsePartnerName("x".repeat(64))).toBe("x".repeat(64));
    expect(parsePartnerName("x".repeat(65))).toBeNull();
  });
});
