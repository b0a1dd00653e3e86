import type { Conversation, ConversationBuilder, ConversationFlavor } from "@grammyjs/conversations";
import type { I18n, I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { User } from "../db/schema.js";
import type { AppDeps } from "../deps.js";
import type { Language } from "../domain/language.js";
import type { Logger } from "../logger.js";

export type { AppDeps } from "../deps.js";

/** Fetches a file Telegram keeps, by the path `getFile` gave, through the bot's own connection to Telegram. */
export type FileFetcher = (filePath: string) => Promise<Response>;

interface AppFlavor {
  deps: AppDeps;
  /** The sender's row, if they have written before; loaded once per update. */
  account: User | undefined;
  log: Logger;
  /** The language this update is answered in; follows a change of language within the update. */
  language: Language;
  fetchFile: FileFetcher;
}

/** The context inside conversations: the same plugins, without conversation controls. */
export type BaseContext = Context & I18nFlavor & AppFlavor;
/** The context of the outside middleware tree. */
export type AppContext = ConversationFlavor<BaseContext>;
export type AppConversation = Conversation<AppContext, BaseContext>;

/** A flow of a feature: the id it is entered by, and its conversation built from the app's deps. */
export interface Flow {
  id: string;
  build: (deps: AppDeps) => ConversationBuilder<AppContext, BaseContext>;
}
export type AppI18n = I18n<BaseContext>;
