import type { RenderedNotice, RenderedText } from "../../src/scheduler/notice.js";

/** A rendered notice that must be a text message (or nothing); a document fails the test. */
export function textNotice(notice: RenderedNotice | null): RenderedText | null {
  if (notice !== null && !("text" in notice)) throw new Error(`expected a text notice, got the document ${notice.document.filename}`);
  return notice;
}
