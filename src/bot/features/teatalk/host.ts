import { InlineKeyboard } from "grammy";
import type { EventView } from "../../../db/events.js";
import { hostEvents, hostsEventsAfter } from "../../../db/organisers.js";
import { eventParticipants, markParticipant } from "../../../db/seats.js";
import type { AttendanceMark } from "../../../domain/attendance.js";
import type { Language } from "../../../domain/language.js";
import { agendaWindow } from "../../../domain/staff.js";
import { attendanceOpen } from "../../../domain/seats.js";
import { formatDay } from "../../../domain/time.js";
import type { AppContext, BaseContext } from "../../context.js";
import { menuOpenButton } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { eventAdmin, hostedEvents } from "../event-admin/buttons.js";
import { eventDetails } from "../events/format.js";
import { personName } from "../staff/format.js";
import { markParticipantButton, teatalkHostDay } from "./buttons.js";
import { sessionDetails } from "./format.js";

/**
 * /host: the tea-talk sessions and events the sender hosts today, each with its participants (first names only) and,
 * once it has started, a pair of buttons per participant still to be marked. Someone who hosts
 * nothing today is told just that, whether they host other days or never. The day is several
 * messages (a title, then a session each), so it always comes as new ones.
 */
export async function showHostDay(ctx: BaseContext): Promise<void> {
  const now = ctx.deps.clock.now();
  const language = ctx.language;
  const today = agendaWindow(now, 1);
  const sessions = await hostEvents(ctx.deps.db, ctx.from!.id, today.from, today.to);
  if (sessions.length === 0) {
    const kb = new InlineKeyboard();
    // Their events on other days can still be changed or called off from here.
    if (await hostsEventsAfter(ctx.deps.db, ctx.from!.id, now)) kb.text(ctx.t("evadm-button-mine"), hostedEvents.pack()).row();
    await showScreen(ctx, ctx.t("teatalk-host-none"), kb.text(ctx.t("button-menu"), menuOpenButton.pack()));
    return;
  }
  await ctx.reply(ctx.t("teatalk-host-title", { day: formatDay(today.dates[0]!, language) }));
  for (const [i, session] of sessions.entries()) await showHostSession(ctx, session, language, now, i === sessions.length - 1);
}

/** What a host's /start opens: their side first, with the way on to the visitor's side. */
export async function showHostStart(ctx: BaseContext): Promise<void> {
  await showScreen(
    ctx,
    ctx.t("teatalk-host-start"),
    new InlineKeyboard()
      .text(ctx.t("teatalk-host-button-today"), teatalkHostDay.pack())
      .row()
      .text(ctx.t("evadm-button-mine"), hostedEvents.pack())
      .row()
      .text(ctx.t("staff-button-visitor"), menuOpenButton.pack()),
  );
}

/** Two marking buttons per participant, and a message carries at most 100 buttons. */
const MARKABLE_AT_ONCE = 40;

/**
 * A session or event of the day with its participants. A large event lists those still to be
 * marked, the first `MARKABLE_AT_ONCE` of them, and counts the rest: each refresh brings the next.
 */
async function showHostSession(ctx: BaseContext, session: EventView, language: Language, now: Date, last: boolean): Promise<void> {
  const everyone = await eventParticipants(ctx.deps.db, session.id);
  const started = attendanceOpen(new Date(session.starts_at), now);
  const details = session.category === "teatalk" ? sessionDetails(ctx.t, language, session) : eventDetails(ctx.t, language, session);
  const lines = [
    details,
    session.capacity === null
      ? ctx.t("teatalk-host-count-open", { count: everyone.length })
      : ctx.t("teatalk-host-count", { count: everyone.length, capacity: session.capacity }),
  ];
  let participants = everyone;
  if (everyone.length > MARKABLE_AT_ONCE) {
    const count = (status: string) => everyone.filter((p) => p.status === status).length;
    lines.push(ctx.t("teatalk-host-many", { attended: count("attended"), noShow: count("no_show"), waiting: count("confirmed"), shown: MARKABLE_AT_ONCE }));
    participants = everyone.filter((p) => p.status === "confirmed").slice(0, MARKABLE_AT_ONCE);
  }
  if (everyone.length === 0) lines.push(ctx.t("teatalk-host-no-participants"));
  participants.forEach((p, i) => {
    lines.push(ctx.t("teatalk-host-participant", { n: i + 1, name: personName(ctx.t, p.name), status: ctx.t(`teatalk-host-status-${p.status}`) }));
  });
  const kb = new InlineKeyboard();
  if (started) {
    participants.forEach((p, i) => {
      if (p.status !== "confirmed") return;
      kb.text(ctx.t("teatalk-host-button-attended", { n: i + 1 }), markParticipantButton.pack({ signup: p.signupId, mark: "attended" }))
        .text(ctx.t("teatalk-host-button-no-show", { n: i + 1 }), markParticipantButton.pack({ signup: p.signupId, mark: "no_show" }))
        .row();
    });
  } else if (everyone.length > 0) lines.push(ctx.t("teatalk-host-before-start"));
  kb.text(ctx.t("teatalk-host-button-refresh"), teatalkHostDay.pack());
  kb.text(ctx.t("evadm-button-manage"), eventAdmin.pack({ event: session.id }));
  if (last) kb.row().text(ctx.t("evadm-button-mine"), hostedEvents.pack()).text(ctx.t("button-menu"), menuOpenButton.pack());
  await ctx.reply(lines.join("\n"), { reply_markup: kb });
}

/**
 * A press on "came" / "did not come". The sign-up in the button is checked against the presser:
 * only the session's host marks, only after the start, only once.
 */
export async function markFromButton(ctx: AppContext, signupId: number, status: AttendanceMark): Promise<void> {
  const result = await markParticipant(ctx.deps.db, { signupId, hostTelegramId: ctx.from!.id, status }, ctx.deps.clock.now());
  if (result.kind !== "marked") {
    ctx.log.info({ signup_id: signupId, reason: result.kind }, "tea-talk attendance mark refused");
    const text =
      result.kind === "already-marked"
        ? ctx.t("teatalk-mark-already", { status: ctx.t(`teatalk-host-status-${result.status}`) })
        : ctx.t(`teatalk-mark-${result.kind}`);
    await ctx.answerCallbackQuery({ text, show_alert: true });
    return;
  }
  ctx.log.info({ signup_id: signupId, status }, "tea-talk attendance marked");
  await ctx.answerCallbackQuery({ text: ctx.t(`teatalk-host-status-${status}`) });
  await ctx.reply(ctx.t(status === "attended" ? "teatalk-marked-attended" : "teatalk-marked-no-show", { name: personName(ctx.t, result.name) }));
}
