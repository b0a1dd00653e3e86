import { describe, expect, it } from "vitest";
import { qrPng } from "../../src/bot/shared/qr.js";
import { decodeQr } from "../support/qr.js";

describe("QR images", () => {
  it("hold exactly the link they were drawn from", async () => {
    const link = "https://t.me/jastar_test_bot?start=center_almaly-1";
    const png = await qrPng(link);
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(decodeQr(png)).toBe(link);
  });

  it("carry a full-length deep link", async () => {
    // Telegram allows 64 characters of payload: the longest link a poster or card can carry.
    const link = `https://t.me/jastar_test_bot?start=${"card_".padEnd(64, "x")}`;
    expect(decodeQr(await qrPng(link))).toBe(link);
  });
});
