import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CONFIG = join(import.meta.dirname, "..", "eslint.config.js");
const FOLDERS = ["src", "test", "migrations"];

const MISHANDLED = `export async function save(): Promise<boolean> {
  return true;
}
export function run(ids: number[]): void {
  save();
  ids.forEach(async () => save());
  if (save()) return;
}
`;

const HANDLED = `export async function save(): Promise<boolean> {
  return true;
}
export async function run(ids: number[]): Promise<void> {
  await save();
  // Not awaited: it finishes on its own.
  void save();
  for (const id of ids) if (id > 0) await save();
  if (await save()) return;
}
`;

/**
 * The project's linter configuration, run on small files laid out like the project (a folder per
 * part, a tsconfig.json) in a folder of their own, so that the project's code stays out of it.
 */
describe("the linter", () => {
  let dir: string;
  let eslint: ESLint;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "jastar-lint-"));
    const compilerOptions = { strict: true, target: "ES2022", module: "NodeNext", lib: ["ES2023"], types: [] };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: FOLDERS }));
    for (const folder of FOLDERS) {
      mkdirSync(join(dir, folder));
      writeFileSync(join(dir, folder, "mishandled.ts"), MISHANDLED);
      writeFileSync(join(dir, folder, "handled.ts"), HANDLED);
    }
    eslint = new ESLint({ cwd: dir, overrideConfigFile: CONFIG });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(FOLDERS)("refuses a promise left unhandled or passed where no promise is expected, in %s/", async (folder) => {
    const [result] = await eslint.lintFiles([`${folder}/mishandled.ts`]);
    expect(result?.messages.map((m) => [m.line, m.ruleId])).toEqual([
      [5, "@typescript-eslint/no-floating-promises"],
      [6, "@typescript-eslint/no-misused-promises"],
      [7, "@typescript-eslint/no-misused-promises"],
    ]);
  });

  it.each(FOLDERS)("accepts a promise awaited or let go on purpose with void, in %s/", async (folder) => {
    const [result] = await eslint.lintFiles([`${folder}/handled.ts`]);
    expect(result?.messages).toEqual([]);
  });
});
