/** Youth NGO project teams: what kinds there are, and the rules of joining one. */

export const TEAM_CATEGORIES = ["ecology", "patriotic", "volunteer", "other"] as const;
export type TeamCategory = (typeof TEAM_CATEGORIES)[number];

/**
 * A row's life: "requested" until the coordinator answers, then "member" or "declined"; a member
 * (or someone still waiting) who leaves becomes "left". Only "requested" and "member" are live:
 * one of those per person and team at a time.
 */
export type TeamMemberStatus = "requested" | "member" | "declined" | "left";
export const LIVE_STATUSES: readonly TeamMemberStatus[] = ["requested", "member"];

/** The longest note a person may send the coordinator with a request. */
export const JOIN_MESSAGE_MAX_LENGTH = 300;
