import { describe, expect, it } from "vitest";
import { checkAge, normalizePhone, parseAge, parseName, parsePhone } from "../../src/domain/profile.js";
import { languageFromTelegram } from "../../src/domain/language.js";

describe("age rules", () => {
  it.each([
    [13, "too-young"],
    [14, "minor"],
    [17, "minor"],
    [18, "adult"],
    [35, "adult"],
    [36, "too-old"],
    [100, "too-old"],
    [101, "typo"],
    [150, "typo"],
  ] as const)("%i years is %s", (age, expected) => {
    expect(checkAge(age)).toBe(expected);
  });

  it.each([
    ["17", 17],
    [" 22 ", 22],
    ["19 лет", 19],
    ["20 жас", 20],
    ["25.", 25],
    ["двадцать", null],
    ["2 5", null],
    ["-3", null],
    ["17 или 18", null],
    ["", null],
  ])("reads %j as %j", (text, expected) => {
    expect(parseAge(text)).toBe(expected);
  });
});

describe("names", () => {
  it.each([
    ["Айгерим", "Айгерим"],
    ["  Әсел   Нұрланқызы ", "Әсел Нұрланқызы"],
    ["Anna-Maria", "Anna-Maria"],
    ["O'Neil", "O'Neil"],
    ["А", null],
    ["12345", null],
    ["<b>x</b>", null],
    ["x".repeat(65), null],
    ["😀😀", null],
  ])("reads %j as %j", (text, expected) => {
    expect(parseName(text)).toBe(expected);
  });
});

describe("phones", () => {
  it.each([
    ["+7 701 123 45 67", "+77011234567"],
    ["77011234567", "+77011234567"],
    ["123", null],
  ])("normalizes %j to %j", (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each([
    ["+7 701 123 45 67", "+77011234567"],
    ["+7 (701) 123-45-67", "+77011234567"],
    ["8 701 123 45 67", "+77011234567"],
    ["8(727)2501234", "+77272501234"],
    ["77011234567", "+77011234567"],
    ["701-123-45-67", "+77011234567"],
    [" 7011234567 ", "+77011234567"],
    ["+7 916 123 45 67", null],
    ["8 916 123 45 67", null],
    ["+8 701 123 45 67", null],
    ["+7 701 123 45 6", null],
    ["+7 701 123 45 678", null],
    ["тел. 87011234567", null],
    ["123", null],
    ["", null],
  ])("reads the typed number %j as %j", (text, expected) => {
    expect(parsePhone(text)).toBe(expected);
  });
});

describe("language on first contact", () => {
  it.each([
    ["kk", "kk"],
    ["kk-KZ", "kk"],
    ["ru", "ru"],
    ["en", "ru"],
    [undefined, "ru"],
  ] as const)("%s → %s", (code, expected) => {
    expect(languageFromTelegram(code)).toBe(expected);
  });
});
