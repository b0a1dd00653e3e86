import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startFlags } from "../bench/bot-process.js";
import { projectRoot } from "../src/paths.js";

describe("the flags the bot's process starts with", () => {
  it("are the start script's in the production unit of the README too", () => {
    const flags = startFlags();
    expect(flags).toContain("--max-semi-space-size=8");
    const readme = readFileSync(join(projectRoot(), "README.md"), "utf8");
    const unit = /^ExecStart=\/usr\/bin\/node (.*)dist\/src\/main\.js$/m.exec(readme);
    expect(unit?.[1]?.trim().split(/\s+/)).toEqual(flags);
  });
});
