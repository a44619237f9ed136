import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { I18nextProvider } from "react-i18next";

import { createQueryClient } from "../app/queryClient";
import { createI18n } from "../i18n";
import { IpcProvider } from "../ipc/context";
import { createMockBackend } from "../ipc/mock";
import { DataTable, type DataColumn, type DataTableProps } from "./DataTable";

interface Item {
  name: string;
  size: number;
}

const sized = (label: string, drawn?: string[]): DataColumn<Item>[] => [
  { id: "name", header: "Name", accessorFn: (row) => row.name },
  {
    id: "size",
    header: "Size",
    cell: ({ row }) => {
      drawn?.push(row.original.name);
      return `${label} ${row.original.size}`;
    },
  },
];

const ITEMS: Item[] = Array.from({ length: 500 }, (_, at) => ({ name: `item-${at}`, size: at }));

const NONE_SELECTED = { selected: new Set<string>(), onToggle: () => undefined, onToggleAll: () => undefined, label: (row: Item) => `Select ${row.name}` };

/** A long list of 500 rows, all loaded, with a box for each. */
function table(props: Partial<DataTableProps<Item>>) {
  return (
    <DataTable
      columns={sized("size")}
      rows={ITEMS}
      getRowId={(row) => row.name}
      label="Items"
      testId="items"
      widthsKey="items"
      tall
      selection={NONE_SELECTED}
      {...props}
    />
  );
}

function renderTable(props: Partial<DataTableProps<Item>> = {}) {
  const queries = createQueryClient();
  const backend = createMockBackend();
  const i18n = createI18n("en");
  const wrap = (next: Partial<DataTableProps<Item>>) => (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queries}>
        <IpcProvider client={backend}>{table(next)}</IpcProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
  const view = render(wrap(props));
  return {
    ...view,
    update: (next: Partial<DataTableProps<Item>>) => {
      view.rerender(wrap(next));
    },
  };
}

function rowOf(name: string): HTMLElement {
  const row = screen.getByRole("checkbox", { name: `Select ${name}` }).closest<HTMLElement>('[role="row"]');
  if (row === null) throw new Error(`no row holds the box of ${name}`);
  return row;
}

describe("DataTable, a long list", () => {
  beforeEach(() => {
    // The test DOM has no layout: a box of 360 px shows about ten rows.
    vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(360);
    vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(800);
  });

  it("draws its rows again with new columns, as a new language gives", () => {
    const { update } = renderTable();
    expect(within(rowOf("item-1")).getByText("size 1")).toBeInTheDocument();
    update({ columns: sized("Größe") });
    expect(within(rowOf("item-1")).getByText("Größe 1")).toBeInTheDocument();
    expect(screen.queryByText("size 1")).not.toBeInTheDocument();
  });

  it("shows a row's new data and its selection", () => {
    const { update } = renderTable();
    const changed = ITEMS.map((row) => (row.name === "item-2" ? { ...row, size: 99 } : row));
    update({ rows: changed });
    expect(within(rowOf("item-2")).getByText("size 99")).toBeInTheDocument();
    update({ rows: changed, selection: { selected: new Set(["item-2"]), onToggle: vi.fn(), onToggleAll: vi.fn(), label: (row) => `Select ${row.name}` } });
    expect(screen.getByRole("checkbox", { name: "Select item-2" })).toBeChecked();
    expect(rowOf("item-2")).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("checkbox", { name: "Select item-3" })).not.toBeChecked();
  });

  it("does not draw again the rows a new page leaves as they were", () => {
    const drawn: string[] = [];
    const columns = sized("size", drawn);
    const { update } = renderTable({ columns });
    expect(drawn).toContain("item-0");
    drawn.length = 0;
    // A page arriving: a new array around the same rows, and one row that changed.
    update({ columns, rows: ITEMS.map((row) => (row.name === "item-4" ? { ...row, size: 40 } : row)) });
    expect(drawn).toEqual(["item-4"]);
    expect(within(rowOf("item-4")).getByText("size 40")).toBeInTheDocument();
  });
});
