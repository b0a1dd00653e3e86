import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { holderLine } from "../../src/bot/features/card/view.js";
import { createI18n } from "../../src/bot/i18n.js";
import { addDays, formatDay } from "../../src/domain/time.js";
import { projectRoot } from "../../src/paths.js";
import { PERSONAS } from "../../src/sandbox/personas.js";
import { PLACES } from "../../src/sandbox/server.js";
import type { BotProcess } from "./bot-process.js";
import { exactly, findBrowser, kk, ru, SIDEWAYS_OVERFLOW, signUpByButtons, startSandbox, STEP_MS, UNSEEN_BELOW } from "./sandbox-page.js";

/**
 * A Monday morning in Almaty before the demo specialists' first hour: tomorrow's first slot is
 * then less than a day away, and a day later it is still ahead, so both reminders are due.
 */
const MONDAY = "2026-12-07";
const START = `${MONDAY}T09:00`;

const i18n = createI18n();

/** Debian's chromium (or the browser named by CHROMIUM_PATH). */
const browserPath = findBrowser("CHROMIUM_PATH", ["/usr/bin/chromium", "/usr/bin/chromium-browser"], "chromium");

const kazakh = PERSONAS.find((p) => p.role === "youth" && p.user.language_code === "kk")!.user;
const specialist = PERSONAS.find((p) => p.role === "specialist")!.user;
const admin = PERSONAS.find((p) => p.role === "admin")!.user;
const russian = PERSONAS.find((p) => p.role === "youth" && p.user.language_code === "ru")!.user;
const partner = PERSONAS.find((p) => p.role === "partner")!.user;
const coordinator = PERSONAS.find((p) => p.role === "coordinator")!.user;
/** The age the Russian-speaking young person signs up with. */
const RUSSIAN_AGE = 20;

describe.skipIf(!browserPath)("npm run sandbox in a browser", () => {
  let sandbox: BotProcess;
  let browser: Browser;
  let url = "";
  let shots = "";

  beforeAll(async () => {
    ({ sandbox, url } = await startSandbox(START));
    browser = await chromium.launch({
      executablePath: browserPath,
      // Root (as in CI) cannot use chromium's own sandbox.
      args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
    });
    shots = mkdtempSync(join(tmpdir(), "jastar-sandbox-shots-"));
  });

  afterAll(async () => {
    await browser?.close();
    if (sandbox && !sandbox.hasExited) expect(await sandbox.stop(), sandbox.output()).toBe(0);
    if (shots) rmSync(shots, { recursive: true, force: true });
  });

  /** Taps the newest button with exactly this label, inline or on the reply keyboard. */
  const tap = (page: Page, label: string) =>
    page.locator("#chat .inline-keyboard button, #keyboard button").filter({ hasText: exactly(label) }).last().click();
  const type = async (page: Page, text: string) => {
    await page.locator("#composer input").fill(text);
    await page.locator("#composer button").click();
  };
  const botSays = (page: Page, text: string | RegExp) => page.locator("#chat .msg.bot").filter({ hasText: text }).last().waitFor();

  it("signs up and books in Kazakh, moves a day on to the reminder, and shows the booking to the specialist", async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
    page.setDefaultTimeout(STEP_MS);
    await page.goto(url);
    await page.locator("body[data-ready=true]").waitFor();
    await page.locator("[data-language=kk]").click();
    await page.locator(`[data-person="${kazakh.id}"][aria-selected=true]`).waitFor();
    // The clock shows Almaty's time, in the page's language.
    await page.locator("#clock").filter({ hasText: `${formatDay(MONDAY, "kk")} 09:0` }).waitFor();

    await signUpByButtons({ tap, type, botSays }, page, { first_name: kazakh.first_name, language: "kk", age: 20, district: "alatau" });

    await tap(page, kk("menu-consult"));
    await tap(page, kk("service-psychologist"));
    await tap(page, kk("consult-button-continue"));
    await tap(page, "Алатау ауданының №1 жастар орталығы");
    await tap(page, formatDay(addDays(MONDAY, 1), "kk"));
    const firstTime = page.locator("#chat .inline-keyboard button").filter({ hasText: /^\d{2}:\d{2}$/ }).first();
    const time = (await firstTime.textContent())!;
    await firstTime.click();
    await tap(page, kk("consult-mode-in_person"));
    await tap(page, kk("button-skip"));
    await tap(page, kk("consult-button-confirm"));
    const booked = page.locator("#chat .msg.bot b").filter({ hasText: kk("consult-booked", { details: "" }).split("\n")[0]!.replace("✅ ", "") });
    await booked.last().waitFor();

    // The calendar file is there to download, and it is the consultation's.
    const file = page.locator("#chat .file a").last();
    await file.waitFor();
    expect(await file.getAttribute("download")).toMatch(/\.ics$/);
    const ics = await page.request.get(new URL((await file.getAttribute("href"))!, url).href);
    expect(ics.headers()["content-type"]).toContain("text/calendar");
    expect(await ics.text()).toContain("BEGIN:VEVENT");

    await page.getByRole("button", { name: kk("sandbox-plus-day"), exact: true }).click();
    const reminderStart = kk("reminders-booking", { when: "\u0000", service: "", place: "" }).split("\u0000")[0]!;
    await botSays(page, reminderStart);
    await page.locator("#clock").filter({ hasText: `${formatDay(addDays(MONDAY, 1), "kk")} 09:0` }).waitFor();
    await page.screenshot({ path: join(shots, "sandbox.png") });
    if (process.env.UPDATE_SANDBOX_SCREENSHOT === "1") {
      writeFileSync(join(projectRoot(), "docs", "sandbox.png"), await page.screenshot());
    }

    // The answer to a pressed button shows as a toast.
    await tap(page, kk("reminders-button-coming"));
    await page.locator(".toast").filter({ hasText: kk("reminders-coming-alert") }).waitFor();

    await page.locator(`[data-person="${specialist.id}"]`).click();
    await type(page, "/staff");
    await tap(page, kk("staff-button-today"));
    const agenda = page.locator("#chat .msg.bot").filter({ hasText: `${time}–` }).last();
    await agenda.waitFor();
    expect(await agenda.textContent()).toContain(kazakh.first_name);

    // On a phone-sized window nothing sticks out sideways.
    await page.setViewportSize({ width: 390, height: 780 });
    const overflow = await page.evaluate<number>(SIDEWAYS_OVERFLOW);
    expect(overflow).toBeLessThanOrEqual(0);
  }, 60_000);

  it("opens an administrator's invite link as the person chosen, who becomes the specialist", async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(STEP_MS);
    await page.goto(url);
    await page.locator("body[data-ready=true]").waitFor();
    await page.locator("#add-person input[name=name]").fill("Ерлан");
    await page.locator("#add-person select").selectOption("ru");
    await page.locator("#add-person button").click();
    const newcomer = page.locator("#people button").filter({ hasText: "Ерлан" });
    await newcomer.and(page.locator("[aria-selected=true]")).waitFor();

    await page.locator(`[data-person="${admin.id}"]`).click();
    await type(page, "/invite");
    await tap(page, ru("staff-invite-kind-specialist"));
    await page.locator("#chat .inline-keyboard button").filter({ hasText: /Алатауского района №1/ }).last().click();
    await page.locator("#chat .inline-keyboard button").filter({ hasText: /^Ерлан \(демо\)/ }).last().click();
    // The link is bare text in the bot's message: the page makes it a link, as a client does.
    await page.locator('#chat a[href*="?start=staff_"]').last().click();
    await page.locator("#choices button").filter({ hasText: exactly("Ерлан") }).click();

    await newcomer.click();
    await botSays(page, ru("staff-linked", { name: "Ерлан (демо)", service: "", center: "" }).split("!")[0]!);
  });

  it("shows a young person's card as a photo whose QR code the partner scans: valid, with the first name and age band", async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(STEP_MS);
    await page.goto(url);
    await page.locator("body[data-ready=true]").waitFor();
    await page.locator("[data-language=ru]").click();
    await page.locator(`[data-person="${russian.id}"]`).click();
    await signUpByButtons({ tap, type, botSays }, page, { first_name: russian.first_name, language: "ru", age: RUSSIAN_AGE, district: "almaly" });

    await type(page, "/card");
    const photo = page.locator("#chat .msg.bot img").last();
    await photo.waitFor();
    // The photo loaded: the browser decoded the very PNG the bot uploaded.
    const png = await page.request.get(new URL((await photo.getAttribute("src"))!, url).href);
    expect(png.headers()["content-type"]).toBe("image/png");
    const pngWidth = (await png.body()).readUInt32BE(16);
    await expect.poll(() => photo.evaluate(naturalWidth)).toBe(pngWidth);
    expect(pngWidth).toBeGreaterThan(0);
    // The chat stays at its newest message once the photo has its height, as a client's does.
    await expect.poll(() => page.evaluate<number>(UNSEEN_BELOW), { timeout: STEP_MS }).toBeLessThan(2);

    // The partner points a phone at it: the link in the code opens as the partner.
    await page.locator("#chat .msg.bot .scan").last().click();
    await page.locator("#choices button").filter({ hasText: exactly(partner.first_name) }).click();
    await page.locator(`[data-person="${partner.id}"]`).click();
    const holder = holderLine((key, vars) => i18n.t("ru", key, vars), { holder_name: russian.first_name, holder_age: RUSSIAN_AGE });
    await botSays(page, ru("card-check-valid", { holder }));
    expect(await page.locator("#chat .msg.user").last().textContent()).toMatch(/^\/start card_/);
  });

  it("shows the prepared coordinator their team", async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(STEP_MS);
    await page.goto(url);
    await page.locator("body[data-ready=true]").waitFor();
    await page.locator(`[data-person="${coordinator.id}"]`).click();
    await type(page, "/team");
    await botSays(page, "Эко-команда (демо)");
  });

  it("offers real places for the location request, lists the three nearest centers, and shows an event's venue", async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(STEP_MS);
    await page.goto(url);
    await page.locator("body[data-ready=true]").waitFor();
    await page.locator("[data-language=ru]").click();
    await page.locator(`[data-person="${admin.id}"]`).click();
    await type(page, "/menu");
    await tap(page, ru("menu-centers"));
    await tap(page, ru("centers-button-nearest"));
    await page.locator("#keyboard button").filter({ hasText: exactly(ru("centers-near-button-share")) }).click();
    const places = page.locator("#choices button");
    await places.first().waitFor();
    expect(await places.allTextContents()).toEqual(PLACES.map((p) => `📍 ${ru(p.label)}`));
    await places.filter({ hasText: ru("sandbox-place-green-bazaar") }).click();

    const { latitude, longitude } = PLACES.find((p) => p.label === "sandbox-place-green-bazaar")!;
    await page.locator("#chat .msg.user .location").filter({ hasText: `${latitude.toFixed(5)}, ${longitude.toFixed(5)}` }).waitFor();
    const nearest = page.locator("#chat .msg.bot").filter({ hasText: ru("centers-near-title") }).last();
    await nearest.waitFor();
    expect((await nearest.textContent())!.match(/\d+(?:[.,]\d+)? км/g)).toHaveLength(3);
    // The location request is answered: its keyboard is gone.
    expect(await page.locator("#keyboard button").count()).toBe(0);

    await tap(page, ru("button-menu"));
    await tap(page, ru("menu-events"));
    await tap(page, ru("events-button-district", { district: ru("events-all-districts") }));
    // The centers' district buttons are still above: tap Medeu only once the events' own picker is shown.
    await botSays(page, ru("events-choose-district"));
    await tap(page, ru("district-medeu"));
    await botSays(page, "Молодёжный фестиваль (демо)");
    await tap(page, "1");
    await tap(page, ru("events-button-map"));
    const venue = page.locator("#chat .msg.bot .venue").last();
    await venue.waitFor();
    expect(await venue.locator("b").textContent()).toBe("📍 Молодёжный фестиваль (демо)");
    expect(await venue.locator("span").textContent()).toBe("Парк имени 28 гвардейцев-панфиловцев");
    expect(await venue.locator("small").textContent()).toBe("43.25850, 76.95450");
  });

  it("leaves the chat shown as it is when only another person's chat changes", async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(STEP_MS);
    await page.goto(url);
    await page.locator("body[data-ready=true]").waitFor();
    await page.locator(`[data-person="${admin.id}"]`).click();
    await type(page, "/menu");
    const button = page.locator("#chat .inline-keyboard button").filter({ hasText: exactly(ru("menu-help")) }).last();
    await button.waitFor();
    await button.evaluate((node) => Object.assign(globalThis, { marked: node }));

    // Someone else talks to the bot; this page hears of it, and the button it shows stays put.
    await page.request.post(new URL("/api/send", url).href, { data: { person: coordinator.id, text: "/team" } });
    let seen = 0;
    await expect
      .poll(async () => {
        const state = await (await page.request.get(new URL(`/api/state?person=${coordinator.id}&since=0`, url).href)).json();
        seen = state.version;
        return state.messages.at(-1).fromBot;
      })
      .toBe(true);
    await expect.poll(() => page.evaluate<number>("Number(document.body.dataset.version)"), { timeout: STEP_MS }).toBeGreaterThanOrEqual(seen);
    expect(await page.evaluate<boolean>("globalThis.marked.isConnected")).toBe(true);
  });

  it("keeps markup typed into the chat as text", async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(STEP_MS);
    await page.goto(url);
    await page.locator("body[data-ready=true]").waitFor();
    await page.locator(`[data-person="${PERSONAS[1]!.user.id}"]`).click();
    // What a person types comes back in their own bubble as plain text, tags and all (the chat has photos and bold text of its own).
    await type(page, "<img src=x onerror=alert(1)><b>x</b>");
    await page.locator("#chat .msg.user").filter({ hasText: "<img src=x onerror=alert(1)><b>x</b>" }).waitFor();
    expect(await page.locator("#chat .msg.user img, #chat .msg.user b").count()).toBe(0);
  });
});

/** What the browser made of an image: its width in pixels once decoded, 0 until then or if it failed. */
const naturalWidth = (img: unknown) => {
  const { complete, naturalWidth } = img as { complete: boolean; naturalWidth: number };
  return complete ? naturalWidth : 0;
};
