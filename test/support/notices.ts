import type { RenderedNotice, RenderedText } from "../../src/scheduler/notice.js";

/** A rendered notice that must be a text message (or nothing); a document or a photo fails the test. */
export function textNotice(notice: RenderedNotice | null): RenderedText | null {
  if (notice !== null && "document" in notice) throw new Error(`expected a text notice, got the document ${notice.document.filename}`);
  if (notice !== null && "photo" in notice) throw new Error("expected a text notice, got a photo");
  return notice;
}
