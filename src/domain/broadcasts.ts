import { DISTRICTS, type DistrictCode } from "./districts.js";
import { LANGUAGES, type Language } from "./language.js";
import { nextAllowedTime } from "./quiet-hours.js";

/** Telegram's limits on what one message carries: a text, or a photo's caption. */
export const BROADCAST_TEXT_MAX = 4096;
export const BROADCAST_CAPTION_MAX = 1024;

/** Age bands a broadcast can address; together they cover the centers' 14 to 35. */
export const AGE_BANDS = {
  "14-17": { from: 14, to: 17 },
  "18-24": { from: 18, to: 24 },
  "25-29": { from: 25, to: 29 },
  "30-35": { from: 30, to: 35 },
} as const;
export type AgeBand = keyof typeof AGE_BANDS;
export const AGE_BAND_KEYS = Object.keys(AGE_BANDS) as AgeBand[];

/**
 * Who a broadcast is for, among the people who signed up and consented, have not blocked the bot
 * and keep notifications on. "center": people who booked a consultation there or signed up for
 * one of its events or tea-talk sessions. "teatalk": people who signed up for a tea-talk session
 * and did not cancel. "team": a team's members.
 */
export type Segment =
  | { kind: "everyone" }
  | { kind: "district"; district: DistrictCode }
  | { kind: "language"; language: Language }
  | { kind: "age"; band: AgeBand }
  | { kind: "neet" }
  | { kind: "center"; centerId: string }
  | { kind: "teatalk" }
  | { kind: "team"; teamId: number };
export type SegmentKind = Segment["kind"];

export const SEGMENT_KINDS: readonly SegmentKind[] = ["everyone", "district", "language", "age", "neet", "center", "teatalk", "team"];

/** A segment read back from storage, or null when it is not one. */
export function parseSegment(json: string): Segment | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const s = value as Record<string, unknown> | null;
  switch (s?.kind) {
    case "everyone":
    case "neet":
    case "teatalk":
      return { kind: s.kind };
    case "district":
      return DISTRICTS.includes(s.district as DistrictCode) ? { kind: "district", district: s.district as DistrictCode } : null;
    case "language":
      return LANGUAGES.includes(s.language as Language) ? { kind: "language", language: s.language as Language } : null;
    case "age":
      return AGE_BAND_KEYS.includes(s.band as AgeBand) ? { kind: "age", band: s.band as AgeBand } : null;
    case "center":
      return typeof s.centerId === "string" ? { kind: "center", centerId: s.centerId } : null;
    case "team":
      return Number.isInteger(s.teamId) ? { kind: "team", teamId: s.teamId as number } : null;
    default:
      return null;
  }
}

/** A broadcast's text typed by an administrator: trimmed, and null when nothing is left. */
export function parseBroadcastText(text: string): string | null {
  const trimmed = text.trim();
  return trimmed.length > 0 ? trimmed : null;
}

/** The longest text a broadcast takes: a photo's caption is shorter than a message. */
export function broadcastTextMax(withPhoto: boolean): number {
  return withPhoto ? BROADCAST_CAPTION_MAX : BROADCAST_TEXT_MAX;
}

/** The text a recipient gets: theirs where both were given, otherwise the one there is. */
export function broadcastTextFor(language: Language, texts: { kk: string | null; ru: string | null }): string {
  return (language === "kk" ? (texts.kk ?? texts.ru) : (texts.ru ?? texts.kk)) ?? "";
}

/**
 * How long sending `messages` takes at `perSecond`, in seconds, counting the wait for the end
 * of the quiet hours if it starts in them (a broadcast is never urgent).
 */
export function sendingSeconds(messages: number, perSecond: number, now: Date): number {
  const wait = (nextAllowedTime(now).getTime() - now.getTime()) / 1000;
  return Math.ceil(wait + messages / perSecond);
}

/** Whole minutes, rounded up, for a person reading an estimate; at least one. */
export function estimateMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}
