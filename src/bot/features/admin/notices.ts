import { ROLES } from "../../../db/roles.js";
import type { NoticeRenderer, NoticeRenderers } from "../../../scheduler/notice.js";
import { escapeHtml } from "../../shared/format.js";

/** To someone whose role an administrator ended: which role, and what it was for. */
export const renderRoleRevoked: NoticeRenderer = async ({ payload, language, t }) => {
  const role = ROLES.find((r) => r === payload.role);
  if (!role) return null;
  const what = String(language === "kk" ? payload.label_kk : payload.label_ru);
  return { text: t("admin-notice-role-revoked", { role: t(`admin-role-${role}`), what: escapeHtml(what) }) };
};

/** The administration's notices, registered in src/bot/notices.ts. */
export const adminNoticeRenderers = {
  role_revoked: renderRoleRevoked,
} satisfies NoticeRenderers;
