import { I18n } from "@grammyjs/i18n";
import type { MiddlewareFn } from "grammy";
import { join } from "node:path";
import { languageFromTelegram, type Language } from "../domain/language.js";
import { projectRoot } from "../paths.js";
import type { User } from "../db/schema.js";
import type { AppI18n, BaseContext } from "./context.js";

/**
 * Both locales from `locales/`. The stored choice wins; on first contact Telegram's
 * language_code decides. Fluent's bidi isolation marks are off: Telegram shows them as garbage.
 */
export function createI18n(): AppI18n {
  const i18n = new I18n<BaseContext>({
    defaultLocale: "ru",
    directory: join(projectRoot(), "locales"),
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => ctx.account?.language ?? languageFromTelegram(ctx.from?.language_code),
  });
  negotiateBundlesOnce(i18n.fluent as unknown as BundleMatcher);
  return i18n;
}

/** The part of the plugin's Fluent that picks the bundles for a text's locales. */
interface BundleMatcher {
  matchBundles(locales: string[]): unknown;
}

/**
 * The plugin negotiates which bundles serve a locale (parsing and comparing language tags) for
 * every text it formats: a tenth of what an update allocated. Both locales are loaded when the
 * plugin is made and never change, so each list of locales is negotiated once.
 */
function negotiateBundlesOnce(fluent: BundleMatcher): void {
  const negotiate = fluent.matchBundles.bind(fluent);
  const negotiated = new Map<string, unknown>();
  fluent.matchBundles = (locales) => {
    const key = locales.join(",");
    if (!negotiated.has(key)) negotiated.set(key, negotiate(locales));
    return negotiated.get(key);
  };
}

/** The negotiated locale as one of the bot's languages. */
async function negotiatedLanguage(ctx: BaseContext): Promise<Language> {
  return (await ctx.i18n.getLocale()) === "kk" ? "kk" : "ru";
}

/**
 * Reads the language once per update, right after i18n; installed both outside and inside
 * conversations, because a conversation builds fresh contexts on replay.
 */
export const withLanguage: MiddlewareFn<BaseContext> = async (ctx, next) => {
  ctx.language = await negotiatedLanguage(ctx);
  await next();
};

/** The sender has just chosen a language: the rest of this update speaks it. */
export function speakLanguage(ctx: BaseContext, language: Language): void {
  ctx.i18n.useLocale(language);
  ctx.language = language;
}

/**
 * After the sender's language was stored: the rest of this update speaks it, texts and names
 * read from the database alike (both follow the negotiator, which reads the account).
 */
export async function adoptAccount(ctx: BaseContext, account: User): Promise<void> {
  ctx.account = account;
  await ctx.i18n.renegotiateLocale();
  ctx.language = await negotiatedLanguage(ctx);
}
