/**
 * A one-event iCalendar file (RFC 5545) for a consultation, so that people can put it in the
 * calendar they already use. Times are written in UTC ("Z" form): every calendar converts them
 * to its own zone, and no VTIMEZONE block is needed. A later file with the same UID and a higher
 * SEQUENCE replaces the event (a new time) or removes it (METHOD:CANCEL, RFC 5546 §3.2.5).
 */

export interface CalendarEvent {
  /** Globally unique and stable: a booking and the bookings it was moved to share one UID. */
  uid: string;
  /** The event's revision: 0 when first sent, higher with every change. */
  sequence: number;
  /** When the file was made. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  /** Left out when there is no place to name yet. */
  location?: string;
  description?: string;
  /** The file takes the event out of the calendar instead of adding or updating it. */
  cancelled?: boolean;
}

/** The UID of the event a booking started. */
export function bookingEventUid(bookingId: number): string {
  return `booking-${bookingId}@jastar-bot`;
}

const CRLF = "\r\n";
/** RFC 5545 §3.1: lines longer than 75 octets, not counting the line break, are folded. */
const MAX_LINE_OCTETS = 75;

/** The calendar file's text, CRLF line endings included. */
export function calendarFile(event: CalendarEvent): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//jastar-bot//consultations//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${event.cancelled ? "CANCEL" : "PUBLISH"}`,
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `STATUS:${event.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    `DTSTAMP:${utcDateTime(event.stamp)}`,
    `DTSTART:${utcDateTime(event.start)}`,
    `DTEND:${utcDateTime(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as "\n". */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Splits a content line into pieces of at most 75 octets, each continuation starting with one
 * space. Multi-byte characters (all of Kazakh and Russian) are never cut in half.
 */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    // A continuation line's leading space counts towards its 75 octets.
    const limit = pieces.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      pieces.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join(CRLF + " ");
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** "20261123T050000Z": the UTC form of DATE-TIME, whole seconds. */
export function utcDateTime(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}
