import type { Api } from "grammy";
import { LANGUAGES } from "../domain/language.js";
import type { AppI18n } from "./context.js";

const COMMANDS = ["start", "menu", "profile", "help", "mydata", "deleteme", "cancel"] as const;

/** Sets the command menu for each language, and Russian for clients in any other language. */
export async function setCommandMenus(api: Api, i18n: AppI18n): Promise<void> {
  const commandsIn = (lang: string) => COMMANDS.map((command) => ({ command, description: i18n.t(lang, `command-${command}`) }));
  for (const lang of LANGUAGES) await api.setMyCommands(commandsIn(lang), { language_code: lang });
  await api.setMyCommands(commandsIn("ru"));
}
