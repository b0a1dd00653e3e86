import type { Checkpoint } from "@grammyjs/conversations";
import type { AppConversation } from "../context.js";

/** Where a flow is: the step to ask, with the answers that step needs. */
export interface Stage {
  step: string;
}

/**
 * What a step of a flow decides: go on to another step, ask this step again (with what it
 * learned), go back to the step shown before (or to a named earlier one), ask an earlier step
 * the flow answered by itself, leave, or the flow has reached its end.
 */
export type StepOutcome<S extends Stage> = { next: S } | { again: S } | { backTo: S } | { reopen: S } | "back" | "cancel" | "done";

/**
 * Runs a flow's steps, remembering the path taken so that Back returns to the step the person
 * actually saw before (a skipped step is never on the path). Resolves to how the flow ended;
 * "exit" is Back pressed on the first step.
 *
 * Going back rewinds the flow to the moment that step was asked: what was answered since is
 * forgotten, saved state included, so going back and forth does not make the state grow.
 * A step the flow answered by itself (from the profile) cannot be rewound to, since it would
 * answer itself again: reopening it leaves the later steps and asks it from here instead.
 */
export async function runSteps<S extends Stage>(
  conversation: Pick<AppConversation, "checkpoint" | "rewind">,
  first: S,
  run: (stage: S) => Promise<StepOutcome<S>>,
): Promise<"done" | "cancel" | "exit"> {
  const path: { stage: S; at: Checkpoint }[] = [];
  let stage = first;
  for (;;) {
    const at = conversation.checkpoint();
    const outcome = await run(stage);
    if (outcome === "done" || outcome === "cancel") return outcome;
    if (outcome === "back") {
      const previous = path.pop();
      if (previous === undefined) return "exit";
      await conversation.rewind(previous.at);
    } else if ("again" in outcome) {
      stage = outcome.again;
    } else if ("reopen" in outcome) {
      const answered = path.findLastIndex((p) => p.stage.step === outcome.reopen.step);
      if (answered >= 0) path.length = answered;
      stage = outcome.reopen;
    } else if ("backTo" in outcome) {
      const earlier = path.findLast((p) => p.stage.step === outcome.backTo.step);
      if (earlier) await conversation.rewind(earlier.at);
      // Not on the path: the step is asked as the first of a new path.
      path.length = 0;
      stage = outcome.backTo;
    } else {
      path.push({ stage, at });
      stage = outcome.next;
    }
  }
}
