import type { NoticeRenderers } from "../scheduler/notice.js";
import { eventAdminNoticeRenderers } from "./features/event-admin/index.js";
import { adminNoticeRenderers } from "./features/admin/notices.js";
import { broadcastNoticeRenderers } from "./features/broadcasts/message.js";
import { eventNoticeRenderers } from "./features/events/index.js";
import { figuresNoticeRenderers } from "./features/figures/index.js";
import { reminderRenderers } from "./features/reminders/index.js";
import { staffNoticeRenderers } from "./features/staff/notices.js";
import { teamsNoticeRenderers } from "./features/teams/index.js";
import { teatalkNoticeRenderers } from "./features/teatalk/index.js";

/** How each kind of outbox message is rendered; each feature contributes its own kinds. */
export const noticeRenderers: NoticeRenderers = {
  ...staffNoticeRenderers,
  ...reminderRenderers,
  ...teatalkNoticeRenderers,
  ...teamsNoticeRenderers,
  ...eventNoticeRenderers,
  ...eventAdminNoticeRenderers,
  ...adminNoticeRenderers,
  ...broadcastNoticeRenderers,
  ...figuresNoticeRenderers,
};
