import { h } from "./dom.js";
import uPlot from "./vendor/uplot/uPlot.esm.js";

const COLORS = ["#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2"];

/**
 * A time-series line chart (uPlot on a canvas). `at` are ISO instants, each series `{ label, values }`
 * with null for "no value in this bucket". `format` renders the y axis and legend values.
 */
export function lineChart(title, at, series, { format = (v) => String(v), height = 180, range } = {}) {
  const box = h("figure", { class: "chart" }, h("figcaption", {}, title));
  const x = at.map((t) => Date.parse(t) / 1000);
  const data = [x, ...series.map((s) => s.values)];
  // Drawn once the figure is in the page: uPlot needs the width it may use.
  requestAnimationFrame(() => {
    const width = Math.max(260, box.clientWidth - 8);
    new uPlot(
      {
        width,
        height,
        legend: { show: true },
        scales: { x: { time: true }, ...(range ? { y: { range } } : {}) },
        axes: [{}, { values: (_u, ticks) => ticks.map((v) => format(v)), size: 60 }],
        series: [
          {},
          ...series.map((s, i) => ({
            label: s.label,
            stroke: s.color ?? COLORS[i % COLORS.length],
            width: 2,
            spanGaps: false,
            points: { show: x.length < 60 },
            value: (_u, v) => (v === null || v === undefined ? "—" : format(v)),
          })),
        ],
      },
      data,
      box,
    );
  });
  return box;
}
