import { Composer } from "grammy";
import type { AppContext } from "../context.js";
import { inFlow } from "./ask.js";
import { Handlers } from "./handlers.js";

/**
 * Commands that lead somewhere from anywhere (/start, /menu, /staff, /host): sent in the middle of
 * a flow, they leave it, say so in one line, and go on to their own handler. Mounted before the
 * conversations, which would take the command for a wrong answer. `leaves` keeps the flow for
 * someone a command is not for: for them it is a wrong answer like any other, and the step is
 * asked again.
 */
export function commandsLeavingFlows(
  commands: string[],
  leaves: (ctx: AppContext) => Promise<boolean> = async () => true,
): Composer<AppContext> {
  const composer = new Handlers<AppContext>();
  composer.command(commands, async (ctx, next) => {
    if (inFlow(ctx) && (await leaves(ctx))) {
      await ctx.conversation.exitAll();
      // The reply keyboard of a step (the phone button) goes away with the flow.
      await ctx.reply(ctx.t("flow-left"), { reply_markup: { remove_keyboard: true } });
    }
    await next();
  });
  return composer;
}
