import type { Db } from "../../src/db/database.js";
import { completeRegistration, ensureUser, type Registration } from "../../src/db/users.js";
import { CONSENT_VERSION } from "../../src/domain/profile.js";
import type { Language } from "../../src/domain/language.js";
import type { ApiCall, Harness, HarnessUser } from "./harness.js";

/** A person who finished sign-up, without walking through it. */
export async function registerUser(
  db: Db,
  id: number,
  options: Partial<Registration> & { language?: Language; now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date("2026-11-20T10:00:00Z");
  await ensureUser(db, id, options.language ?? "ru", now);
  await completeRegistration(
    db,
    id,
    {
      name: options.name ?? "Тест",
      age: options.age ?? 20,
      guardianConsent: options.guardianConsent ?? null,
      district: options.district ?? "almaly",
      phone: options.phone ?? null,
      occupation: options.occupation ?? null,
      consentVersion: CONSENT_VERSION,
    },
    now,
  );
}

/** A signed-up person (see registerUser) talking to the harness's bot in `language`. */
export async function signedUpUser(h: Harness, id: number, language: Language): Promise<HarnessUser> {
  await registerUser(h.db, id, { language });
  return h.user({ id, first_name: "Тест", language_code: language });
}

/**
 * Walks a newcomer who has just opened the bot through sign-up by its buttons, from the language
 * step to the last answer; returns the last batch.
 */
export async function signUpByButtons(h: Harness, u: HarnessUser, lang: Language): Promise<ApiCall[]> {
  await u.press(`su-lang:${lang}`);
  await u.press("su-start:go");
  await u.press("su-consent:yes");
  await u.press("su-name:telegram");
  await u.send("22");
  await u.press("su-district:almaly");
  await u.send(h.i18n.t(lang, "button-skip"));
  return u.press("su-occupation:neither");
}
