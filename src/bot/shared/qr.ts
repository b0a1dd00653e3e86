import QRCode from "qrcode";

/**
 * A QR code as a PNG image, drawn locally: posters and cards carry links into the bot, and no
 * outside service ever sees them. Medium error correction survives a printed poster's wear; the
 * size reads well from a phone at arm's length and still prints sharply on A4.
 */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: "png", errorCorrectionLevel: "M", margin: 4, width: 600 });
}
