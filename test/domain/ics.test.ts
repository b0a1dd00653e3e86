import { describe, expect, it } from "vitest";
import { bookingEventUid, calendarFile, escapeText, foldLine, utcDateTime, type CalendarEvent } from "../../src/domain/ics.js";

const octets = (s: string) => Buffer.byteLength(s, "utf8");
/** RFC 5545 §3.1 unfolding: a CRLF followed by one space disappears. */
const unfold = (s: string) => s.replace(/\r\n /g, "");

describe("calendarFile", () => {
  it("writes one VEVENT with UTC times and CRLF line endings", () => {
    const ics = calendarFile({
      uid: "booking-42@jastar-bot",
      sequence: 0,
      stamp: new Date("2026-11-23T04:00:00.000Z"),
      start: new Date("2026-11-24T05:00:00.000Z"), // 10:00 in Almaty
      end: new Date("2026-11-24T05:50:00.000Z"),
      summary: "Консультация: Психолог",
      location: "ул. Абая, 1",
    });
    expect(ics).toBe(
      [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//jastar-bot//consultations//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        "UID:booking-42@jastar-bot",
        "SEQUENCE:0",
        "STATUS:CONFIRMED",
        "DTSTAMP:20261123T040000Z",
        "DTSTART:20261124T050000Z",
        "DTEND:20261124T055000Z",
        "SUMMARY:Консультация: Психолог",
        "LOCATION:ул. Абая\\, 1",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
      ].join("\r\n"),
    );
    // No bare line feed anywhere: every LF belongs to a CRLF.
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("adds a description only when there is one, escaped", () => {
    const base = {
      uid: "u",
      sequence: 0,
      stamp: new Date("2026-11-23T04:00:00Z"),
      start: new Date("2026-11-24T05:00:00Z"),
      end: new Date("2026-11-24T05:45:00Z"),
      summary: "S",
      location: "Online",
    };
    expect(calendarFile(base)).not.toContain("DESCRIPTION");
    expect(calendarFile({ ...base, description: "Центр 1\nрезюме; вопросы" })).toContain("\r\nDESCRIPTION:Центр 1\\nрезюме\\; вопросы\r\n");
  });

  it("folds long lines so that unfolding gives the original back", () => {
    const location = "Алматы қаласы, Медеу ауданы, Достық даңғылы, 85, жастар орталығы, екінші қабат, 204-бөлме";
    const ics = calendarFile({
      uid: "u",
      sequence: 0,
      stamp: new Date("2026-11-23T04:00:00Z"),
      start: new Date("2026-11-24T05:00:00Z"),
      end: new Date("2026-11-24T05:45:00Z"),
      summary: "S",
      location,
    });
    for (const line of ics.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(unfold(ics)).toContain(
      "\r\nLOCATION:Алматы қаласы\\, Медеу ауданы\\, Достық даңғылы\\, 85\\, жастар орталығы\\, екінші қабат\\, 204-бөлме\r\n",
    );
  });
});

describe("changes to an event", () => {
  const added: CalendarEvent = {
    uid: bookingEventUid(42),
    sequence: 0,
    stamp: new Date("2026-11-23T04:00:00Z"),
    start: new Date("2026-11-24T05:00:00Z"),
    end: new Date("2026-11-24T05:50:00Z"),
    summary: "Консультация: Психолог",
    location: "ул. Абая 1",
  };
  const field = (ics: string, name: string) => ics.split("\r\n").filter((l) => l.startsWith(`${name}:`));

  it("moves the event under the same UID at a higher revision", () => {
    const moved = calendarFile({ ...added, sequence: 1, start: new Date("2026-11-25T05:00:00Z"), end: new Date("2026-11-25T05:50:00Z") });
    expect(field(moved, "METHOD")).toEqual(["METHOD:PUBLISH"]);
    expect(field(moved, "UID")).toEqual(["UID:booking-42@jastar-bot"]);
    expect(field(moved, "SEQUENCE")).toEqual(["SEQUENCE:1"]);
    expect(field(moved, "STATUS")).toEqual(["STATUS:CONFIRMED"]);
    expect(field(moved, "DTSTART")).toEqual(["DTSTART:20261125T050000Z"]);
  });

  it("cancels it with METHOD:CANCEL and STATUS:CANCELLED, same UID, higher revision", () => {
    const cancelled = calendarFile({ ...added, sequence: 2, cancelled: true });
    expect(field(cancelled, "METHOD")).toEqual(["METHOD:CANCEL"]);
    expect(field(cancelled, "UID")).toEqual(["UID:booking-42@jastar-bot"]);
    expect(field(cancelled, "SEQUENCE")).toEqual(["SEQUENCE:2"]);
    expect(field(cancelled, "STATUS")).toEqual(["STATUS:CANCELLED"]);
  });

  it("writes no LOCATION when there is no place to name", () => {
    const { location: _, ...noPlace } = added;
    expect(calendarFile(noPlace)).not.toContain("LOCATION");
    expect(calendarFile({ ...added, location: "" })).not.toContain("LOCATION");
  });
});

describe("escapeText", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", "a\\,b"],
    ["a;b", "a\\;b"],
    ["back\\slash", "back\\\\slash"],
    ["two\nlines", "two\\nlines"],
    ["windows\r\nbreak", "windows\\nbreak"],
  ])("%j → %j", (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe("foldLine", () => {
  it("leaves a line of exactly 75 octets alone", () => {
    const line = "X".repeat(75);
    expect(foldLine(line)).toBe(line);
  });

  it("cuts ASCII at 75 octets, continuations at 74 plus the leading space", () => {
    const line = "A".repeat(75) + "B".repeat(74) + "C".repeat(3);
    expect(foldLine(line)).toBe(`${"A".repeat(75)}\r\n ${"B".repeat(74)}\r\n ${"C".repeat(3)}`);
  });

  it("never cuts a two-byte letter in half", () => {
    // "SUMMARY:" is 8 octets, each Kazakh letter 2: 33 letters fit (74 octets), the 34th would make 76.
    const line = "SUMMARY:" + "ә".repeat(40);
    const [first, second] = foldLine(line).split("\r\n");
    expect(first).toBe("SUMMARY:" + "ә".repeat(33));
    expect(second).toBe(" " + "ә".repeat(7));
  });
});

describe("utcDateTime", () => {
  it("drops separators and milliseconds", () => {
    expect(utcDateTime(new Date("2026-12-06T18:59:59.999Z"))).toBe("20261206T185959Z");
  });
});
