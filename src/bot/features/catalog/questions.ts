import { InlineKeyboard } from "grammy";
import type { AppConversation, BaseContext } from "../../context.js";
import { askText } from "../../shared/ask.js";
import { defineStep } from "../../shared/callback-data.js";
import { adminScopeOf, mayManageCenter } from "../admin/access.js";

/** What the catalog's flows have in common: a line of text with Cancel, and the right to write. */

const cancelStep = defineStep("cat-line");

export type Answer<T> = { value: T; ctx: BaseContext } | { cancel: true; ctx: BaseContext };

/** One line of free text, with a Cancel button under the question. */
export async function askLine<T>(
  conversation: AppConversation,
  ctx: BaseContext,
  o: { prompt: (c: BaseContext) => string; parse: (text: string) => T | null; invalid: (c: BaseContext) => string; max: number },
): Promise<Answer<T>> {
  const answer = await askText<{ value: T } | "cancel">(conversation, ctx, {
    prompt: (c) => ({ text: o.prompt(c), markup: new InlineKeyboard().text(c.t("button-cancel"), cancelStep.data("cancel")) }),
    parse: (text) => {
      const value = o.parse(text);
      return value === null ? null : { value };
    },
    invalid: o.invalid,
    buttons: cancelStep,
    onButton: (choice) => (choice === "cancel" ? "cancel" : null),
    maxLength: o.max,
  });
  return answer.value === "cancel" ? { cancel: true, ctx: answer.ctx } : { value: answer.value.value, ctx: answer.ctx };
}

/** Whether the sender may still manage the center, read afresh: their right may have ended meanwhile. */
export async function stillManages(ctx: BaseContext, centerId: string): Promise<boolean> {
  const scope = await adminScopeOf(ctx);
  return scope !== undefined && mayManageCenter(scope, centerId);
}
