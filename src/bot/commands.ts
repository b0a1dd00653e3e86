import type { Api } from "grammy";
import { LANGUAGES } from "../domain/language.js";

const COMMANDS = ["start", "menu", "profile", "help", "mydata", "deleteme", "cancel"] as const;

/** Commands only some people may use; each appears in the menus of those people alone. */
export type StaffCommand = "staff" | "host" | "team" | "invite" | "admin";

/** A text of the locales in a given language. */
export type TranslateIn = (language: string, key: string) => string;

function commandsIn(t: TranslateIn, language: string, extra: readonly StaffCommand[] = []) {
  return [...COMMANDS, ...extra].map((command) => ({ command, description: t(language, `command-${command}`) }));
}

/** Sets the command menu for each language, and Russian for clients in any other language. */
export async function setCommandMenus(api: Api, t: TranslateIn): Promise<void> {
  for (const lang of LANGUAGES) await api.setMyCommands(commandsIn(t, lang), { language_code: lang });
  await api.setMyCommands(commandsIn(t, "ru"));
}

/**
 * Gives one private chat a menu of its own with the staff commands its person may use, in each
 * language as the general menu has; with none, the chat's own menu goes and the general one
 * applies again.
 */
export async function setChatCommandMenu(api: Api, t: TranslateIn, chatId: number, staff: readonly StaffCommand[]): Promise<void> {
  const scope = { type: "chat", chat_id: chatId } as const;
  if (staff.length === 0) {
    for (const lang of LANGUAGES) await api.deleteMyCommands({ scope, language_code: lang });
    await api.deleteMyCommands({ scope });
    return;
  }
  for (const lang of LANGUAGES) await api.setMyCommands(commandsIn(t, lang, staff), { scope, language_code: lang });
  await api.setMyCommands(commandsIn(t, "ru", staff), { scope });
}
