import type { GeoPoint } from "./distance.js";

/**
 * What an administrator may type for a center's card, and how it is checked: names, addresses and
 * hours within lengths a card can show, a Kazakhstan phone number, and a map point inside Almaty.
 */

export const CENTER_NAME_MAX = 100;
export const CENTER_ADDRESS_MAX = 200;
export const CENTER_HOURS_MAX = 200;

/** Single spaces, no space at either end, composed letters: what a card shows as one line. */
function tidy(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

function withinLength(text: string, min: number, max: number): string | null {
  const value = tidy(text);
  return value.length >= min && value.length <= max ? value : null;
}

export function parseCenterName(text: string): string | null {
  return withinLength(text, 3, CENTER_NAME_MAX);
}

/** An address needs at least a street and a number. */
export function parseCenterAddress(text: string): string | null {
  const value = withinLength(text, 5, CENTER_ADDRESS_MAX);
  return value !== null && /\p{L}/u.test(value) && /\d/.test(value) ? value : null;
}

export function parseCenterHours(text: string): string | null {
  return withinLength(text, 3, CENTER_HOURS_MAX);
}

/**
 * A Kazakhstan number (+7 and ten digits, or 8 and ten digits as dialled at home), with any
 * spaces, dashes or brackets, written back as "+7 727 123 45 67".
 */
export function parseKazakhPhone(text: string): string | null {
  if (!/^[\d\s()+-]+$/.test(text.trim())) return null;
  const digits = text.replace(/\D/g, "");
  const national = /^[78](\d{10})$/.exec(digits)?.[1];
  if (national === undefined || (text.trim().startsWith("+") && !digits.startsWith("7"))) return null;
  return `+7 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6, 8)} ${national.slice(8)}`;
}

/** A box around the city with its eight districts, foothills included; anything outside is a typo. */
export const ALMATY_AREA = { south: 43.0, north: 43.45, west: 76.6, east: 77.2 } as const;

export function insideAlmaty(point: GeoPoint): boolean {
  const { south, north, west, east } = ALMATY_AREA;
  return point.latitude >= south && point.latitude <= north && point.longitude >= west && point.longitude <= east;
}

/** Why a map point was not taken. */
export type PointReading = { kind: "point"; point: GeoPoint } | { kind: "unreadable" } | { kind: "outside" };

/**
 * Typed coordinates as map applications copy them, "43.2389, 76.8897" (a comma, a space or a
 * semicolon between them; a decimal comma only with a separator that is not a comma).
 */
export function parseCoordinates(text: string): PointReading {
  const m = /^\s*(-?\d{1,3}(?:[.,]\d+)?)\s*(?:[,;]\s*|\s+)(-?\d{1,3}(?:[.,]\d+)?)\s*$/.exec(text);
  if (!m) return { kind: "unreadable" };
  const point = { latitude: Number(m[1]!.replace(",", ".")), longitude: Number(m[2]!.replace(",", ".")) };
  return readPoint(point);
}

/** A point shared in Telegram or typed: taken only inside the city. */
export function readPoint(point: GeoPoint): PointReading {
  if (!Number.isFinite(point.latitude) || !Number.isFinite(point.longitude)) return { kind: "unreadable" };
  return insideAlmaty(point) ? { kind: "point", point } : { kind: "outside" };
}
