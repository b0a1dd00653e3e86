import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { TopLevelSpec } from "vega-lite";

/** One bar: its label and the figure it shows; a hidden figure draws no bar, only its label. */
export interface Bar {
  label: string;
  value: number | null;
  /** What is written at the bar's end ("1 204", "< 10"). */
  text: string;
}

export interface BarChart {
  title: string;
  /** The axis of the labels and the axis of the figures, in the reader's language. */
  labelAxis: string;
  valueAxis: string;
  bars: readonly Bar[];
}

export const CHART_WIDTH = 800;
const BAR_HEIGHT = 28;
const FONT_FAMILY = "DejaVu Sans";

/**
 * The font is DejaVu Sans from the package, with the system's fonts off: it has every Kazakh
 * letter (ә, ғ, қ, ң, ө, ұ, ү, һ, і), and the picture is the same on every machine.
 */
const FONT_FILES = (() => {
  const folder = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
  return [join(folder, "DejaVuSans.ttf"), join(folder, "DejaVuSans-Bold.ttf")];
})();

function specOf(chart: BarChart): TopLevelSpec {
  const values = chart.bars.map((b) => ({ label: b.label, value: b.value ?? 0, text: b.text }));
  // Bars in the order given (months, weeks, districts as listed), not sorted by name.
  // Room after the longest bar for its figure.
  const domainMax = Math.max(1, ...values.map((v) => v.value)) * 1.15;
  const y = { field: "label", type: "nominal", title: chart.labelAxis, sort: null } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: chart.title,
    width: CHART_WIDTH - 300,
    height: { step: BAR_HEIGHT },
    background: "white",
    padding: 16,
    data: { values },
    encoding: { y },
    layer: [
      { mark: { type: "bar", color: "#2f6fb5" }, encoding: { x: { field: "value", type: "quantitative", title: chart.valueAxis, scale: { domainMax } } } },
      { mark: { type: "text", align: "left", dx: 4 }, encoding: { x: { field: "value", type: "quantitative" }, text: { field: "text" } } },
    ],
    config: { font: FONT_FAMILY, title: { fontSize: 16 } },
  };
}

/** The chart as a PNG `CHART_WIDTH` pixels wide, drawn without any network or system font. */
export async function renderBarChart(chart: BarChart): Promise<Buffer> {
  // The drawing libraries take about 30 MB once loaded: a bot loads them for its first chart
  // rather than at every start, since most days nobody asks for one.
  const [{ parse: parseVega, View }, { compile }, { Resvg }] = await Promise.all([import("vega"), import("vega-lite"), import("@resvg/resvg-js")]);
  const view = new View(parseVega(compile(specOf(chart)).spec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  const png = new Resvg(svg, {
    fitTo: { mode: "width", value: CHART_WIDTH },
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT_FAMILY },
  }).render();
  return png.asPng();
}
