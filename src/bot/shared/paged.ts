import { InlineKeyboard } from "grammy";
import { pageOf, type Page } from "../../domain/paging.js";
import type { BaseContext } from "../context.js";
import { startRow } from "./ask.js";

/** One entry of a list shown as buttons. */
export interface ListButton {
  text: string;
  data: string;
}

/**
 * The arrows to the neighbouring pages, on a row of their own, none where there is no page to
 * go to; whatever is added next starts a row.
 */
export function pageArrows(
  ctx: BaseContext,
  kb: InlineKeyboard,
  page: Pick<Page<unknown>, "index" | "pages">,
  pageData: (page: number) => string,
): InlineKeyboard {
  startRow(kb);
  if (page.index > 0) kb.text(ctx.t("staff-page-prev"), pageData(page.index - 1));
  if (page.index < page.pages - 1) kb.text(ctx.t("staff-page-next"), pageData(page.index + 1));
  return startRow(kb);
}

/** One button per row, `size` per page, with the arrows to the neighbouring pages, then a row for the way out. */
export function paged(
  ctx: BaseContext,
  buttons: readonly ListButton[],
  page: number,
  size: number,
  pageData: (page: number) => string,
): InlineKeyboard {
  const shown = pageOf(buttons, page, size);
  const kb = new InlineKeyboard();
  for (const b of shown.items) kb.text(b.text, b.data).row();
  return pageArrows(ctx, kb, shown, pageData);
}
