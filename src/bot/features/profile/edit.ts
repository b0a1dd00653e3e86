import { NAME_MAX_LENGTH, parseName } from "../../../domain/profile.js";
import { findUser, updateUser } from "../../../db/users.js";
import type { UserUpdate } from "../../../db/schema.js";
import type { AppConversation, AppDeps, BaseContext } from "../../context.js";
import { askText } from "../../shared/ask.js";
import { askAge, askPhone } from "../../shared/ask-person.js";
import type { TextField } from "./buttons.js";
import { showProfile } from "./view.js";

export const PROFILE_EDIT = "profile-edit";

/** Edits one typed field of the profile with the same rules as sign-up, then shows the profile. */
export function profileEditConversation(deps: AppDeps) {
  return async function profileEdit(conversation: AppConversation, ctx: BaseContext, field: TextField): Promise<void> {
    const userId = ctx.from!.id;
    let changes: UserUpdate | null = null;
    let notice = "profile-saved";

    if (field === "name") {
      const answer = await askText(conversation, ctx, {
        prompt: (c) => ({ text: c.t("signup-ask-name") }),
        parse: (text) => parseName(text),
        invalid: (c) => c.t("signup-name-invalid", { max: NAME_MAX_LENGTH }),
      });
      ctx = answer.ctx;
      changes = { name: answer.value };
    } else if (field === "age") {
      const answer = await askAge(conversation, ctx);
      ctx = answer.ctx;
      if (answer.kind === "accepted") {
        changes = { age: answer.age, guardian_consent: answer.guardianConsent === null ? null : 1 };
      } else {
        const key = answer.reason === "no-guardian" ? "profile-age-minor-needs-guardian" : "profile-age-out-of-range";
        await ctx.reply(ctx.t(key));
      }
    } else {
      const stored = await conversation.external(async () => (await findUser(deps.db, userId))?.phone ?? null);
      // Changing the number, the way out is to have none: a stored number is removed, and the
      // button says so, rather than "Skip" quietly keeping it.
      const answer = await askPhone(conversation, ctx, stored ? "button-remove-phone" : "button-skip");
      ctx = answer.ctx;
      changes = { phone: answer.value };
      notice = answer.value ? "profile-saved" : stored ? "profile-phone-removed" : "signup-phone-skipped";
    }

    if (changes) {
      const at = await conversation.external(() => deps.clock.now().toISOString());
      await conversation.external(() => updateUser(deps.db, userId, changes, new Date(at)));
      // The phone step's reply keyboard goes away with the answer.
      await ctx.reply(ctx.t(notice), field === "phone" ? { reply_markup: { remove_keyboard: true } } : {});
    }
    const user = await conversation.external(() => findUser(deps.db, userId));
    if (user) await showProfile(ctx, user);
  };
}
