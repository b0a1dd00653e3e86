import type { AppContext, Flow } from "../../context.js";
import { menuEntryData } from "../../shared/keyboards.js";
import { requireAccount } from "../menu/menu.js";
import { CONSULT, consultConversation } from "./conversation.js";
import { Handlers } from "../../shared/handlers.js";

export const consultFlows: Flow[] = [{ id: CONSULT, build: consultConversation }];

export const consultFeature = new Handlers<AppContext>().chatType("private");

consultFeature.callbackQuery(menuEntryData("consult"), async (ctx) => {
  await ctx.answerCallbackQuery();
  if (await requireAccount(ctx, "consult")) await ctx.conversation.enter(CONSULT);
});
