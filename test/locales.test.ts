import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { DISTRICTS } from "../src/domain/districts.js";
import { LANGUAGES } from "../src/domain/language.js";
import { OCCUPATIONS } from "../src/domain/profile.js";
import { SERVICE_CODES } from "../src/domain/services.js";
import { createI18n } from "../src/bot/i18n.js";
import { MENU_ENTRIES } from "../src/bot/shared/keyboards.js";
import { projectRoot } from "../src/paths.js";
import { checkTelegramHtml } from "./support/telegram-html.js";

const root = projectRoot();

function messageIds(lang: string): Set<string> {
  const source = readFileSync(join(root, "locales", `${lang}.ftl`), "utf8");
  const resource = new FluentResource(source);
  const bundle = new FluentBundle(lang);
  const errors = bundle.addResource(resource);
  expect(errors, `${lang}.ftl has syntax errors`).toEqual([]);
  return new Set(resource.body.map((m) => m.id));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Keys the code names literally: t("key"), ctx.t("key", …), i18n.t(lang, "key"). */
function keysUsedInCode(): Map<string, string> {
  const used = new Map<string, string>();
  const pattern = /\bt\(\s*(?:[\w.]+\s*,\s*)?"([a-z][a-z0-9-]*)"/g;
  for (const file of sourceFiles(join(root, "src"))) {
    for (const match of readFileSync(file, "utf8").matchAll(pattern)) used.set(match[1]!, file);
  }
  return used;
}

type Pattern = NonNullable<FluentResource["body"][number]["value"]>;
type Expression = Exclude<Extract<Pattern, unknown[]>[number], string>;
type VariantKey = string | number;

/** The variables a pattern uses, each with the keys of the variants it selects among. */
function variablesOf(pattern: Pattern, found = new Map<string, Set<VariantKey>>()): Map<string, Set<VariantKey>> {
  const visit = (e: Expression): void => {
    if (e.type === "var" && !found.has(e.name)) found.set(e.name, new Set());
    if (e.type === "select") {
      visit(e.selector);
      for (const variant of e.variants) {
        if (e.selector.type === "var") found.get(e.selector.name)!.add(variant.key.value);
        variablesOf(variant.value, found);
      }
    }
    if (e.type === "func" || e.type === "term") for (const arg of e.args) if (arg.type !== "narg") visit(arg);
  };
  if (typeof pattern !== "string") for (const element of pattern) if (typeof element !== "string") visit(element);
  return found;
}

const PLURAL_CATEGORIES = new Set(["zero", "one", "two", "few", "many", "other"]);

/**
 * Values that reach every variant a variable selects: a number of each plural category the
 * language has among whole numbers, the key itself otherwise; plain text for a variable that
 * selects nothing (what code puts there is escaped or built from the locales).
 */
function samplesOf(keys: Set<VariantKey>, lang: string): VariantKey[] {
  const plural = new Intl.PluralRules(lang);
  const samples = [...keys].flatMap((key) => {
    if (typeof key === "number" || !PLURAL_CATEGORIES.has(key)) return [key];
    const n = Array.from({ length: 200 }, (_, i) => i).find((i) => plural.select(i) === key);
    return n === undefined ? [] : [n];
  });
  return samples.length > 0 ? samples : ["Sample text 7"];
}

/** Every message of a locale rendered once per variant its selectors have, with sample values. */
function renderedMessages(lang: string): Array<{ id: string; text: string }> {
  const i18n = createI18n();
  const resource = new FluentResource(readFileSync(join(root, "locales", `${lang}.ftl`), "utf8"));
  return resource.body.flatMap((message) => {
    if (message.id.startsWith("-") || message.value === null) return [];
    const samples = [...variablesOf(message.value)].map(([name, keys]) => [name, samplesOf(keys, lang)] as const);
    const renders = Math.max(1, ...samples.map(([, values]) => values.length));
    return Array.from({ length: renders }, (_, i) => {
      const vars = Object.fromEntries(samples.map(([name, values]) => [name, values[i % values.length]!]));
      return { id: message.id, text: i18n.t(lang, message.id, vars) };
    });
  });
}

describe("locales", () => {
  const kk = messageIds("kk");
  const ru = messageIds("ru");

  it("define exactly the same message ids in Kazakh and Russian", () => {
    expect([...ru].filter((id) => !kk.has(id)), "missing in kk.ftl").toEqual([]);
    expect([...kk].filter((id) => !ru.has(id)), "missing in ru.ftl").toEqual([]);
  });

  it("define every key the code uses", () => {
    const missing = [...keysUsedInCode()].filter(([key]) => !ru.has(key) || !kk.has(key));
    expect(missing.map(([key, file]) => `${key} (${file.slice(root.length + 1)})`)).toEqual([]);
  });

  it("define every key the code builds from a domain list", () => {
    const built = [
      ...DISTRICTS.map((d) => `district-${d}`),
      ...LANGUAGES.map((l) => `language-${l}`),
      ...OCCUPATIONS.map((o) => `occupation-${o}`),
      ...SERVICE_CODES.map((s) => `service-${s}`),
      ...MENU_ENTRIES.map((e) => `menu-${e}`),
    ];
    expect(built.filter((key) => !ru.has(key) || !kk.has(key))).toEqual([]);
  });

  it("render as Telegram HTML whatever values their variables get", () => {
    for (const lang of LANGUAGES) {
      const rendered = renderedMessages(lang);
      expect(rendered.length).toBeGreaterThanOrEqual((lang === "kk" ? kk : ru).size);
      const refused = rendered.flatMap(({ id, text }) => {
        const check = checkTelegramHtml(text);
        return check.kind === "invalid" ? [`${lang} ${id}: ${check.reason} in ${JSON.stringify(text)}`] : [];
      });
      expect(refused).toEqual([]);
    }
  });

  it("write Kazakh with Kazakh letters", () => {
    const text = readFileSync(join(root, "locales", "kk.ftl"), "utf8");
    expect(/[әғқңөұүһі]/.test(text)).toBe(true);
  });
});
