import { act, render, screen, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { createI18n } from "../../i18n";
import { formatBytes } from "../uploads/format";
import { SeriesChart } from "./SeriesChart";

// The chart library draws on a canvas, which the test DOM lacks: a stand-in records what the
// component asks of it.
const plots = vi.hoisted(
  () => [] as { options: { series: { stroke?: string }[]; width: number }; data: number[][]; destroyed: boolean; sizes: number[] }[],
);
vi.mock("uplot", () => ({
  default: class {
    record;
    constructor(options: (typeof plots)[number]["options"], data: number[][]) {
      this.record = { options, data, destroyed: false, sizes: [] as number[] };
      plots.push(this.record);
    }
    setSize({ width }: { width: number }) {
      this.record.sizes.push(width);
    }
    destroy() {
      this.record.destroyed = true;
    }
  },
}));

const POINTS = [
  { date: "2024-05-01", value: 1_000_000 },
  { date: "2024-05-02", value: 3_000_000 },
];

function inApp(children: ReactNode) {
  return <I18nextProvider i18n={createI18n("en")}>{children}</I18nextProvider>;
}

/** Tokens as tokens.css sets them: one value per theme, keyed off `data-theme`. */
function addTokens(): HTMLStyleElement {
  const style = document.createElement("style");
  style.textContent = ':root { --chart-line: #102030; } :root[data-theme="dark"] { --chart-line: #a0b0c0; }';
  document.head.append(style);
  return style;
}

describe("series chart", () => {
  let tokens: HTMLStyleElement;
  beforeEach(() => {
    plots.length = 0;
    tokens = addTokens();
  });
  afterEach(() => {
    tokens.remove();
  });

  it("draws where a canvas exists, in the token colours, again when the theme flips", async () => {
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue({} as CanvasRenderingContext2D);
    document.documentElement.dataset["theme"] = "light";
    const view = render(inApp(<SeriesChart title="Storage" points={POINTS} format={formatBytes} testId="chart" />));

    expect(screen.getByTestId("chart")).toHaveAttribute("data-drawn", "true");
    expect(plots).toHaveLength(1);
    expect(plots[0]?.data).toEqual([[0, 1], [1_000_000, 3_000_000]]);
    expect(plots[0]?.options.series[1]?.stroke).toBe("#102030");
    // The values stay readable for screen readers.
    expect(screen.getByTestId("chart-table")).toHaveClass("visually-hidden");

    act(() => {
      document.documentElement.dataset["theme"] = "dark";
    });
    await waitFor(() => {
      expect(plots).toHaveLength(2);
    });
    expect(plots[0]?.destroyed).toBe(true);
    expect(plots[1]?.options.series[1]?.stroke).toBe("#a0b0c0");

    view.unmount();
    expect(plots[1]?.destroyed).toBe(true);
  });

  it("lists the points in a table where there is no canvas", () => {
    render(inApp(<SeriesChart title="Storage" points={POINTS} format={formatBytes} testId="chart" />));
    expect(screen.getByTestId("chart")).toHaveAttribute("data-drawn", "false");
    expect(screen.getByTestId("chart-table")).toHaveTextContent("May 2, 20243 MB");
    expect(plots).toHaveLength(0);
  });

  it("says there is no data instead of drawing an empty series", () => {
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue({} as CanvasRenderingContext2D);
    render(inApp(<SeriesChart title="Traffic" points={[]} format={formatBytes} testId="chart" />));
    expect(screen.getByTestId("chart-empty")).toHaveTextContent("No data for this period.");
    expect(plots).toHaveLength(0);
  });
});
