import { InlineKeyboard } from "grammy";
import { countSegment, createBroadcast, recordProgressMessage, type BroadcastDraft } from "../../../db/broadcasts.js";
import { listCenters } from "../../../db/catalog.js";
import { listUpcomingEvents } from "../../../db/events.js";
import { listTeams } from "../../../db/teams.js";
import {
  AGE_BAND_KEYS,
  broadcastTextMax,
  estimateMinutes,
  parseBroadcastText,
  SEGMENT_KINDS,
  sendingSeconds,
  type Segment,
  type SegmentKind,
} from "../../../domain/broadcasts.js";
import { cardPayload, startLink } from "../../../domain/deep-links.js";
import { DISTRICTS } from "../../../domain/districts.js";
import { EVENT_CATEGORIES } from "../../../domain/events.js";
import { LANGUAGES, type Language } from "../../../domain/language.js";
import { addMinutes } from "../../../domain/time-math.js";
import { TELEGRAM_SEND_LIMITS } from "../../../scheduler/rate-limiter.js";
import type { AppConversation, AppDeps, BaseContext } from "../../context.js";
import { askChoice, askText, startRow } from "../../shared/ask.js";
import { defineStep } from "../../shared/callback-data.js";
import { dayAndTime, escapeHtml } from "../../shared/format.js";
import { districtKeyboard, gridKeyboard, languageKeyboard } from "../../shared/keyboards.js";
import { adminScopeOf, mayManageCenter, type AdminScope } from "../admin/access.js";
import { broadcastMessage, type BroadcastContent } from "./message.js";
import { renderProgress } from "./progress.js";

export const BROADCAST_NEW = "broadcast-new";

/** Events offered for a broadcast's button: the soonest this many, within this many days. */
const EVENTS_OFFERED = 10;
const EVENTS_AHEAD_DAYS = 60;

const photoStep = defineStep("bcn-photo");
const textStep = defineStep("bcn-text");
const kindStep = defineStep("bcn-kind");
const targetStep = defineStep("bcn-target");
const buttonStep = defineStep("bcn-button");
const linkStep = defineStep("bcn-link");
const confirmStep = defineStep("bcn-confirm");

type Choice = { id: string; label: string };

/** Centers, teams or events to choose from, one to a row, and a last button if given. */
function choices(step: typeof targetStep, items: Choice[], last?: { label: string; choice: string }): InlineKeyboard {
  const kb = gridKeyboard(items.map((i) => InlineKeyboard.text(i.label, step.data(i.id))), 1);
  return last ? startRow(kb).text(last.label, step.data(last.choice)) : kb;
}

/** The centers whose people this scope may write to, as choices by id. */
async function centerChoices(deps: AppDeps, scope: AdminScope, language: Language): Promise<Choice[]> {
  return (await listCenters(deps.db))
    .filter((c) => mayManageCenter(scope, c.id))
    .map((c) => ({ id: c.id, label: language === "kk" ? c.name_kk : c.name_ru }));
}

/** The segment, asked in one or two steps; a center administrator chooses among their centers only. */
async function askSegment(conversation: AppConversation, ctx: BaseContext, deps: AppDeps, scope: AdminScope): Promise<{ segment: Segment; ctx: BaseContext }> {
  const centers = await conversation.external(() => centerChoices(deps, scope, ctx.language));
  let kind: SegmentKind = "center";
  if (scope.kind === "city") {
    const answer = await askChoice(conversation, ctx, kindStep, SEGMENT_KINDS, (c) => ({
      text: c.t("broadcast-ask-segment"),
      markup: gridKeyboard(SEGMENT_KINDS.map((k) => InlineKeyboard.text(c.t(`broadcast-segment-${k}`), kindStep.data(k))), 2),
    }));
    ctx = answer.ctx;
    kind = answer.choice;
  }
  switch (kind) {
    case "everyone":
    case "neet":
    case "teatalk":
      return { segment: { kind }, ctx };
    case "district": {
      const a = await askChoice(conversation, ctx, targetStep, DISTRICTS, (c) => ({
        text: c.t("broadcast-ask-district"),
        markup: districtKeyboard(c.t, (d) => targetStep.data(d)),
      }));
      return { segment: { kind, district: a.choice }, ctx: a.ctx };
    }
    case "language": {
      const a = await askChoice(conversation, ctx, targetStep, LANGUAGES, (c) => ({
        text: c.t("broadcast-ask-language"),
        markup: languageKeyboard(c.t, (l) => targetStep.data(l)),
      }));
      return { segment: { kind, language: a.choice }, ctx: a.ctx };
    }
    case "age": {
      const a = await askChoice(conversation, ctx, targetStep, AGE_BAND_KEYS, (c) => ({
        text: c.t("broadcast-ask-age"),
        markup: gridKeyboard(AGE_BAND_KEYS.map((b) => InlineKeyboard.text(c.t("broadcast-age-band", { band: b }), targetStep.data(b))), 2),
      }));
      return { segment: { kind, band: a.choice }, ctx: a.ctx };
    }
    case "center": {
      const a = await askChoice(conversation, ctx, targetStep, centers.map((c) => c.id), (c) => ({
        text: c.t("broadcast-ask-segment-center"),
        markup: choices(targetStep, centers),
      }));
      return { segment: { kind, centerId: a.choice }, ctx: a.ctx };
    }
    case "team": {
      const teams = await conversation.external(async () =>
        (await listTeams(deps.db)).map((team) => ({ id: String(team.id), label: ctx.language === "kk" ? team.name_kk : team.name_ru })),
      );
      const a = await askChoice(conversation, ctx, targetStep, teams.map((team) => team.id), (c) => ({
        text: c.t(teams.length > 0 ? "broadcast-ask-team" : "broadcast-no-teams"),
        markup: choices(targetStep, teams),
      }));
      return { segment: { kind, teamId: Number(a.choice) }, ctx: a.ctx };
    }
  }
}

/** The optional button under the message: to an upcoming event or to a center, by its deep link. */
async function askButton(
  conversation: AppConversation,
  ctx: BaseContext,
  deps: AppDeps,
  scope: AdminScope,
): Promise<{ button: BroadcastDraft["button"]; ctx: BaseContext }> {
  const kind = await askChoice(conversation, ctx, buttonStep, ["none", "event", "center"] as const, (c) => ({
    text: c.t("broadcast-ask-button"),
    markup: new InlineKeyboard()
      .text(c.t("broadcast-button-to-event"), buttonStep.data("event"))
      .text(c.t("broadcast-button-to-center"), buttonStep.data("center"))
      .row()
      .text(c.t("broadcast-button-none"), buttonStep.data("none")),
  }));
  ctx = kind.ctx;
  if (kind.choice === "none") return { button: null, ctx };
  const to = kind.choice;
  const language = ctx.language;
  const items =
    to === "center"
      ? await conversation.external(() => centerChoices(deps, scope, language))
      : await conversation.external(async () => {
          const now = deps.clock.now();
          const events = await listUpcomingEvents(deps.db, { categories: EVENT_CATEGORIES, from: now, to: addMinutes(now, EVENTS_AHEAD_DAYS * 24 * 60) });
          return events
            .filter((e) => scope.kind === "city" || (e.center_id !== null && mayManageCenter(scope, e.center_id)))
            .slice(0, EVENTS_OFFERED)
            .map((e) => {
              const { day, time } = dayAndTime(e.starts_at, language);
              return { id: String(e.id), label: `${language === "kk" ? e.title_kk : e.title_ru} · ${day} ${time}` };
            });
        });
  const target = await askChoice(conversation, ctx, linkStep, [...items.map((i) => i.id), "none"], (c) => ({
    text: c.t(items.length > 0 ? `broadcast-ask-link-${to}` : `broadcast-no-${to}s`),
    markup: choices(linkStep, items, { label: c.t("broadcast-button-none"), choice: "none" }),
  }));
  if (target.choice === "none") return { button: null, ctx: target.ctx };
  return { button: { kind: to, url: startLink(ctx.me.username, cardPayload(to, target.choice)) }, ctx: target.ctx };
}

/** The broadcast's text in one language; "" when skipped (allowed unless the other one was skipped too). */
function askBroadcastText(conversation: AppConversation, ctx: BaseContext, language: Language, max: number, skippable: boolean) {
  return askText(conversation, ctx, {
    prompt: (c) => ({
      text: c.t(`broadcast-ask-text-${language}`, { max }),
      markup: skippable ? new InlineKeyboard().text(c.t("button-skip"), textStep.data("skip")) : undefined,
    }),
    parse: (text) => parseBroadcastText(text),
    invalid: (c) => c.t("broadcast-text-empty"),
    buttons: textStep,
    onButton: (choice) => (skippable && choice === "skip" ? "" : null),
    maxLength: max,
  });
}

/** Who the segment is, in words, for the summary. */
async function describeSegment(conversation: AppConversation, ctx: BaseContext, deps: AppDeps, segment: Segment): Promise<string> {
  switch (segment.kind) {
    case "district":
      return ctx.t("broadcast-segment-district-of", { district: ctx.t(`district-${segment.district}`) });
    case "language":
      return ctx.t("broadcast-segment-language-of", { language: ctx.t(`language-${segment.language}`) });
    case "age":
      return ctx.t("broadcast-segment-age-of", { band: segment.band });
    case "center": {
      const centers = await conversation.external(() => centerChoices(deps, { kind: "city" }, ctx.language));
      return ctx.t("broadcast-segment-center-of", { center: escapeHtml(centers.find((c) => c.id === segment.centerId)?.label ?? segment.centerId) });
    }
    case "team": {
      const teams = await conversation.external(() => listTeams(deps.db));
      const team = teams.find((t) => t.id === segment.teamId);
      return ctx.t("broadcast-segment-team-of", { team: escapeHtml(team ? (ctx.language === "kk" ? team.name_kk : team.name_ru) : String(segment.teamId)) });
    }
    default:
      return ctx.t(`broadcast-segment-${segment.kind}-about`);
  }
}

/** The message exactly as its recipients get it, once per language given. */
async function sendPreview(ctx: BaseContext, content: BroadcastContent): Promise<void> {
  const languages = LANGUAGES.filter((l) => content[`text_${l}`] !== null);
  for (const language of languages) {
    const t = (key: string, vars?: Record<string, string | number>) => ctx.i18n.fluent.translate(language, key, vars);
    const message = broadcastMessage(content, language, t);
    if ("photo" in message) await ctx.replyWithPhoto(message.photo.fileId, { caption: message.photo.caption, reply_markup: message.photo.reply_markup });
    else if ("text" in message) await ctx.reply(message.text, { reply_markup: message.reply_markup, link_preview_options: { is_disabled: true } });
  }
}

/**
 * A new broadcast: the photo (or none), the text in Kazakh and in Russian (either may be left
 * out), the button (or none), the segment; then how many it reaches and how long it takes, the
 * preview, and the confirmation. Confirmed, it goes out through the outbox and its sender gets
 * the progress message. /cancel leaves it at any step.
 */
export function newBroadcastConversation(deps: AppDeps) {
  return async function broadcastNew(conversation: AppConversation, ctx: BaseContext): Promise<void> {
    const scope = await conversation.external(() => adminScopeOf(ctx));
    if (!scope) return;

    const photo = await askText(conversation, ctx, {
      prompt: (c) => ({ text: c.t("broadcast-ask-photo"), markup: new InlineKeyboard().text(c.t("button-skip"), photoStep.data("skip")) }),
      parse: () => null,
      invalid: (c) => c.t("broadcast-photo-invalid"),
      buttons: photoStep,
      onButton: (choice) => (choice === "skip" ? "" : null),
      other: (c) => c.message?.photo?.at(-1)?.file_id ?? null,
    });
    ctx = photo.ctx;
    const max = broadcastTextMax(photo.value !== "");
    const kk = await askBroadcastText(conversation, ctx, "kk", max, true);
    ctx = kk.ctx;
    const ru = await askBroadcastText(conversation, ctx, "ru", max, kk.value !== "");
    ctx = ru.ctx;
    const button = await askButton(conversation, ctx, deps, scope);
    ctx = button.ctx;
    const segment = await askSegment(conversation, ctx, deps, scope);
    ctx = segment.ctx;

    const draft: BroadcastDraft = {
      segment: segment.segment,
      textKk: kk.value || null,
      textRu: ru.value || null,
      photoFileId: photo.value || null,
      button: button.button,
    };
    const { count, seconds } = await conversation.external(async () => {
      const count = await countSegment(deps.db, draft.segment);
      return { count, seconds: sendingSeconds(count, TELEGRAM_SEND_LIMITS.perSecond, deps.clock.now()) };
    });
    const who = await describeSegment(conversation, ctx, deps, draft.segment);
    if (count === 0) {
      await ctx.reply(ctx.t("broadcast-nobody", { segment: who }));
      return;
    }
    await ctx.reply(ctx.t("broadcast-summary", { segment: who, count, minutes: estimateMinutes(seconds), rate: TELEGRAM_SEND_LIMITS.perSecond }));
    const content: BroadcastContent = {
      text_kk: draft.textKk,
      text_ru: draft.textRu,
      photo_file_id: draft.photoFileId,
      button_kind: draft.button?.kind ?? null,
      button_url: draft.button?.url ?? null,
    };
    await sendPreview(ctx, content);
    const confirm = await askChoice(conversation, ctx, confirmStep, ["send", "cancel"] as const, (c) => ({
      text: c.t("broadcast-ask-confirm", { count }),
      markup: new InlineKeyboard().text(c.t("broadcast-button-send"), confirmStep.data("send")).text(c.t("button-cancel"), confirmStep.data("cancel")),
    }));
    ctx = confirm.ctx;
    if (confirm.choice === "cancel") {
      await ctx.reply(ctx.t("broadcast-dropped"));
      return;
    }

    const sender = { id: ctx.from!.id, language: ctx.language };
    const created = await conversation.external(async () => {
      // Checked again: the role may have been revoked while the broadcast was being composed.
      const scopeNow = await adminScopeOf(ctx);
      const centerId = draft.segment.kind === "center" ? draft.segment.centerId : null;
      if (!scopeNow || (scopeNow.kind !== "city" && (centerId === null || !mayManageCenter(scopeNow, centerId)))) return null;
      const now = deps.clock.now();
      return { broadcast: await createBroadcast(deps.db, { ...sender, centerId }, draft, now), at: now.toISOString() };
    });
    if (!created) {
      await ctx.reply(ctx.t("staff-not-allowed"));
      return;
    }
    const { broadcast } = created;
    ctx.log.info({ broadcast_id: broadcast.id, recipients: broadcast.total }, "broadcast confirmed");
    const progress = renderProgress({ broadcast, remaining: broadcast.total, t: ctx.t.bind(ctx), now: new Date(created.at) });
    const sent = await ctx.reply(progress.text, { reply_markup: progress.reply_markup });
    await conversation.external(() =>
      recordProgressMessage(deps.db, broadcast.id, { chatId: sent.chat.id, messageId: sent.message_id, text: progress.text }, deps.clock.now()),
    );
  };
}
