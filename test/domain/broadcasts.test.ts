import { describe, expect, it } from "vitest";
import {
  broadcastTextFor,
  broadcastTextMax,
  estimateMinutes,
  parseBroadcastText,
  parseSegment,
  sendingSeconds,
  type Segment,
} from "../../src/domain/broadcasts.js";

describe("a broadcast's text", () => {
  it("goes to each recipient in their language where both are given, otherwise in the one there is", () => {
    expect(broadcastTextFor("kk", { kk: "Сәлем", ru: "Привет" })).toBe("Сәлем");
    expect(broadcastTextFor("ru", { kk: "Сәлем", ru: "Привет" })).toBe("Привет");
    expect(broadcastTextFor("kk", { kk: null, ru: "Привет" })).toBe("Привет");
    expect(broadcastTextFor("ru", { kk: "Сәлем", ru: null })).toBe("Сәлем");
  });

  it("is trimmed, and nothing but spaces is no text", () => {
    expect(parseBroadcastText("  Сәлем \n")).toBe("Сәлем");
    expect(parseBroadcastText(" \n\t ")).toBeNull();
  });

  it("is as long as a message allows, or a photo's caption", () => {
    expect(broadcastTextMax(false)).toBe(4096);
    expect(broadcastTextMax(true)).toBe(1024);
  });
});

describe("a broadcast's segment as stored", () => {
  const segments: Segment[] = [
    { kind: "everyone" },
    { kind: "district", district: "medeu" },
    { kind: "language", language: "kk" },
    { kind: "age", band: "18-24" },
    { kind: "neet" },
    { kind: "center", centerId: "almaly-1" },
    { kind: "teatalk" },
    { kind: "team", teamId: 3 },
  ];

  it.each(segments)("reads back $kind", (segment) => {
    expect(parseSegment(JSON.stringify(segment))).toEqual(segment);
  });

  it.each(['{"kind":"district","district":"moscow"}', '{"kind":"age","band":"40-50"}', '{"kind":"team","teamId":"3"}', '{"kind":"all"}', "null", "{"])(
    "refuses %s",
    (json) => {
      expect(parseSegment(json)).toBeNull();
    },
  );
});

describe("how long a broadcast takes", () => {
  // 10:00 and 23:00 in Almaty.
  const morning = new Date("2026-12-02T05:00:00Z");
  const night = new Date("2026-12-02T18:00:00Z");

  it("is the messages at the rate in the day", () => {
    expect(sendingSeconds(900, 30, morning)).toBe(30);
    expect(estimateMinutes(sendingSeconds(900, 30, morning))).toBe(1);
    expect(estimateMinutes(sendingSeconds(700_000, 30, morning))).toBe(389);
  });

  it("waits for 09:00 at night", () => {
    expect(sendingSeconds(900, 30, night)).toBe(10 * 3600 + 30);
  });
});
