/** Tea-talk clubs: Kazakh conversation sessions in the centers, events of their own category with a level. */

export const TEATALK_LEVELS = ["beginner", "intermediate", "advanced"] as const;
export type TeaTalkLevel = (typeof TEATALK_LEVELS)[number];

/** How far ahead the clubs list looks. */
export const TEATALK_LIST_DAYS = 14;
