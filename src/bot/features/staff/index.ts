import { Composer } from "grammy";
import type { StaffMember } from "../../../db/staff.js";
import { ensureUser, findUser, updateUser } from "../../../db/users.js";
import { isLanguage } from "../../../domain/language.js";
import type { AppContext, BaseContext } from "../../context.js";
import { adoptAccount } from "../../i18n.js";
import { languageKeyboard } from "../../shared/keyboards.js";
import { commandsLeavingFlows } from "../../shared/leave-flow.js";
import { showHostStart } from "../teatalk/host.js";
import { markFromButton, showToday, showWeek } from "./agenda.js";
import { showBlockedTimes, STAFF_BLOCK_TIME, unblockFromButton } from "./block-time.js";
import { mayHaveChatMenu, refreshCommandMenu } from "./command-menus.js";
import { inviteFeature } from "./invite.js";
import { forStaff, showStaffMenu, STAFF_MENU } from "./menu.js";
import { staffRolesOf } from "./roles.js";

export { staffStartFeature } from "./invite.js";

/**
 * The specialists' side: /staff with the agenda, attendance marks and blocked times, and
 * administrators' /invite. Works without the young people's sign-up.
 */
export const staffFeature = new Composer<AppContext>().chatType("private");

staffFeature.use(inviteFeature);

/** A button that opens a staff screen: the press is answered, then the screen is shown. */
function opens(show: (ctx: BaseContext, member: StaffMember) => Promise<void>) {
  return forStaff(async (ctx, member) => {
    await ctx.answerCallbackQuery();
    await show(ctx, member);
  });
}

/**
 * /staff and /host are where staff return to from anywhere, in the middle of a flow too. Someone
 * without the role keeps their flow.
 */
export const staffCommandsInFlows = commandsLeavingFlows(["staff", "host"], async (ctx) => {
  const roles = await staffRolesOf(ctx.deps, ctx.from!.id);
  return ctx.hasCommand("staff") ? roles.member !== undefined : roles.host;
});

staffFeature.command("staff", forStaff(showStaffMenu));

/**
 * A specialist's /start opens the staff menu, a host's the host's side: not the visitor sign-up.
 * It also puts right their own command menu (an administrator's first /start sets theirs).
 */
staffFeature.command("start", async (ctx, next) => {
  const roles = await staffRolesOf(ctx.deps, ctx.from.id);
  if (mayHaveChatMenu(roles)) await refreshCommandMenu(ctx, roles);
  if (roles.member) return showStaffMenu(ctx, roles.member);
  if (roles.host) return showHostStart(ctx);
  await next();
});
staffFeature.callbackQuery(STAFF_MENU, opens(showStaffMenu));
staffFeature.callbackQuery("staff:today", opens(showToday));
staffFeature.callbackQuery("staff:week", opens(showWeek));

staffFeature.callbackQuery(
  /^staff:mark:(\d{1,12}):(\w)$/,
  forStaff((ctx, member) => markFromButton(ctx, member, Number(ctx.match[1]), ctx.match[2]!)),
);

staffFeature.callbackQuery(
  "staff:block",
  forStaff(async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(STAFF_BLOCK_TIME);
  }),
);

staffFeature.callbackQuery("staff:blocks", opens(showBlockedTimes));

staffFeature.callbackQuery(
  /^staff:unblock:(\d{1,12})$/,
  forStaff((ctx, member) => unblockFromButton(ctx, member, Number(ctx.match[1]))),
);

staffFeature.callbackQuery(
  "staff:language",
  forStaff(async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("staff-choose-language"), {
      reply_markup: languageKeyboard(ctx.t, "staff:set-language").row().text(ctx.t("button-back"), STAFF_MENU),
    });
  }),
);

/** A specialist without the young people's profile keeps their language in a row of its own. */
staffFeature.callbackQuery(
  /^staff:set-language:(.+)$/,
  forStaff(async (ctx, member) => {
    const language = ctx.match[1];
    if (!isLanguage(language)) return ctx.answerCallbackQuery({ text: ctx.t("stale-button-alert") });
    const now = ctx.deps.clock.now();
    await ensureUser(ctx.deps.db, ctx.from.id, language, now);
    await updateUser(ctx.deps.db, ctx.from.id, { language }, now);
    await adoptAccount(ctx, (await findUser(ctx.deps.db, ctx.from.id))!);
    await ctx.answerCallbackQuery({ text: ctx.t("profile-saved") });
    await showStaffMenu(ctx, member);
  }),
);
