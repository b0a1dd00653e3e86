import { describe, expect, it } from "vitest";
import { CHART_WIDTH, renderBarChart, type BarChart } from "../../src/bot/features/figures/chart.js";

const bars = [
  { label: "Алатау ауданы", value: 120, text: "120" },
  { label: "Әуезов ауданы", value: null, text: "< 10" },
  { label: "Түрксіб ауданы", value: 45, text: "45" },
];
const chart = (title: string): BarChart => ({ title, labelAxis: "Аудан", valueAxis: "Кеңестер саны", bars });

/** The width and height a PNG says it has (its IHDR chunk, right after the signature). */
function sizeOf(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("a figures chart", () => {
  it("renders as a PNG of the chart's width, tall enough for its bars", async () => {
    const png = await renderBarChart(chart("Кеңестер"));
    expect(png.length).toBeGreaterThan(1_000);
    const { width, height } = sizeOf(png);
    expect(width).toBe(CHART_WIDTH);
    expect(height).toBeGreaterThan(bars.length * 28);
    expect(height).toBeLessThan(600);
  });

  it("draws Kazakh letters: each title differs from a blank one, and from one another", async () => {
    const blank = await renderBarChart(chart(""));
    // The same words but for their Kazakh letters: a font without them would draw the same
    // "missing letter" box for both, and the pictures would be equal.
    const withSome = await renderBarChart(chart("Әә Ққ Ңң Өө"));
    const withOther = await renderBarChart(chart("Ғғ Ұұ Үү Һһ"));
    expect(withSome.equals(blank)).toBe(false);
    expect(withSome.equals(withOther)).toBe(false);
    expect(sizeOf(withSome)).toEqual(sizeOf(withOther));
  });

  it("is the same picture every time, whatever fonts the machine has", async () => {
    const first = await renderBarChart(chart("Кеңестер саны, 2026"));
    const second = await renderBarChart(chart("Кеңестер саны, 2026"));
    expect(first.equals(second)).toBe(true);
  });
});
