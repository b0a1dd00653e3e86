import { Composer, InlineKeyboard } from "grammy";
import {
  createInvite,
  findStaffMember,
  findStaffMemberById,
  listUnlinkedSpecialists,
  redeemInvite,
  type StaffMember,
} from "../../../db/staff.js";
import { ensureUser } from "../../../db/users.js";
import { inviteTokenOf, isStaffStartPayload, staffStartPayload } from "../../../domain/staff.js";
import { formatDay, localDateOf, localTimeOf } from "../../../domain/time.js";
import type { AppContext, BaseContext } from "../../context.js";
import { contextLanguage } from "../../i18n.js";
import { startRow } from "../../shared/ask.js";
import { escapeHtml } from "../../shared/format.js";
import { menuButton, menuOpenButton } from "../../shared/keyboards.js";
import { inviteCenter, invitePage, inviteSpecialist } from "./buttons.js";
import { refreshCommandMenu } from "./command-menus.js";
import { centerName } from "./format.js";
import { showStaffMenu } from "./menu.js";
import { staffRolesOf } from "./roles.js";

/** Whether the data is one of /invite's buttons, which only administrators may press. */
function isInviteButton(data: string | undefined): boolean {
  return [invitePage, inviteCenter, inviteSpecialist].some((codec) => codec.match(data) !== null);
}

/** Buttons per page when choosing whom to invite. */
const PAGE_SIZE = 8;

function isAdmin(ctx: BaseContext): boolean {
  return ctx.from !== undefined && ctx.deps.config.adminIds.includes(ctx.from.id);
}

/** /invite and its buttons: administrators create one-time links for specialists. */
export const inviteFeature = new Composer<AppContext>().chatType("private");

/** Only administrators get past here; anyone else asking is told so, and nothing is created. */
const admin = inviteFeature.filter(isAdmin);
inviteFeature.filter(
  (ctx) => !isAdmin(ctx) && (ctx.hasCommand("invite") || isInviteButton(ctx.callbackQuery?.data)),
  async (ctx) => {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("staff-not-allowed") });
    await ctx.reply(ctx.t("staff-not-allowed"));
  },
);

admin.command("invite", async (ctx) => {
  const arg = ctx.match.trim();
  if (arg === "") return showInviteChoices(ctx, 0);
  if (!/^\d{1,9}$/.test(arg)) return ctx.reply(ctx.t("staff-invite-usage"));
  await issueInvite(ctx, Number(arg));
});

admin.callbackQuery(invitePage.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showInviteChoices(ctx, invitePage.unpack(ctx.match).page);
});

admin.callbackQuery(inviteCenter.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  const { center: centerId, page } = inviteCenter.unpack(ctx.match);
  const specialists = (await listUnlinkedSpecialists(ctx.deps.db)).filter((s) => s.center_id === centerId);
  // All of the center's specialists linked meanwhile: the list of centers tells what is left.
  if (specialists.length === 0) return showInviteChoices(ctx, 0);
  const language = await contextLanguage(ctx);
  await ctx.reply(ctx.t("staff-invite-choose-specialist", { center: centerName(specialists[0]!, language) }), {
    parse_mode: "HTML",
    reply_markup: paged(
      ctx,
      specialists.map((s) => ({ text: specialistLabel(ctx, s), data: inviteSpecialist.pack({ specialist: s.id }) })),
      page,
      (p) => inviteCenter.pack({ center: centerId, page: p }),
    ).text(ctx.t("button-back"), invitePage.pack({ page: 0 })),
  });
});

admin.callbackQuery(inviteSpecialist.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await issueInvite(ctx, inviteSpecialist.unpack(ctx.match).specialist);
});

/**
 * The specialists still without an account: as buttons if they fit on one page, otherwise their
 * centers first (paged), then the specialists of the chosen center.
 */
async function showInviteChoices(ctx: BaseContext, page: number): Promise<void> {
  const specialists = await listUnlinkedSpecialists(ctx.deps.db);
  if (specialists.length === 0) {
    await ctx.reply(ctx.t("staff-invite-none"), { reply_markup: menuButton(ctx.t) });
    return;
  }
  const language = await contextLanguage(ctx);
  if (specialists.length <= PAGE_SIZE) {
    const buttons = specialists.map((s) => ({
      text: `${specialistLabel(ctx, s)}, ${language === "kk" ? s.center_name_kk : s.center_name_ru}`,
      data: inviteSpecialist.pack({ specialist: s.id }),
    }));
    await ctx.reply(ctx.t("staff-invite-choose"), {
      reply_markup: paged(ctx, buttons, 0, (p) => invitePage.pack({ page: p })).text(ctx.t("button-menu"), menuOpenButton.pack()),
    });
    return;
  }
  const centers = new Map<string, { name: string; count: number }>();
  for (const s of specialists) {
    const c = centers.get(s.center_id) ?? { name: language === "kk" ? s.center_name_kk : s.center_name_ru, count: 0 };
    c.count += 1;
    centers.set(s.center_id, c);
  }
  const buttons = [...centers].map(([id, c]) => ({ text: `${c.name} (${c.count})`, data: inviteCenter.pack({ center: id, page: 0 }) }));
  await ctx.reply(ctx.t("staff-invite-choose-center", { count: specialists.length }), {
    reply_markup: paged(ctx, buttons, page, (p) => invitePage.pack({ page: p })).text(ctx.t("button-menu"), menuOpenButton.pack()),
  });
}

function specialistLabel(ctx: BaseContext, s: StaffMember): string {
  return `${s.display_name} — ${ctx.t(`service-${s.service}`)}`;
}

/** One button per row, `PAGE_SIZE` per page, with arrows to the neighbouring pages, then a row for the way out. */
function paged(
  ctx: BaseContext,
  buttons: { text: string; data: string }[],
  page: number,
  pageData: (page: number) => string,
): InlineKeyboard {
  const pages = Math.max(1, Math.ceil(buttons.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const kb = new InlineKeyboard();
  for (const b of buttons.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE)) kb.text(b.text, b.data).row();
  if (current > 0) kb.text(ctx.t("staff-page-prev"), pageData(current - 1));
  if (current < pages - 1) kb.text(ctx.t("staff-page-next"), pageData(current + 1));
  return startRow(kb);
}

/** Creates a link for a specialist who has no account yet and shows it with its expiry. */
async function issueInvite(ctx: BaseContext, specialistId: number): Promise<void> {
  const specialist = await findStaffMemberById(ctx.deps.db, specialistId);
  if (!specialist) {
    await ctx.reply(ctx.t("staff-invite-unknown-specialist", { id: String(specialistId) }), { reply_markup: menuButton(ctx.t) });
    return;
  }
  if (specialist.telegram_id !== null) {
    await ctx.reply(ctx.t("staff-invite-already-linked", { name: escapeHtml(specialist.display_name) }), {
      parse_mode: "HTML",
      reply_markup: menuButton(ctx.t),
    });
    return;
  }
  const invite = await createInvite(ctx.deps.db, { specialistId, createdBy: ctx.from!.id }, ctx.deps.clock.now());
  ctx.log.info({ specialist_id: specialistId }, "staff invite created");
  const language = await contextLanguage(ctx);
  const expires = new Date(invite.expiresAt);
  await ctx.reply(
    ctx.t("staff-invite-created", {
      name: escapeHtml(specialist.display_name),
      service: ctx.t(`service-${specialist.service}`),
      center: centerName(specialist, language),
      link: `https://t.me/${ctx.me.username}?start=${staffStartPayload(invite.token)}`,
      until: `${formatDay(localDateOf(expires), language)}, ${localTimeOf(expires)}`,
    }),
    { parse_mode: "HTML", link_preview_options: { is_disabled: true }, reply_markup: menuButton(ctx.t) },
  );
}

/**
 * `/start staff_<token>`: a specialist opens their invite. Mounted before the ordinary /start,
 * which gets every other payload. No sign-up is needed: the staff side works on the link alone.
 */
export const staffStartFeature = new Composer<AppContext>().chatType("private");

staffStartFeature.command("start", async (ctx, next) => {
  const payload = ctx.match.trim();
  if (!isStaffStartPayload(payload)) return next();
  const token = inviteTokenOf(payload);
  const now = ctx.deps.clock.now();
  const result = token === null ? ({ ok: false, reason: "unknown" } as const) : await redeemInvite(ctx.deps.db, token, ctx.from.id, now);
  if (!result.ok) {
    ctx.log.info({ reason: result.reason }, "staff invite refused");
    await ctx.reply(ctx.t(`staff-invite-${result.reason}`));
    return;
  }
  ctx.log.info({ specialist_id: result.specialistId }, "staff account linked");
  // A row with only the language, so that notices to this specialist come in the language they use here.
  await ensureUser(ctx.deps.db, ctx.from.id, await contextLanguage(ctx), now);
  const roles = await staffRolesOf(ctx.deps, ctx.from.id);
  await refreshCommandMenu(ctx, roles);
  const member = roles.member ?? (await findStaffMember(ctx.deps.db, ctx.from.id))!;
  const language = await contextLanguage(ctx);
  await ctx.reply(
    ctx.t(result.alreadyYours ? "staff-linked-already" : "staff-linked", {
      name: escapeHtml(member.display_name),
      service: ctx.t(`service-${member.service}`),
      center: centerName(member, language),
    }),
    { parse_mode: "HTML" },
  );
  await showStaffMenu(ctx, member);
});
