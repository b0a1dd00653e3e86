/**
 * What a step of a flow decides: go on to another step, show itself again, go back to the step
 * shown before (or to a named earlier one), leave, or the flow has reached its end.
 */
export type StepOutcome<S extends string> = { next: S } | { backTo: S } | "again" | "back" | "cancel" | "done";

/**
 * Runs a flow's steps, remembering the path taken so that Back returns to the step the person
 * actually saw before (a skipped step is never on the path). Resolves to how the flow ended;
 * "exit" is Back pressed on the first step.
 */
export async function runSteps<S extends string>(
  first: S,
  run: (step: S) => Promise<StepOutcome<S>>,
): Promise<"done" | "cancel" | "exit"> {
  const path: S[] = [];
  let step = first;
  for (;;) {
    const outcome = await run(step);
    if (outcome === "done" || outcome === "cancel") return outcome;
    if (outcome === "again") continue;
    if (outcome === "back") {
      const previous = path.pop();
      if (previous === undefined) return "exit";
      step = previous;
    } else if ("backTo" in outcome) {
      const at = path.lastIndexOf(outcome.backTo);
      path.splice(Math.max(at, 0));
      step = outcome.backTo;
    } else {
      path.push(step);
      step = outcome.next;
    }
  }
}
