import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { projectRoot } from "../src/paths.js";

/**
 * Builds dist/ once before the end-to-end tests, which run the compiled bot as `npm start`
 * does; without this they would test whatever an earlier build left behind. A build that fails
 * (type errors included, as they stop `npm start` too) fails the run with the compiler's output.
 */
export default function buildOnce(): void {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: projectRoot(), encoding: "utf8" });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const output = `${result.stdout}${result.stderr}`.trim();
    throw new Error(`The build for the end-to-end tests failed (tsc exited with ${result.status}):\n${output}`);
  }
}
