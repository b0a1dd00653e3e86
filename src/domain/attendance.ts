/** What is recorded once a consultation or a tea-talk session has started: whether the person came. */
export type AttendanceMark = "attended" | "no_show";
