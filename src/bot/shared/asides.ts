import type { Context } from "grammy";
import { signalsCrisis } from "../../domain/crisis.js";
import { menuEntryButton } from "./keyboards.js";

/**
 * What a person may ask for at any moment, in the middle of a flow too: the help lines, asked
 * for with /help or the 🆘 button, or a message that signals crisis. It is answered before any
 * flow sees it (see the help feature), and a flow's step never takes it as an answer: the step
 * asks its question again, so the person goes on where they were.
 */
export type Aside = "help" | "crisis";

export function asideOf(ctx: Context): Aside | null {
  if (ctx.hasCommand("help") || menuEntryButton.match(ctx.callbackQuery?.data)?.entry === "help") return "help";
  const text = ctx.message?.text ?? ctx.message?.caption;
  return text !== undefined && signalsCrisis(text) ? "crisis" : null;
}
