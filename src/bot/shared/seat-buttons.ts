import { InlineKeyboard } from "grammy";
import type { SignupView } from "../../db/events.js";
import type { CallbackCodec, Field } from "./callback-data.js";
import type { Translate } from "./format.js";

export type SignupButton = CallbackCodec<{ signup: Field<number> }>;

/** The buttons under a sign-up of one kind, tea-talk sessions or events. */
export interface SignupButtons {
  accept: SignupButton;
  decline: SignupButton;
  cancel: SignupButton;
  /** The seat as a calendar file, where the kind has one. */
  calendar?: SignupButton;
}

/**
 * What a person can do with their live sign-up, worded by `<texts>-button-…` of the locales:
 * take or let go of an offered seat, or cancel (a seat may first go to a calendar). Added to `kb`.
 */
export function signupButtons(
  t: Translate,
  texts: "teatalk" | "events",
  buttons: SignupButtons,
  view: Pick<SignupView, "signup">,
  kb = new InlineKeyboard(),
): InlineKeyboard {
  const signup = view.signup.id;
  if (view.signup.status === "offered") {
    return kb.text(t(`${texts}-button-accept`), buttons.accept.pack({ signup })).text(t(`${texts}-button-decline`), buttons.decline.pack({ signup }));
  }
  if (view.signup.status === "confirmed" && buttons.calendar) kb.text(t(`${texts}-button-calendar`), buttons.calendar.pack({ signup })).row();
  return kb.text(t(`${texts}-button-cancel`), buttons.cancel.pack({ signup }));
}
