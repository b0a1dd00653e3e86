/**
 * A QR code as a PNG image, drawn locally: posters and cards carry links into the bot, and no
 * outside service ever sees them. Medium error correction survives a printed poster's wear; the
 * size reads well from a phone at arm's length and still prints sharply on A4.
 */
export async function qrPng(text: string): Promise<Buffer> {
  // Loaded at the first code drawn: most updates draw none, and the library holds memory.
  const { default: QRCode } = await import("qrcode");
  return QRCode.toBuffer(text, { type: "png", errorCorrectionLevel: "M", margin: 4, width: 600 });
}
