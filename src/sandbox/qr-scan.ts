import jsQRModule from "jsqr";
import { PNG } from "pngjs";

// jsqr is a CommonJS module whose types declare an ES default export; Node hands the function over as the module itself.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

/** The text a QR code in a PNG image holds, read the way a phone's camera would; null if none is found. */
export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}
