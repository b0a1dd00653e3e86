/**
 * Deep links printed on posters and QR codes: `t.me/<bot>?start=<kind>_<id>` opens a card. The
 * payload is at most 64 characters of A–Z a–z 0–9 _ - (Telegram's rule).
 */

/** The kinds of card a link can open, each written `<kind>_<id>`. */
export const CARD_KINDS = ["center", "team", "event"] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** A card's deep-link payload, `center_almaly-1`, `team_3` or `event_12`. */
export type CardPayload = `${CardKind}_${string}`;

const START_PAYLOAD_MAX = 64;
const ID_RE = /^[A-Za-z0-9-]{1,40}$/;

export function cardPayload(kind: CardKind, id: string | number): CardPayload {
  return `${kind}_${id}`;
}

/**
 * The card a `start` payload points to: null when the payload is not a card's link at all, an
 * id of null when it is meant as one but malformed (the person is told, as for an unknown card).
 */
export function cardOfPayload(payload: string): { kind: CardKind; id: string | null } | null {
  const kind = CARD_KINDS.find((k) => payload.startsWith(`${k}_`));
  if (kind === undefined) return null;
  const id = payload.slice(kind.length + 1);
  return { kind, id: payload.length <= START_PAYLOAD_MAX && ID_RE.test(id) ? id : null };
}

/**
 * The number of a card whose id is a database row's (a team, an event); null when the id cannot
 * be one, so that `12abc` or `1e3` never open row 12 or 1000.
 */
export function rowIdOf(id: string): number | null {
  return /^[1-9][0-9]{0,11}$/.test(id) ? Number(id) : null;
}

/** The link a poster carries. */
export function startLink(botUsername: string, payload: string): string {
  return `https://t.me/${botUsername}?start=${payload}`;
}
