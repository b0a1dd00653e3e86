import { InlineKeyboard, type Keyboard } from "grammy";
import type { AppContext, AppConversation, BaseContext } from "../context.js";
import { asideOf } from "./asides.js";
import { namespaceOf, screenNamespaces, type StepButtons } from "./callback-data.js";
import { settleAnswer, showScreen } from "./screen.js";

/** Longest free-text answer any step accepts; Telegram allows 4096, nobody's name needs that. */
export const MAX_ANSWER_LENGTH = 500;

type Markup = InlineKeyboard | Keyboard | { remove_keyboard: true };

export interface Prompt {
  text: string;
  markup?: Markup;
}

/** Whether the person is in the middle of a flow. */
export function inFlow(ctx: AppContext): boolean {
  return Object.keys(ctx.conversation.active()).length > 0;
}

/**
 * Shows a step's question. Rendered anew each time, so a repeat uses the current language. After
 * a button press it takes the place of the message pressed on, so that a flow keeps one message
 * going instead of a trail of answered questions; a keyboard under the typing field comes only
 * with a new message.
 */
async function show(ctx: BaseContext, prompt: Prompt): Promise<void> {
  const { text, markup } = prompt;
  if (markup === undefined || markup instanceof InlineKeyboard) await showScreen(ctx, text, markup);
  else await ctx.reply(text, { reply_markup: markup });
}

/** Takes a valid button answer: the press is answered and its prompt is done with. */
async function acceptPress(ctx: BaseContext): Promise<void> {
  await ctx.answerCallbackQuery();
  settleAnswer(ctx);
}

/**
 * Pressing a screen's button in the middle of a flow is a change of mind, not a wrong answer:
 * the flow ends and the button does what it says (a reminder's "Cancel", a seat offer's
 * "Accept"), instead of being held up by a question the person has walked away from.
 */
async function leaveForScreenButton(conversation: AppConversation, ctx: BaseContext): Promise<void> {
  // By the screen's first word, so that even data of a screen's no codec reads (an old or forged
  // button) leaves the flow, and the screens' catch-all answers it as stale.
  const data = ctx.callbackQuery?.data;
  if (data !== undefined && screenNamespaces().has(namespaceOf(data))) await conversation.halt({ next: true });
}

/**
 * Why an update is not a valid answer, as a locale key. A step's own stale buttons, free text,
 * stickers, photos and commands all get the step repeated with this hint, never silence.
 */
async function explainInvalid(ctx: BaseContext, expectButton: boolean): Promise<string> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("stale-button-alert") });
  const text = ctx.message?.text;
  if (text?.startsWith("/")) return "command-mid-flow";
  return expectButton ? "need-button" : "need-text";
}

/**
 * Leaves the update that just came in out of the flow's saved state, as if it had never
 * arrived: the step waits again where it was. Whatever is not an answer ends here, so however
 * many wrong answers a step gets, the state (and the replay of each update) stays the same size.
 */
function forget(conversation: AppConversation): Promise<never> {
  return conversation.skip({ next: false });
}

/** Asks the step's question once more, and forgets the update that made it necessary. */
async function askAgain(conversation: AppConversation, ctx: BaseContext, prompt: (ctx: BaseContext) => Prompt): Promise<never> {
  await show(ctx, prompt(ctx));
  return forget(conversation);
}

/**
 * The next update for a step. An aside (the help lines) has been answered before the flow, so
 * the step only asks its question again, below the help lines.
 */
async function waitForAnswer(conversation: AppConversation, prompt: (ctx: BaseContext) => Prompt): Promise<BaseContext> {
  const answer = await conversation.wait();
  if (asideOf(answer) !== null) {
    const { text, markup } = prompt(answer);
    await answer.reply(text, { reply_markup: markup });
    await forget(conversation);
  }
  return answer;
}

/**
 * Asks for one of the step's buttons and returns its choice together with the context of the
 * answer (its language may have changed on the way).
 */
export async function askChoice<T extends string>(
  conversation: AppConversation,
  ctx: BaseContext,
  buttons: StepButtons,
  choices: readonly T[],
  prompt: (ctx: BaseContext) => Prompt,
): Promise<{ choice: T; ctx: BaseContext }> {
  await show(ctx, prompt(ctx));
  const answer = await waitForAnswer(conversation, prompt);
  const choice = buttons.choiceOf(answer.callbackQuery?.data) as T | null;
  if (choice !== null && choices.includes(choice)) {
    await acceptPress(answer);
    return { choice, ctx: answer };
  }
  await leaveForScreenButton(conversation, answer);
  const hint = await explainInvalid(answer, true);
  await answer.reply(answer.t(hint));
  return askAgain(conversation, answer, prompt);
}

/** The answers every step of a flow with steps offers besides its own: one step back, or leave. */
export const NAV_CHOICES = ["back", "cancel"] as const;
export type Nav = (typeof NAV_CHOICES)[number];

export function isNav(choice: unknown): choice is Nav {
  return (NAV_CHOICES as readonly unknown[]).includes(choice);
}

/** Moves on to a new row of buttons, unless the last row is still empty (Telegram rejects empty rows). */
export function startRow(kb: InlineKeyboard): InlineKeyboard {
  const last = kb.inline_keyboard[kb.inline_keyboard.length - 1];
  return last && last.length > 0 ? kb.row() : kb;
}

/** Ends a step's keyboard with a Back / Cancel row, answering the choices "back" and "cancel". */
export function withNav(kb: InlineKeyboard, ctx: BaseContext, buttons: StepButtons): InlineKeyboard {
  return startRow(kb).text(ctx.t("button-back"), buttons.data("back")).text(ctx.t("button-cancel"), buttons.data("cancel"));
}

/**
 * askChoice for a step one can go back from or leave: the prompt's keyboard gets the Back /
 * Cancel row, and those presses come back as the choices "back" and "cancel".
 */
export async function askStep<T extends string>(
  conversation: AppConversation,
  ctx: BaseContext,
  buttons: StepButtons,
  choices: readonly T[],
  prompt: (ctx: BaseContext) => { text: string; markup?: InlineKeyboard },
): Promise<{ choice: T | Nav; ctx: BaseContext }> {
  return askChoice<T | Nav>(conversation, ctx, buttons, [...choices, ...NAV_CHOICES], (c) => {
    const p = prompt(c);
    return { text: p.text, markup: withNav(p.markup ?? new InlineKeyboard(), c, buttons) };
  });
}

/**
 * Asks for free text, parsed by `parse` (null = not acceptable, and `invalid` explains why).
 * One of `buttons` in the prompt's keyboard is also an answer: `onButton` turns its choice into a value.
 */
export async function askText<T>(
  conversation: AppConversation,
  ctx: BaseContext,
  opts: {
    prompt: (ctx: BaseContext) => Prompt;
    parse: (text: string, ctx: BaseContext) => T | null;
    invalid: (ctx: BaseContext) => string;
    buttons?: StepButtons;
    onButton?: (choice: string, ctx: BaseContext) => T | null;
    /** Other updates this step accepts, e.g. a shared contact. */
    other?: (ctx: BaseContext) => T | null;
    /** A tighter length limit than MAX_ANSWER_LENGTH, announced with the same hint. */
    maxLength?: number;
  },
): Promise<{ value: T; ctx: BaseContext }> {
  await show(ctx, opts.prompt(ctx));
  const answer = await waitForAnswer(conversation, opts.prompt);
  const choice = opts.buttons?.choiceOf(answer.callbackQuery?.data) ?? null;
  if (choice !== null && opts.onButton) {
    const value = opts.onButton(choice, answer);
    if (value !== null) {
      await acceptPress(answer);
      return { value, ctx: answer };
    }
  }
  await leaveForScreenButton(conversation, answer);
  const other = opts.other?.(answer) ?? null;
  if (other !== null) return { value: other, ctx: answer };
  const text = answer.message?.text;
  if (text !== undefined && !text.startsWith("/")) {
    const max = opts.maxLength ?? MAX_ANSWER_LENGTH;
    if (text.length > max) {
      await answer.reply(answer.t("text-too-long", { max }));
      return forget(conversation);
    }
    const value = opts.parse(text, answer);
    if (value !== null) return { value, ctx: answer };
    await answer.reply(opts.invalid(answer));
    return forget(conversation);
  }
  // A step that takes other kinds of message (a contact) explains itself for the wrong kind.
  const hint =
    opts.other && answer.message && text === undefined
      ? opts.invalid(answer)
      : answer.t(await explainInvalid(answer, false));
  await answer.reply(hint);
  return askAgain(conversation, answer, opts.prompt);
}
