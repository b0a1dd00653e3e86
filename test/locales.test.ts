import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { DISTRICTS } from "../src/domain/districts.js";
import { LANGUAGES } from "../src/domain/language.js";
import { OCCUPATIONS } from "../src/domain/profile.js";
import { SERVICE_CODES } from "../src/domain/services.js";
import { MENU_ENTRIES } from "../src/bot/shared/keyboards.js";
import { projectRoot } from "../src/paths.js";

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

  it("write Kazakh with Kazakh letters", () => {
    const text = readFileSync(join(root, "locales", "kk.ftl"), "utf8");
    expect(/[әғқңөұүһі]/.test(text)).toBe(true);
  });
});
