import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDay } from "../../src/domain/time.js";
import { PERSONAS } from "../../src/sandbox/personas.js";
import type { BotProcess } from "./bot-process.js";
import { findBrowser, ru, SIDEWAYS_OVERFLOW, signUpByButtons, startSandbox, STEP_MS, UNSEEN_BELOW } from "./sandbox-page.js";

/** Debian's firefox-esr (or the browser named by FIREFOX_PATH), driven through WebDriver BiDi. */
const browserPath = findBrowser("FIREFOX_PATH", ["/usr/bin/firefox-esr", "/usr/bin/firefox"], "firefox-esr");

/** A Monday morning in Almaty. */
const MONDAY = "2026-12-07";
const russian = PERSONAS.find((p) => p.role === "youth" && p.user.language_code === "ru")!.user;
/** A phone held upright. */
const PHONE = { width: 390, height: 844 };

describe.skipIf(!browserPath)("npm run sandbox in Firefox on a phone", () => {
  let sandbox: BotProcess;
  let browser: Browser;
  let url = "";

  beforeAll(async () => {
    ({ sandbox, url } = await startSandbox(`${MONDAY}T09:00`));
    browser = await puppeteer.launch({ browser: "firefox", executablePath: browserPath, headless: true, defaultViewport: PHONE });
  });

  afterAll(async () => {
    await browser?.close();
    if (sandbox && !sandbox.hasExited) expect(await sandbox.stop(), sandbox.output()).toBe(0);
  });

  /** The newest button with exactly this label, inline or on the reply keyboard, once it is shown. */
  const button = (page: Page, label: string) => page.waitForFunction(newestButton(label), { timeout: STEP_MS });
  const tap = async (page: Page, label: string) => (await button(page, label)).asElement()!.click();
  const type = async (page: Page, text: string) => {
    await page.type("#composer input", text);
    await page.click("#composer button");
  };
  const botSays = (page: Page, text: string) =>
    page.waitForFunction(
      `[...document.querySelectorAll("#chat .msg.bot")].some((m) => m.textContent.includes(${JSON.stringify(text)}))`,
      { timeout: STEP_MS },
    );
  /** The message an inline button belongs to: its id, and what its corner says (its time, and whether it was edited). */
  const messageOf = async (page: Page, label: string) => {
    await button(page, label);
    return (await page.evaluate(
      `(m => ({ id: m.dataset.messageId, meta: m.querySelector(".meta").textContent }))(${newestButton(label)}.closest(".inline-keyboard").previousElementSibling)`,
    )) as { id: string; meta: string };
  };

  it("signs up in Russian by buttons and the age, opens the events in place, and nothing sticks out sideways", async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(STEP_MS);
    // Whatever the page's script cannot do in Firefox shows here.
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(String(error)));
    page.on("console", (message) => void (message.type() === "error" && problems.push(message.text())));
    await page.goto(url);
    await page.waitForSelector("body[data-ready=true]");
    await page.click("[data-language=ru]");
    await page.click(`[data-person="${russian.id}"]`);
    await page.waitForSelector(`[data-person="${russian.id}"][aria-selected=true]`);
    // The clock shows Almaty's time, in the page's language.
    await page.waitForFunction(`document.querySelector("#clock").textContent.startsWith(${JSON.stringify(`${formatDay(MONDAY, "ru")} 09:0`)})`);

    await signUpByButtons({ tap, type, botSays }, page, { first_name: russian.first_name, language: "ru", age: 20, district: "almaly" });
    await botSays(page, ru("menu-title"));

    const menu = await messageOf(page, ru("menu-events"));
    const botMessages = await page.$$eval("#chat .msg.bot", (all) => all.length);
    await tap(page, ru("menu-events"));
    await botSays(page, ru("events-list-hint"));
    // The menu's own message now shows the events, marked as edited; no message was added.
    const events = await messageOf(page, ru("events-button-my"));
    expect(events.id).toBe(menu.id);
    expect(events.meta).toContain(ru("sandbox-edited"));
    expect(await page.$$eval("#chat .msg.bot", (all) => all.length)).toBe(botMessages);
    // The chat still shows its end, the events' keyboard with it, as a client does.
    expect(await page.evaluate(UNSEEN_BELOW)).toBeLessThan(2);

    expect(await page.evaluate("[innerWidth, innerHeight]")).toEqual([PHONE.width, PHONE.height]);
    expect(await page.evaluate(SIDEWAYS_OVERFLOW)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  }, 30_000);
});

/** A page expression: the newest button with exactly this label, inline or on the reply keyboard. */
function newestButton(label: string): string {
  return `[...document.querySelectorAll("#chat .inline-keyboard button, #keyboard button")].filter((b) => b.textContent === ${JSON.stringify(label)}).at(-1)`;
}
