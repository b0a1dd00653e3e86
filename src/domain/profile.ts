/** Who the centers serve: young people from 14 to 35. */
export const MIN_AGE = 14;
export const MAX_AGE = 35;
/** Below this age a parent or guardian must agree (Civil Code of Kazakhstan). */
export const ADULT_AGE = 18;

/** Nobody types an age above this on purpose: "150" is a slip of the finger, not a refusal. */
export const MAX_PLAUSIBLE_AGE = 100;

export type AgeCheck = "typo" | "too-young" | "too-old" | "minor" | "adult";

export function checkAge(age: number): AgeCheck {
  if (age > MAX_PLAUSIBLE_AGE) return "typo";
  if (age < MIN_AGE) return "too-young";
  if (age > MAX_AGE) return "too-old";
  return age < ADULT_AGE ? "minor" : "adult";
}

/** A whole number of years typed by a person ("17", " 17 ", "17 лет", "17 жас"); null if none. */
export function parseAge(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:\s*(?:лет|год|года|жас|жаста|жастамын))?\s*\.?\s*$/iu.exec(text);
  return m ? Number(m[1]) : null;
}

export const NAME_MAX_LENGTH = 64;

/** A name as a person would type it: letters, spaces, hyphens and apostrophes, 2 to 64 characters. */
export function parseName(text: string): string | null {
  const name = text.normalize("NFC").replace(/\s+/g, " ").trim();
  if (name.length < 2 || name.length > NAME_MAX_LENGTH) return null;
  return /^[\p{L}][\p{L}\p{M}' ’.-]*$/u.test(name) ? name : null;
}

/** Phone numbers from Telegram's contact button, kept in one shape: "+77011234567". */
export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/[^\d]/g, "");
  if (digits.length < 10 || digits.length > 15) return null;
  return "+" + digits;
}

/**
 * A Kazakhstan number typed by hand, in the shape the contact button gives ("+77011234567"):
 * "+7 701 123 45 67", "8 (701) 123-45-67", "701 1234567" and the like. Every Kazakhstan
 * number, mobile or city line, is +7 7xx; anything else is more likely a slip than a number.
 */
export function parsePhone(text: string): string | null {
  const m = /^(?:\+7|8|7)?(7\d{9})$/.exec(text.replace(/[\s().-]/g, ""));
  return m ? "+7" + m[1] : null;
}

/** "Do you work or study now?" — "neither" is how the centers see who is NEET. */
export const OCCUPATIONS = ["work", "study", "both", "neither"] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

/** Bumped whenever the consent text changes, so each user's consent names the text they saw. */
export const CONSENT_VERSION = "2026-12-02";

/** The first consent text that lists the Telegram username among the data kept. */
const USERNAME_CONSENT_SINCE = "2026-12-02";

/** Whether the consent someone gave covers keeping their Telegram username (versions are dates). */
export function consentCoversUsername(consentVersion: string | null): boolean {
  return consentVersion !== null && consentVersion >= USERNAME_CONSENT_SINCE;
}
