import { Composer } from "grammy";
import type { AppContext } from "../../context.js";
import { menuEntryData } from "../../shared/keyboards.js";
import { requireAccount } from "../menu/menu.js";
import { CONSULT } from "./conversation.js";

export const consultFeature = new Composer<AppContext>().chatType("private");

consultFeature.callbackQuery(menuEntryData("consult"), async (ctx) => {
  await ctx.answerCallbackQuery();
  if (await requireAccount(ctx, "consult")) await ctx.conversation.enter(CONSULT);
});
