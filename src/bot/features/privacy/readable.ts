import type { BookingDetails } from "../../../db/bookings.js";
import type { SignupView } from "../../../db/events.js";
import type { MembershipView } from "../../../db/teams.js";
import type { PersonalData } from "../../../db/user-data.js";
import type { Language } from "../../../domain/language.js";
import { deckItem } from "../../../domain/practice/items.js";
import { ADULT_AGE } from "../../../domain/profile.js";
import { isLearned } from "../../../domain/practice/srs.js";
import { localTimeOf } from "../../../domain/time.js";
import { dateWithYearOf, type Translate } from "../../shared/format.js";

/** "23.11.2026, 09:00" in Almaty time. */
function dateTimeOf(instant: string | Date): string {
  return `${dateWithYearOf(instant)}, ${localTimeOf(new Date(instant))}`;
}

/** "24.11.2026, 18:30–20:00". */
function periodOf(startsAt: string, endsAt: string): string {
  return `${dateTimeOf(startsAt)}–${localTimeOf(new Date(endsAt))}`;
}

function section(t: Translate, title: string, lines: string[]): string {
  return [t(title), ...(lines.length > 0 ? lines : [t("mydata-none")])].join("\n");
}

function bookingLines(t: Translate, lang: Language, b: BookingDetails): string[] {
  const lines = [
    t("mydata-booking", {
      when: periodOf(b.starts_at, b.ends_at),
      service: t(`service-${b.service}`),
      center: lang === "kk" ? b.name_kk : b.name_ru,
      mode: t(`consult-mode-${b.mode}`),
      status: t(`bookings-status-${b.status}`),
    }),
  ];
  if (b.topic) lines.push("  " + t("mydata-booking-topic", { topic: b.topic }));
  if (b.feedback_score !== null) lines.push("  " + t("mydata-booking-score", { score: b.feedback_score }));
  if (b.feedback_comment) lines.push("  " + t("mydata-booking-comment", { comment: b.feedback_comment }));
  return lines;
}

function signupLine(t: Translate, lang: Language, { signup, event }: SignupView): string {
  return t("mydata-signup", {
    when: periodOf(event.starts_at, event.ends_at),
    center: lang === "kk" ? event.place_kk : event.place_ru,
    kind: event.level ? t(`teatalk-level-${event.level}`) : t(`event-category-${event.category}`),
    topic: lang === "kk" ? event.title_kk : event.title_ru,
    status: t(`mydata-signup-status-${signup.status}`),
  });
}

function teamLines(t: Translate, lang: Language, m: MembershipView): string[] {
  const line = t("mydata-team", {
    team: lang === "kk" ? m.team_name_kk : m.team_name_ru,
    status: t(`mydata-team-status-${m.status}`),
    when: dateWithYearOf(m.created_at),
  });
  return m.message ? [line, "  " + t("mydata-team-message", { message: m.message })] : [line];
}

function practiceLines(t: Translate, practice: PersonalData["practice"], newPerDay: number): string[] {
  const { settings, cards, answers } = practice;
  const lines: string[] = [];
  if (settings) {
    lines.push(
      t("mydata-practice-settings", {
        level: t(`practice-level-${settings.level}`),
        pace: newPerDay,
        placement: t(settings.placement_done ? "mydata-placement-done" : "mydata-placement-skipped"),
      }),
    );
  }
  if (answers.count > 0) lines.push(t("mydata-practice-answers", { count: answers.count, last: dateTimeOf(answers.last!) }));
  const words = cards.flatMap(({ itemId, card }) => {
    const item = deckItem(itemId);
    if (!item) return [];
    const key = isLearned(card) ? "mydata-practice-word-learned" : "mydata-practice-word";
    return [t(key, { kk: item.kk, ru: item.ru, next: dateWithYearOf(card.due) })];
  });
  if (words.length > 0) lines.push(t("mydata-practice-words"), ...words);
  return lines;
}

function cardLines(t: Translate, data: PersonalData["card"]): string[] {
  if (!data) return [];
  const { card, checks } = data;
  const lines = [
    t("mydata-card", { number: card.number, issue: card.issue, issued: dateWithYearOf(card.issued_at), until: dateWithYearOf(card.expires_at) }),
  ];
  if (card.revoked_at) lines.push(t("mydata-card-revoked", { date: dateWithYearOf(card.revoked_at) }));
  for (const check of checks) {
    const result = t(check.result === "valid" ? "mydata-card-check-valid" : "mydata-card-check-invalid");
    lines.push(t("mydata-card-check", { when: dateTimeOf(check.checked_at), partner: check.partner, result }));
  }
  return lines;
}

/**
 * Everything stored about a person as plain text in their language: labels from the locales,
 * dates in Almaty time, names of districts, centers and services instead of codes, and nothing
 * of how the bot keeps its own books (message queue, scheduling, memory-model figures).
 */
export function readableExport(t: Translate, lang: Language, data: PersonalData, newPerDay: number, now: Date): string {
  const { user } = data;
  const unset = t("profile-not-set");
  const optional = (value: string | number | null, show: (v: string | number) => string = String) =>
    value === null ? unset : show(value);
  const profile = t("mydata-profile", {
    id: user.id,
    name: optional(user.name),
    age: optional(user.age),
    guardian: user.guardian_consent ? t("mydata-guardian-given") : user.age !== null && user.age >= ADULT_AGE ? t("mydata-guardian-not-needed") : unset,
    district: optional(user.district, (d) => t(`district-${d}`)),
    phone: optional(user.phone),
    occupation: optional(user.occupation, (o) => t(`occupation-${o}`)),
    language: t(`language-${user.language}`),
    notifications: t(user.notifications ? "profile-notifications-on" : "profile-notifications-off"),
    nudge: optional(user.practice_nudge_time),
    consent: user.consent_at ? t("mydata-consent", { when: dateTimeOf(user.consent_at), version: user.consent_version ?? unset }) : unset,
    registered: optional(user.registered_at, (at) => dateTimeOf(String(at))),
    created: dateTimeOf(user.created_at),
  });
  const parts = [
    t("mydata-file-title"),
    t("mydata-file-made", { when: dateTimeOf(now) }),
    profile,
    section(t, "mydata-bookings-title", data.bookings.flatMap((b) => bookingLines(t, lang, b))),
    section(t, "mydata-signups-title", data.signups.map((s) => signupLine(t, lang, s))),
    section(t, "mydata-teams-title", data.teams.flatMap((m) => teamLines(t, lang, m))),
    section(t, "mydata-practice-title", practiceLines(t, data.practice, newPerDay)),
    section(t, "mydata-card-title", cardLines(t, data.card)),
  ];
  return parts.join("\n\n") + "\n";
}
