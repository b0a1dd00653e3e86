import type { StaffMember } from "../../../db/staff.js";
import { ensureUser, findUser, updateUser } from "../../../db/users.js";
import type { AppContext, BaseContext, Flow } from "../../context.js";
import { adoptAccount } from "../../i18n.js";
import { languageKeyboard } from "../../shared/keyboards.js";
import { commandsLeavingFlows } from "../../shared/leave-flow.js";
import { showScreen } from "../../shared/screen.js";
import { cardOfPayload } from "../../../domain/deep-links.js";
import { openCard } from "../links/index.js";
import { showHostStart } from "../teatalk/host.js";
import { markFromButton, showToday, showWeek } from "./agenda.js";
import {
  blockedTimesButton,
  blockTimeButton,
  cancelChoice,
  cancelConfirm,
  cancelsPage,
  chooseStaffLanguage,
  markAttendanceButton,
  setStaffLanguage,
  showTodayButton,
  showWeekButton,
  staffMenu,
  unblockButton,
} from "./buttons.js";
import { blockTimeConversation, showBlockedTimes, STAFF_BLOCK_TIME, unblockFromButton } from "./block-time.js";
import { askToCancel, cancelFromButton, showCancellable } from "./cancel.js";
import { mayHaveChatMenu, refreshCommandMenu } from "./command-menus.js";
import { inviteFeature } from "./invite.js";
import { forStaff, showStaffMenu, STAFF_MENU } from "./menu.js";
import { isCentersStaff, senderRoles, staffRolesOf } from "./roles.js";
import { Handlers } from "../../shared/handlers.js";

export { staffStartFeature } from "./invite.js";

/**
 * The specialists' side: /staff with the agenda, attendance marks and blocked times, and
 * administrators' /invite. Works without the young people's sign-up.
 */
export const staffFlows: Flow[] = [{ id: STAFF_BLOCK_TIME, build: blockTimeConversation }];

export const staffFeature = new Handlers<AppContext>().chatType("private");

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
 * A card's link opens the card for any of the centers' staff, also without sign-up. It also puts
 * right their own command menu (an administrator's first /start sets theirs).
 */
staffFeature.command("start", async (ctx, next) => {
  const roles = await senderRoles(ctx);
  if (mayHaveChatMenu(roles)) await refreshCommandMenu(ctx, roles);
  const payload = ctx.match.trim();
  if (cardOfPayload(payload) && isCentersStaff(roles)) return openCard(ctx, payload);
  if (roles.member) return showStaffMenu(ctx, roles.member);
  if (roles.host) return showHostStart(ctx);
  await next();
});
staffFeature.callbackQuery(staffMenu.filter(), opens(showStaffMenu));
staffFeature.callbackQuery(showTodayButton.filter(), opens(showToday));
staffFeature.callbackQuery(showWeekButton.filter(), opens(showWeek));

staffFeature.callbackQuery(
  markAttendanceButton.filter(),
  forStaff((ctx, member) => {
    const { booking, change } = markAttendanceButton.unpack(ctx.match);
    return markFromButton(ctx, member, booking, change);
  }),
);

staffFeature.callbackQuery(
  cancelsPage.filter(),
  forStaff(async (ctx, member) => {
    await ctx.answerCallbackQuery();
    await showCancellable(ctx, member, cancelsPage.unpack(ctx.match).page);
  }),
);

staffFeature.callbackQuery(
  cancelChoice.filter(),
  forStaff((ctx, member) => askToCancel(ctx, member, cancelChoice.unpack(ctx.match).booking)),
);

staffFeature.callbackQuery(
  cancelConfirm.filter(),
  forStaff((ctx, member) => cancelFromButton(ctx, member, cancelConfirm.unpack(ctx.match).booking)),
);

staffFeature.callbackQuery(
  blockTimeButton.filter(),
  forStaff(async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(STAFF_BLOCK_TIME);
  }),
);

staffFeature.callbackQuery(blockedTimesButton.filter(), opens(showBlockedTimes));

staffFeature.callbackQuery(
  unblockButton.filter(),
  forStaff((ctx, member) => unblockFromButton(ctx, member, unblockButton.unpack(ctx.match).block)),
);

staffFeature.callbackQuery(
  chooseStaffLanguage.filter(),
  forStaff(async (ctx) => {
    await ctx.answerCallbackQuery();
    await showScreen(
      ctx,
      ctx.t("staff-choose-language"),
      languageKeyboard(ctx.t, (language) => setStaffLanguage.pack({ language })).row().text(ctx.t("button-back"), STAFF_MENU),
    );
  }),
);

/** A specialist without the young people's profile keeps their language in a row of its own. */
staffFeature.callbackQuery(
  setStaffLanguage.filter(),
  forStaff(async (ctx, member) => {
    const { language } = setStaffLanguage.unpack(ctx.match);
    const now = ctx.deps.clock.now();
    await ensureUser(ctx.deps.db, ctx.from.id, language, now);
    await updateUser(ctx.deps.db, ctx.from.id, { language }, now);
    await adoptAccount(ctx, (await findUser(ctx.deps.db, ctx.from.id))!);
    await ctx.answerCallbackQuery({ text: ctx.t("profile-saved") });
    await showStaffMenu(ctx, member);
  }),
);
