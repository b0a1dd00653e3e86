import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../src");

/** Every TypeScript file under a folder of src, recursively. */
function sourcesOf(layer: string): string[] {
  return readdirSync(join(SRC, layer), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** What a file imports or re-exports, statically or dynamically, as written. */
function specifiersOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const pattern = /\b(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|\bimport\s+["']([^"']+)["']/g;
  return [...source.matchAll(pattern)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

/** The folder of src a relative import lands in ("bot", "db" ...), or the package an import names. */
function targetOf(file: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!;
  const path = relative(SRC, resolve(dirname(file), specifier));
  return path.includes(sep) ? path.split(sep)[0]! : ".";
}

/** Each import of `layer` that lands in one of `forbidden`, as "file -> specifier". */
function importsInto(layer: string, forbidden: string[]): string[] {
  return sourcesOf(layer).flatMap((file) =>
    specifiersOf(file)
      .filter((specifier) => forbidden.includes(targetOf(file, specifier)))
      .map((specifier) => `${relative(SRC, file)} -> ${specifier}`),
  );
}

describe("the direction of imports between the layers", () => {
  it("reads every kind of import a file can have", () => {
    const file = join(SRC, "scheduler", "x.ts");
    expect(targetOf(file, "../bot/notices.js")).toBe("bot");
    expect(targetOf(file, "./notice.js")).toBe("scheduler");
    expect(targetOf(join(SRC, "domain", "practice", "x.ts"), "../../db/schema.js")).toBe("db");
    expect(targetOf(file, "@grammyjs/i18n")).toBe("@grammyjs/i18n");
    expect(targetOf(file, "grammy/types")).toBe("grammy");
  });

  it("finds the files to check", () => {
    expect(sourcesOf("scheduler").map((f) => relative(SRC, f))).toContain(join("scheduler", "dispatcher.ts"));
    expect(sourcesOf("domain").map((f) => relative(SRC, f))).toContain(join("domain", "practice", "items.ts"));
    expect(specifiersOf(join(SRC, "scheduler", "dispatcher.ts"))).toContain("../db/outbox.js");
  });

  it("keeps the scheduler off the bot: main hands it what the bot renders", () => {
    expect(importsInto("scheduler", ["bot"])).toEqual([]);
  });

  it("keeps the domain pure: no bot, no database, no scheduler, no Telegram client", () => {
    expect(importsInto("domain", ["bot", "db", "scheduler", "server", "telegram", "grammy", "kysely", "better-sqlite3"])).toEqual([]);
  });
});
