import { describe, expect, it } from "vitest";
import { parseCenterAddress, parseCenterName, parseCoordinates, parseKazakhPhone, readPoint } from "../../src/domain/center-fields.js";

describe("a center's phone", () => {
  it.each([
    ["+7 727 123 45 67", "+7 727 123 45 67"],
    ["87271234567", "+7 727 123 45 67"],
    ["8 (727) 123-45-67", "+7 727 123 45 67"],
    ["+7 (701) 000 11 22", "+7 701 000 11 22"],
  ])("reads %s as %s", (typed, phone) => {
    expect(parseKazakhPhone(typed)).toBe(phone);
  });

  it.each(["12345", "+1 202 555 0100", "+8 727 123 45 67", "727 123 45 67", "call +7 727 123 45 67", "+7 727 123 45 678"])("refuses %s", (typed) => {
    expect(parseKazakhPhone(typed)).toBeNull();
  });
});

describe("a center's map point", () => {
  it.each([
    ["43.2389, 76.8897", { latitude: 43.2389, longitude: 76.8897 }],
    ["43.2389,76.8897", { latitude: 43.2389, longitude: 76.8897 }],
    ["43,2389; 76,8897", { latitude: 43.2389, longitude: 76.8897 }],
    ["  43.2389 76.8897 ", { latitude: 43.2389, longitude: 76.8897 }],
  ])("reads %s", (typed, point) => {
    expect(parseCoordinates(typed)).toEqual({ kind: "point", point });
  });

  it("refuses points outside Almaty, Astana's among them, and what is not coordinates", () => {
    expect(parseCoordinates("51.1282, 71.4306")).toEqual({ kind: "outside" });
    expect(parseCoordinates("76.8897, 43.2389")).toEqual({ kind: "outside" });
    expect(readPoint({ latitude: 43.5, longitude: 76.9 })).toEqual({ kind: "outside" });
    expect(parseCoordinates("Абая 10")).toEqual({ kind: "unreadable" });
    expect(parseCoordinates("43.2389")).toEqual({ kind: "unreadable" });
  });
});

describe("a center's name and address", () => {
  it("tidy the spaces and check the length; an address has a street and a number", () => {
    expect(parseCenterName("  Жастар   орталығы ")).toBe("Жастар орталығы");
    expect(parseCenterName("Аб")).toBeNull();
    expect(parseCenterAddress("Абылай хана, 10")).toBe("Абылай хана, 10");
    expect(parseCenterAddress("Абылай хана")).toBeNull();
    expect(parseCenterAddress("10 20")).toBeNull();
    expect(parseCenterAddress(`ул. ${"а".repeat(200)}, 1`)).toBeNull();
  });
});
