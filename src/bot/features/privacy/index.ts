import { Composer, InlineKeyboard, InputFile } from "grammy";
import { eraseUserData, exportUserData } from "../../../db/user-data.js";
import type { AppContext } from "../../context.js";
import { showMainMenu } from "../menu/menu.js";

export const privacyFeature = new Composer<AppContext>().chatType("private");

async function sendMyData(ctx: AppContext): Promise<void> {
  const data = await exportUserData(ctx.deps.db, ctx.from!.id);
  const json = JSON.stringify(data ?? {}, null, 2);
  await ctx.replyWithDocument(new InputFile(Buffer.from(json, "utf8"), "jastar-my-data.json"), {
    caption: ctx.t("mydata-caption"),
  });
}

async function askToErase(ctx: AppContext): Promise<void> {
  await ctx.reply(ctx.t("deleteme-confirm"), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("button-deleteme-yes"), "privacy:erase:yes")
      .row()
      .text(ctx.t("button-deleteme-no"), "privacy:erase:no"),
  });
}

privacyFeature.command("mydata", sendMyData);
privacyFeature.callbackQuery("privacy:export", async (ctx) => {
  await ctx.answerCallbackQuery();
  await sendMyData(ctx);
});

privacyFeature.command("deleteme", askToErase);
privacyFeature.callbackQuery("privacy:erase", async (ctx) => {
  await ctx.answerCallbackQuery();
  await askToErase(ctx);
});

privacyFeature.callbackQuery("privacy:erase:yes", async (ctx) => {
  await ctx.answerCallbackQuery();
  // The goodbye is rendered before erasing: afterwards there is no stored language to use.
  const goodbye = ctx.t("deleteme-done");
  await ctx.conversation.exitAll();
  await eraseUserData(ctx.deps.db, ctx.from.id, ctx.deps.clock.now());
  ctx.log.info("personal data erased on request");
  await ctx.reply(goodbye);
});

privacyFeature.callbackQuery("privacy:erase:no", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("deleteme-kept"));
  await showMainMenu(ctx);
});
