import { InlineKeyboard } from "grammy";
import { findCenter, listCenters } from "../../../db/catalog.js";
import {
  createInvite,
  findStaffMember,
  findStaffMemberById,
  listUnlinkedSpecialists,
  redeemInvite,
  type CreatedInvite,
  type StaffMember,
} from "../../../db/staff.js";
import { findEvent, type EventView } from "../../../db/events.js";
import { listHostsToInvite, type HostToInvite, type NamedHost } from "../../../db/organisers.js";
import { centersAdministeredBy } from "../../../db/admins.js";
import { ensureUser } from "../../../db/users.js";
import type { Language } from "../../../domain/language.js";
import { startLink } from "../../../domain/deep-links.js";
import { inviteOfStartPayload, inviteStartPayload, type InviteKind } from "../../../domain/staff.js";
import { formatDay, localDateOf, localTimeOf } from "../../../domain/time.js";
import type { AppContext, BaseContext } from "../../context.js";
import { dayAndTime, escapeHtml } from "../../shared/format.js";
import { menuButton, menuOpenButton } from "../../shared/keyboards.js";
import { paged } from "../../shared/paged.js";
import { showScreen } from "../../shared/screen.js";
import { findTeam, teamsWithoutCoordinator } from "../../../db/teams.js";
import { forAdmin, forCityAdmin, mayManageCenter, refuseAdmin, type AdminScope } from "../admin/access.js";
import { adminHome } from "../admin/buttons.js";
import { showAdminHome } from "../admin/index.js";
import { adminPartners } from "../card/buttons.js";
import { greetPartner } from "../card/check.js";
import { teatalkHostDay } from "../teatalk/buttons.js";
import { showManage } from "../teams/manage.js";
import { teamName } from "../teams/view.js";
import {
  inviteCenter,
  inviteCenterAdmin,
  inviteCenterAdminPage,
  inviteHost,
  inviteHostPage,
  inviteKinds,
  invitePage,
  inviteSpecialist,
  inviteTeam,
  inviteTeamPage,
} from "./buttons.js";
import { refreshCommandMenu } from "./command-menus.js";
import { centerName } from "./format.js";
import { showStaffMenu } from "./menu.js";
import { staffRolesOf } from "./roles.js";
import { Handlers } from "../../shared/handlers.js";

/** Buttons per page when choosing whom to invite. */
const PAGE_SIZE = 8;

export function isAdmin(ctx: BaseContext): boolean {
  return ctx.from !== undefined && ctx.deps.config.adminIds.includes(ctx.from.id);
}

/**
 * /invite and its buttons: city administrators create one-time links for center administrators,
 * specialists, tea-talk hosts, team coordinators and card partners; a center's administrator for
 * the specialists and hosts of their own centers. Every handler checks the sender's scope again,
 * so a forged or kept button creates nothing for anyone else.
 */
export const inviteFeature = new Handlers<AppContext>().chatType("private");

inviteFeature.command(
  "invite",
  forAdmin(async (ctx, scope) => {
    const arg = ctx.match.trim();
    if (arg === "") return showInviteKinds(ctx, scope);
    if (!/^\d{1,9}$/.test(arg)) return ctx.reply(ctx.t("staff-invite-usage"));
    await issueInvite(ctx, scope, Number(arg));
  }),
);

/** A button of an administrator's scope: the press is answered, then `show` runs. */
function pressed<C extends AppContext>(show: (ctx: C, scope: AdminScope) => Promise<unknown>) {
  return forAdmin<C>(async (ctx, scope) => {
    await ctx.answerCallbackQuery();
    await show(ctx, scope);
  });
}

inviteFeature.callbackQuery(
  inviteKinds.filter(),
  pressed((ctx, scope) => showInviteKinds(ctx, scope)),
);

inviteFeature.callbackQuery(
  invitePage.filter(),
  pressed((ctx, scope) => showInviteChoices(ctx, scope, invitePage.unpack(ctx.match).page)),
);

inviteFeature.callbackQuery(
  inviteCenter.filter(),
  forAdmin(async (ctx, scope) => {
    const { center: centerId, page } = inviteCenter.unpack(ctx.match);
    if (!mayManageCenter(scope, centerId)) return refuseAdmin(ctx);
    await ctx.answerCallbackQuery();
    const specialists = (await listUnlinkedSpecialists(ctx.deps.db)).filter((s) => s.center_id === centerId);
    // All of the center's specialists linked meanwhile: the list of centers tells what is left.
    if (specialists.length === 0) return showInviteChoices(ctx, scope, 0);
    const language = ctx.language;
    await showScreen(
      ctx,
      ctx.t("staff-invite-choose-specialist", { center: centerName(specialists[0]!, language) }),
      paged(
        ctx,
        specialists.map((s) => ({ text: specialistLabel(ctx, s), data: inviteSpecialist.pack({ specialist: s.id }) })),
        page,
        PAGE_SIZE,
        (p) => inviteCenter.pack({ center: centerId, page: p }),
      ).text(ctx.t("button-back"), invitePage.pack({ page: 0 })),
    );
  }),
);

inviteFeature.callbackQuery(
  inviteSpecialist.filter(),
  pressed((ctx, scope) => issueInvite(ctx, scope, inviteSpecialist.unpack(ctx.match).specialist)),
);

inviteFeature.callbackQuery(
  inviteHostPage.filter(),
  pressed((ctx, scope) => showHostChoices(ctx, scope, inviteHostPage.unpack(ctx.match).page)),
);

inviteFeature.callbackQuery(
  inviteHost.filter(),
  forAdmin(async (ctx, scope) => {
    const session = await findEvent(ctx.deps.db, inviteHost.unpack(ctx.match).session);
    if (session?.center_id && !mayManageCenter(scope, session.center_id)) return refuseAdmin(ctx);
    await ctx.answerCallbackQuery();
    await issueHostInvite(ctx, scope, session);
  }),
);

inviteFeature.callbackQuery(
  inviteTeamPage.filter(),
  forCityAdmin(async (ctx) => {
    await ctx.answerCallbackQuery();
    await showTeamChoices(ctx, inviteTeamPage.unpack(ctx.match).page);
  }),
);

inviteFeature.callbackQuery(
  inviteTeam.filter(),
  forCityAdmin(async (ctx) => {
    await ctx.answerCallbackQuery();
    await issueCoordinatorInvite(ctx, inviteTeam.unpack(ctx.match).team);
  }),
);

inviteFeature.callbackQuery(
  inviteCenterAdminPage.filter(),
  forCityAdmin(async (ctx) => {
    await ctx.answerCallbackQuery();
    await showCenterAdminChoices(ctx, inviteCenterAdminPage.unpack(ctx.match).page);
  }),
);

inviteFeature.callbackQuery(
  inviteCenterAdmin.filter(),
  forCityAdmin(async (ctx) => {
    await ctx.answerCallbackQuery();
    await issueCenterAdminInvite(ctx, inviteCenterAdmin.unpack(ctx.match).center);
  }),
);

/**
 * Whom to invite: for a city administrator, a center's administrator, a specialist, a tea-talk
 * host, a team's coordinator or a card partner's staff; for a center's, a specialist or a host.
 */
async function showInviteKinds(ctx: BaseContext, scope: AdminScope): Promise<void> {
  const kb = new InlineKeyboard();
  if (scope.kind === "city") kb.text(ctx.t("staff-invite-kind-center-admin"), inviteCenterAdminPage.pack({ page: 0 })).row();
  kb.text(ctx.t("staff-invite-kind-specialist"), invitePage.pack({ page: 0 }))
    .row()
    .text(ctx.t("staff-invite-kind-host"), inviteHostPage.pack({ page: 0 }))
    .row();
  if (scope.kind === "city") {
    kb.text(ctx.t("staff-invite-kind-coordinator"), inviteTeamPage.pack({ page: 0 }))
      .row()
      .text(ctx.t("staff-invite-kind-partner"), adminPartners.pack({ page: 0 }))
      .row();
  }
  await showScreen(ctx, ctx.t("staff-invite-choose-kind"), kb.text(ctx.t("button-back"), adminHome.pack()));
}

/**
 * The specialists still without an account (of the administrator's centers): as buttons if they
 * fit on one page, otherwise their centers first (paged), then the specialists of the chosen center.
 */
async function showInviteChoices(ctx: BaseContext, scope: AdminScope, page: number): Promise<void> {
  const specialists = (await listUnlinkedSpecialists(ctx.deps.db)).filter((s) => mayManageCenter(scope, s.center_id));
  if (specialists.length === 0) {
    await showScreen(ctx, ctx.t("staff-invite-none"), menuButton(ctx.t));
    return;
  }
  const language = ctx.language;
  if (specialists.length <= PAGE_SIZE) {
    const buttons = specialists.map((s) => ({
      text: `${specialistLabel(ctx, s)}, ${language === "kk" ? s.center_name_kk : s.center_name_ru}`,
      data: inviteSpecialist.pack({ specialist: s.id }),
    }));
    await showScreen(ctx, ctx.t("staff-invite-choose"), paged(ctx, buttons, 0, PAGE_SIZE, (p) => invitePage.pack({ page: p })).text(ctx.t("button-menu"), menuOpenButton.pack()));
    return;
  }
  const centers = new Map<string, { name: string; count: number }>();
  for (const s of specialists) {
    const c = centers.get(s.center_id) ?? { name: language === "kk" ? s.center_name_kk : s.center_name_ru, count: 0 };
    c.count += 1;
    centers.set(s.center_id, c);
  }
  const buttons = [...centers].map(([id, c]) => ({ text: `${c.name} (${c.count})`, data: inviteCenter.pack({ center: id, page: 0 }) }));
  await showScreen(
    ctx,
    ctx.t("staff-invite-choose-center", { count: specialists.length }),
    paged(ctx, buttons, page, PAGE_SIZE, (p) => invitePage.pack({ page: p })).text(ctx.t("button-menu"), menuOpenButton.pack()),
  );
}

function specialistLabel(ctx: BaseContext, s: Pick<StaffMember, "display_name" | "service">): string {
  return `${s.display_name} — ${ctx.t(`service-${s.service}`)}`;
}

/**
 * The hosts of sessions ahead (at the administrator's centers) whom no account hosts yet, each
 * with their next session, a page at a time. A specialist among them is invited as a specialist:
 * their own link makes them a host.
 */
async function showHostChoices(ctx: BaseContext, scope: AdminScope, page: number): Promise<void> {
  const hosts = (await listHostsToInvite(ctx.deps.db, ctx.deps.clock.now())).filter((h) => mayManageCenter(scope, h.centerId));
  if (hosts.length === 0) {
    await showScreen(ctx, ctx.t("staff-invite-host-none"), menuButton(ctx.t));
    return;
  }
  const language = ctx.language;
  const buttons = hosts.map((h) => ({
    text: hostLabel(ctx, h, language),
    data: h.host.kind === "named" ? inviteHost.pack({ session: h.sessionId }) : inviteSpecialist.pack({ specialist: h.host.specialistId }),
  }));
  await showScreen(
    ctx,
    ctx.t("staff-invite-choose-host"),
    paged(ctx, buttons, page, PAGE_SIZE, (p) => inviteHostPage.pack({ page: p })).text(ctx.t("button-menu"), menuOpenButton.pack()),
  );
}

/** "Name · center · 24 November, Tuesday, 18:00": who, where, and their next session. */
function hostLabel(ctx: BaseContext, h: HostToInvite, language: Language): string {
  const who = h.host.kind === "named" ? h.host.name : specialistLabel(ctx, { display_name: h.host.name, service: h.host.service });
  const { day, time } = dayAndTime(h.startsAt, language);
  return `${who} · ${language === "kk" ? h.center_name_kk : h.center_name_ru} · ${day}, ${time}`;
}

/**
 * Creates a link for a specialist who has no account yet and shows it with its expiry. A center's
 * administrator is told of another center's specialist only that there is none of that number.
 */
async function issueInvite(ctx: BaseContext, scope: AdminScope, specialistId: number): Promise<void> {
  const found = await findStaffMemberById(ctx.deps.db, specialistId);
  const specialist = found && mayManageCenter(scope, found.center_id) ? found : undefined;
  if (!specialist) {
    await ctx.reply(ctx.t("staff-invite-unknown-specialist", { id: String(specialistId) }), { reply_markup: menuButton(ctx.t) });
    return;
  }
  if (specialist.telegram_id !== null) {
    await ctx.reply(ctx.t("staff-invite-already-linked", { name: escapeHtml(specialist.display_name) }), {
      reply_markup: menuButton(ctx.t),
    });
    return;
  }
  const invite = await createInvite(ctx.deps.db, { target: { kind: "specialist", specialistId }, createdBy: ctx.from!.id }, ctx.deps.clock.now());
  ctx.log.info({ specialist_id: specialistId }, "staff invite created");
  const language = ctx.language;
  await ctx.reply(
    ctx.t("staff-invite-created", {
      name: escapeHtml(specialist.display_name),
      service: ctx.t(`service-${specialist.service}`),
      center: centerName(specialist, language),
      ...linkVars(ctx, "specialist", invite, language),
    }),
    { link_preview_options: { is_disabled: true }, reply_markup: menuButton(ctx.t) },
  );
}

/**
 * Creates a link for the host of a session: a named host links every session of theirs at that
 * center; a specialist host gets a specialist's link. The session comes from a button, so it may
 * be gone or its host linked since the list was shown; its center is the administrator's.
 */
async function issueHostInvite(ctx: BaseContext, scope: AdminScope, session: EventView | undefined): Promise<void> {
  const now = ctx.deps.clock.now();
  if (!session?.center_id || session.status !== "scheduled" || new Date(session.ends_at) <= now) {
    await ctx.reply(ctx.t("staff-invite-host-gone"));
    return showHostChoices(ctx, scope, 0);
  }
  if (session.host_specialist_id !== null) return issueInvite(ctx, scope, session.host_specialist_id);
  const name = escapeHtml(session.host_name!);
  if (session.host_telegram_id !== null) {
    await ctx.reply(ctx.t("staff-invite-already-linked", { name }), { reply_markup: menuButton(ctx.t) });
    return;
  }
  const host: NamedHost = { hostName: session.host_name!, centerId: session.center_id };
  const invite = await createInvite(ctx.deps.db, { target: { kind: "host", ...host }, createdBy: ctx.from!.id }, now);
  ctx.log.info({ center_id: host.centerId }, "host invite created");
  const language = ctx.language;
  const next = dayAndTime(session.starts_at, language);
  await ctx.reply(
    ctx.t("staff-invite-host-created", {
      name,
      center: centerName({ center_name_kk: session.place_kk, center_name_ru: session.place_ru }, language),
      next: `${next.day}, ${next.time}`,
      ...linkVars(ctx, "host", invite, language),
    }),
    { link_preview_options: { is_disabled: true }, reply_markup: menuButton(ctx.t) },
  );
}

/** The active teams no account coordinates yet, a page at a time. */
async function showTeamChoices(ctx: BaseContext, page: number): Promise<void> {
  const teams = await teamsWithoutCoordinator(ctx.deps.db);
  if (teams.length === 0) {
    await showScreen(ctx, ctx.t("staff-invite-team-none"), menuButton(ctx.t));
    return;
  }
  const buttons = teams.map((t) => ({ text: teamName(ctx, t), data: inviteTeam.pack({ team: t.id }) }));
  await showScreen(
    ctx,
    ctx.t("staff-invite-choose-team"),
    paged(ctx, buttons, page, PAGE_SIZE, (p) => inviteTeamPage.pack({ page: p })).text(ctx.t("button-menu"), menuOpenButton.pack()),
  );
}

/** Creates a link for the coordinator of a team that has none yet. The team comes from a button: it may have one since. */
async function issueCoordinatorInvite(ctx: BaseContext, teamId: number): Promise<void> {
  const team = await findTeam(ctx.deps.db, teamId);
  if (!team) {
    await ctx.reply(ctx.t("teams-not-found"));
    return showTeamChoices(ctx, 0);
  }
  const name = escapeHtml(teamName(ctx, team));
  if (team.coordinator_id !== null) {
    await ctx.reply(ctx.t("staff-invite-already-linked", { name }), { reply_markup: menuButton(ctx.t) });
    return;
  }
  const invite = await createInvite(ctx.deps.db, { target: { kind: "coordinator", teamId }, createdBy: ctx.from!.id }, ctx.deps.clock.now());
  ctx.log.info({ team_id: teamId }, "coordinator invite created");
  await ctx.reply(ctx.t("staff-invite-coordinator-created", { name, ...linkVars(ctx, "coordinator", invite, ctx.language) }), {
    link_preview_options: { is_disabled: true },
    reply_markup: menuButton(ctx.t),
  });
}

/** The centers, a page at a time, to choose whose administrator to invite. */
async function showCenterAdminChoices(ctx: BaseContext, page: number): Promise<void> {
  const language = ctx.language;
  const buttons = (await listCenters(ctx.deps.db)).map((c) => ({
    text: language === "kk" ? c.name_kk : c.name_ru,
    data: inviteCenterAdmin.pack({ center: c.id }),
  }));
  await showScreen(
    ctx,
    ctx.t("staff-invite-choose-center-admin"),
    paged(ctx, buttons, page, PAGE_SIZE, (p) => inviteCenterAdminPage.pack({ page: p })).text(ctx.t("button-back"), inviteKinds.pack()),
  );
}

/** Creates a link that makes whoever opens it an administrator of the center. The center comes from a button. */
async function issueCenterAdminInvite(ctx: BaseContext, centerId: string): Promise<void> {
  const center = await findCenter(ctx.deps.db, centerId);
  if (!center) return showCenterAdminChoices(ctx, 0);
  const invite = await createInvite(ctx.deps.db, { target: { kind: "center-admin", centerId }, createdBy: ctx.from!.id }, ctx.deps.clock.now());
  ctx.log.info({ center_id: centerId }, "center administrator invite created");
  await ctx.reply(
    ctx.t("staff-invite-center-admin-created", {
      center: escapeHtml(ctx.language === "kk" ? center.name_kk : center.name_ru),
      ...linkVars(ctx, "center-admin", invite, ctx.language),
    }),
    { link_preview_options: { is_disabled: true }, reply_markup: new InlineKeyboard().text(ctx.t("button-back"), adminHome.pack()) },
  );
}

/** The link of a new invite and until when it works, as the administrator's message shows them. */
export function linkVars(ctx: BaseContext, kind: InviteKind, invite: CreatedInvite, language: Language): { link: string; until: string } {
  const expires = new Date(invite.expiresAt);
  return {
    link: startLink(ctx.me.username, inviteStartPayload(kind, invite.token)),
    until: `${formatDay(localDateOf(expires), language)}, ${localTimeOf(expires)}`,
  };
}

/**
 * `/start staff_<token>`, `host_<token>`, `coord_<token>` or `partner_<token>`: a specialist, a
 * tea-talk host, a team's coordinator or a card partner's staff opens their invite. Mounted before
 * the ordinary /start, which gets every other payload. No sign-up is needed: these sides work on
 * the link alone.
 */
export const staffStartFeature = new Handlers<AppContext>().chatType("private");

staffStartFeature.command("start", async (ctx, next) => {
  const invite = inviteOfStartPayload(ctx.match.trim());
  if (!invite) return next();
  const now = ctx.deps.clock.now();
  const result =
    invite.token === null
      ? ({ kind: "unknown" } as const)
      : await redeemInvite(ctx.deps.db, { kind: invite.kind, token: invite.token }, ctx.from.id, now);
  if (result.kind !== "linked") {
    ctx.log.info({ kind: invite.kind, reason: result.kind }, "invite refused");
    await ctx.reply(ctx.t(`staff-invite-${result.kind}`));
    return;
  }
  // A row with only the language, so that notices to this account come in the language they use here.
  await ensureUser(ctx.deps.db, ctx.from.id, ctx.language, now);
  const roles = await staffRolesOf(ctx.deps, ctx.from.id);
  await refreshCommandMenu(ctx, roles);
  const { target } = result;
  if (target.kind === "partner") {
    ctx.log.info({ partner_id: target.partnerId }, "partner account linked");
    return greetPartner(ctx, target.partnerId, result.alreadyYours);
  }
  if (target.kind === "host") {
    ctx.log.info({ center_id: target.centerId }, "host account linked");
    return greetHost(ctx, target, result.alreadyYours);
  }
  if (target.kind === "coordinator") {
    ctx.log.info({ team_id: target.teamId }, "coordinator account linked");
    return greetCoordinator(ctx, target.teamId, result.alreadyYours);
  }
  if (target.kind === "center-admin") {
    ctx.log.info({ center_id: target.centerId }, "center administrator linked");
    return greetCenterAdmin(ctx, target.centerId, result.alreadyYours);
  }
  ctx.log.info({ specialist_id: target.specialistId }, "staff account linked");
  const member = roles.member ?? (await findStaffMember(ctx.deps.db, ctx.from.id))!;
  const language = ctx.language;
  await ctx.reply(
    ctx.t(result.alreadyYours ? "staff-linked-already" : "staff-linked", {
      name: escapeHtml(member.display_name),
      service: ctx.t(`service-${member.service}`),
      center: centerName(member, language),
    }),
  );
  await showStaffMenu(ctx, member);
});

/** A center's administrator whose link worked is told which center is theirs, and sees /admin. */
async function greetCenterAdmin(ctx: BaseContext, centerId: string, alreadyYours: boolean): Promise<void> {
  const center = (await findCenter(ctx.deps.db, centerId))!;
  const name = escapeHtml(ctx.language === "kk" ? center.name_kk : center.name_ru);
  await ctx.reply(ctx.t(alreadyYours ? "staff-center-admin-linked-already" : "staff-center-admin-linked", { center: name }));
  const centerIds = await centersAdministeredBy(ctx.deps.db, ctx.from!.id);
  await showAdminHome(ctx, { kind: "centers", centerIds });
}

/** A coordinator whose link worked is told which team is theirs, and sees its requests and members. */
async function greetCoordinator(ctx: BaseContext, teamId: number, alreadyYours: boolean): Promise<void> {
  const team = (await findTeam(ctx.deps.db, teamId))!;
  await ctx.reply(ctx.t(alreadyYours ? "staff-coordinator-linked-already" : "staff-coordinator-linked", { name: escapeHtml(teamName(ctx, team)) }));
  await showManage(ctx, team);
}

/** A host whose link worked is told what they host and where, with today's sessions one tap away. */
async function greetHost(ctx: BaseContext, host: NamedHost, alreadyYours: boolean): Promise<void> {
  const center = (await findCenter(ctx.deps.db, host.centerId))!;
  const language = ctx.language;
  await ctx.reply(
    ctx.t(alreadyYours ? "staff-host-linked-already" : "staff-host-linked", {
      name: escapeHtml(host.hostName),
      center: escapeHtml(language === "kk" ? center.name_kk : center.name_ru),
    }),
    { reply_markup: new InlineKeyboard().text(ctx.t("teatalk-host-button-today"), teatalkHostDay.pack()) },
  );
}
