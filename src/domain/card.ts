/**
 * The digital discount card: its signed token (what the QR code's deep link carries), its
 * human-readable number, and what a partner may learn about its holder.
 */

import { createHmac, timingSafeEqual } from "node:crypto";
import { ADULT_AGE, MAX_AGE, MIN_AGE } from "./profile.js";

/** The deep-link payload of a card is `card_<token>`. */
export const CARD_START_PREFIX = "card_";

/** How long one issue of a card is valid; opening "My card" after that gives a fresh issue. */
export const CARD_VALID_DAYS = 365;

/** The venues that give benefits to card holders. */
export const PARTNER_CATEGORIES = ["transport", "sport", "culture"] as const;
export type PartnerCategory = (typeof PARTNER_CATEGORIES)[number];

/** A partner's name as an administrator types it; the benefits are free text up to their own limit. */
export const PARTNER_NAME_MAX = 64;
export const BENEFIT_MAX = 150;

/** A partner's name with its spaces tidied, 2 to PARTNER_NAME_MAX characters; null otherwise. */
export function parsePartnerName(text: string): string | null {
  const name = text.normalize("NFC").replace(/\s+/g, " ").trim();
  return name.length >= 2 && name.length <= PARTNER_NAME_MAX ? name : null;
}

/** What a token says: which card, which issue of it, and until when. */
export interface CardClaims {
  cardId: number;
  issue: number;
  expiresAt: Date;
}

/** The layout's version, so that another layout can be told apart later. */
const TOKEN_VERSION = 1;
/** Version (1), card id (4), issue (2), expiry in Unix seconds (4). */
const CLAIMS_BYTES = 11;
/** 128 bits of HMAC-SHA256: far beyond guessing, and the whole link still fits Telegram's 64 characters. */
const MAC_BYTES = 16;
const TOKEN_RE = /^[A-Za-z0-9_-]+$/;

function mac(secret: string | Uint8Array, claims: Buffer): Buffer {
  return createHmac("sha256", secret).update(claims).digest().subarray(0, MAC_BYTES);
}

/** The signed token of one issue of a card: 36 URL-safe characters. */
export function signCardToken(secret: string | Uint8Array, claims: CardClaims): string {
  const body = Buffer.alloc(CLAIMS_BYTES);
  body.writeUInt8(TOKEN_VERSION, 0);
  body.writeUInt32BE(claims.cardId, 1);
  body.writeUInt16BE(claims.issue, 5);
  body.writeUInt32BE(Math.floor(claims.expiresAt.getTime() / 1000), 7);
  return Buffer.concat([body, mac(secret, body)]).toString("base64url");
}

/**
 * What a token is worth at `now`. Anything not signed with `secret` — made up, altered by a
 * single character, cut short — is "forged" and says nothing about any card.
 */
export type CardTokenCheck = ({ kind: "valid" } & CardClaims) | { kind: "expired"; cardId: number; issue: number } | { kind: "forged" };

export function verifyCardToken(secret: string | Uint8Array, token: string, now: Date): CardTokenCheck {
  if (!TOKEN_RE.test(token)) return { kind: "forged" };
  const raw = Buffer.from(token, "base64url");
  // base64url decoding skips what it cannot read: only the exact encoding of the bytes counts.
  if (raw.length !== CLAIMS_BYTES + MAC_BYTES || raw.toString("base64url") !== token) return { kind: "forged" };
  const body = raw.subarray(0, CLAIMS_BYTES);
  if (!timingSafeEqual(raw.subarray(CLAIMS_BYTES), mac(secret, body))) return { kind: "forged" };
  if (body.readUInt8(0) !== TOKEN_VERSION) return { kind: "forged" };
  const cardId = body.readUInt32BE(1);
  const issue = body.readUInt16BE(5);
  const expiresAt = new Date(body.readUInt32BE(7) * 1000);
  if (expiresAt <= now) return { kind: "expired", cardId, issue };
  return { kind: "valid", cardId, issue, expiresAt };
}

/** The card's part of a /start payload: its token, or null when the payload is not a card's. */
export function cardTokenOfStartPayload(payload: string): string | null {
  return payload.startsWith(CARD_START_PREFIX) ? payload.slice(CARD_START_PREFIX.length) : null;
}

/** Until when an issue made at `issuedAt` is valid, to the second (the token keeps seconds). */
export function cardExpiryFrom(issuedAt: Date): Date {
  return new Date(Math.floor(issuedAt.getTime() / 1000) * 1000 + CARD_VALID_DAYS * 86_400_000);
}

// ---------------------------------------------------------------------------------------------
// Card numbers

/** Digits of a card number before its check digit: ten million cards. */
const ID_DIGITS = 7;

/**
 * Damm's quasigroup: its check digit catches every single mistyped digit and every swap of two
 * neighbouring digits, the two slips people make copying a number.
 */
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

function damm(digits: string): number {
  let interim = 0;
  for (const d of digits) interim = DAMM[interim]![Number(d)]!;
  return interim;
}

/** The number printed on a card, "0001 2345": its id in seven digits, then a check digit. */
export function cardNumberOf(cardId: number): string {
  const digits = String(cardId).padStart(ID_DIGITS, "0");
  const full = digits + String(damm(digits));
  return `${full.slice(0, 4)} ${full.slice(4)}`;
}

export type CardNumberReading = { kind: "card"; cardId: number } | { kind: "malformed" } | { kind: "mistyped" };

/** The card a typed number names; spaces and dashes between the digits are ignored. */
export function cardIdOfNumber(text: string): CardNumberReading {
  const digits = text.replace(/[\s-]/g, "");
  if (!new RegExp(`^\\d{${ID_DIGITS + 1}}$`).test(digits)) return { kind: "malformed" };
  if (damm(digits) !== 0) return { kind: "mistyped" };
  return { kind: "card", cardId: Number(digits.slice(0, ID_DIGITS)) };
}

// ---------------------------------------------------------------------------------------------
// What a partner sees

/** The first age of the oldest band. */
const OLDEST_BAND_FROM = 25;

/** Age bands a partner's benefit may depend on ("14–17"); nothing finer is shown. */
export interface AgeBand {
  from: number;
  to: number;
}

/** The band of an age the centers serve; null outside them. */
export function ageBandOf(age: number): AgeBand | null {
  if (age < MIN_AGE || age > MAX_AGE) return null;
  if (age < ADULT_AGE) return { from: MIN_AGE, to: ADULT_AGE - 1 };
  if (age < OLDEST_BAND_FROM) return { from: ADULT_AGE, to: OLDEST_BAND_FROM - 1 };
  return { from: OLDEST_BAND_FROM, to: MAX_AGE };
}

/** The first word of a registered name: all of the name a partner is shown. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/, 1)[0]!;
}
