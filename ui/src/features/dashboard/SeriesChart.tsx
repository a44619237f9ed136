import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

import type { ReportPoint } from "../../ipc";
import { useAppliedTheme } from "../../theme/theme";
import { dateFormat } from "../../i18n/formatters";

const HEIGHT = 160;

/** Formats a value for the axis and the table; a module-level function, so the chart is not redrawn each render. */
export type ValueFormat = (value: number, language: string) => string;

/** Whether this document can paint on a canvas (the test DOM cannot: it gets the table instead). */
function canvasAvailable(): boolean {
  try {
    return document.createElement("canvas").getContext("2d") !== null;
  } catch {
    return false;
  }
}

/** `2024-09-01` in the interface language; anything else as it came. */
function formatDay(date: string, language: string, short = false): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const options: Intl.DateTimeFormatOptions = short ? { month: "numeric", day: "numeric" } : { dateStyle: "medium" };
  return dateFormat(language, { ...options, timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

function chartOptions(box: HTMLElement, points: ReportPoint[], format: ValueFormat, language: string): uPlot.Options {
  // The tokens live on the root element, where the theme switches them.
  const style = getComputedStyle(document.documentElement);
  const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const font = `${token("--text-xs", "11px")} ${token("--font-sans", "sans-serif")}`;
  const axis = {
    stroke: token("--chart-axis", "#5d6675"),
    grid: { stroke: token("--chart-grid", "#e4e7ec"), width: 1 },
    ticks: { show: false },
    font,
  };
  return {
    width: box.clientWidth || 320,
    height: HEIGHT,
    legend: { show: false },
    cursor: { show: false },
    // Points are placed by position, so any date text the backend sends works as a label.
    scales: { x: { time: false } },
    series: [
      {},
      {
        stroke: token("--chart-line", "#1f62d0"),
        fill: token("--chart-fill", "transparent"),
        width: 2,
        points: { show: points.length <= 31 },
      },
    ],
    axes: [
      {
        ...axis,
        incrs: [1, 2, 5, 7, 14, 30, 60, 90, 180, 365],
        values: (_plot, splits) =>
          splits.map((at) => (Number.isInteger(at) ? formatDay(points[at]?.date ?? "", language, true) : "")),
      },
      { ...axis, size: 60, values: (_plot, splits) => splits.map((value) => format(value, language)) },
    ],
  };
}

/**
 * A small line chart of a daily series in the theme's colours, as wide as its container. Where no
 * canvas exists, the points show as a table; with a chart, the same table is there for screen
 * readers. An empty series says so in a line.
 */
export function SeriesChart({
  title,
  points,
  format,
  testId,
}: {
  title: string;
  points: ReportPoint[];
  format: ValueFormat;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [drawable] = useState(canvasAvailable);
  const theme = useAppliedTheme();
  const boxRef = useRef<HTMLDivElement>(null);
  const last = points.at(-1);

  useEffect(() => {
    const box = boxRef.current;
    if (!drawable || box === null || points.length === 0) return;
    const plot = new uPlot(chartOptions(box, points, format, language), [points.map((_, at) => at), points.map((p) => p.value)], box);
    const observer = typeof ResizeObserver === "function"
      ? new ResizeObserver(() => {
          plot.setSize({ width: box.clientWidth, height: HEIGHT });
        })
      : null;
    observer?.observe(box);
    return () => {
      observer?.disconnect();
      plot.destroy();
    };
    // Drawn again when the theme flips: the colours are read from the tokens as they are then.
  }, [drawable, points, format, language, theme]);

  return (
    <figure className="chart" data-testid={testId} data-drawn={drawable && points.length > 0}>
      <figcaption className="chart-head">
        <span className="chart-title">{title}</span>
        {last && <span className="muted">{t("dashboard.chart.latest", { value: format(last.value, language) })}</span>}
      </figcaption>
      {points.length === 0 ? (
        <p className="chart-empty" data-testid={`${testId}-empty`}>
          {t("dashboard.chart.noData")}
        </p>
      ) : (
        <>
          {drawable && <div className="chart-plot" ref={boxRef} aria-hidden="true" />}
          <table className={drawable ? "visually-hidden" : "table chart-table"} data-testid={`${testId}-table`}>
            <thead>
              <tr>
                <th scope="col">{t("dashboard.chart.date")}</th>
                <th scope="col" className="cell-number">{t("dashboard.chart.value")}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((point, at) => (
                <tr key={`${String(at)}-${point.date}`}>
                  <td>{formatDay(point.date, language)}</td>
                  <td className="cell-number">{format(point.value, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}
