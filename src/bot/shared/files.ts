import type { BaseContext } from "../context.js";

/** A file a person sent, read whole; Telegram lets bots download files of up to 20 MB. */
export async function downloadFile(ctx: BaseContext, fileId: string): Promise<Buffer> {
  const file = await ctx.api.getFile(fileId);
  if (!file.file_path) throw new Error("Telegram gave no path for the file");
  const response = await ctx.fetchFile(file.file_path);
  if (!response.ok) throw new Error(`file download failed with HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}
