import type { ReactNode } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronLeft, ChevronRight, Inbox } from "lucide-react";
import { cn } from "./cn";

type SortValue = string | number | Date | null | undefined;

export type Column<Row> = {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** The column that names the row (a <th scope="row">). */
  rowHeader?: boolean;
  /** Sortable: a value to sort by when the table sorts its rows itself (`sort.local`). */
  sortValue?: (row: Row) => SortValue;
  sortable?: boolean;
  className?: string;
};

export type SortState = { by: string; dir: "asc" | "desc"; href: (by: string, dir: "asc" | "desc") => string; local?: boolean };
export type Pagination = { page: number; pages: number; href: (page: number) => string };

const compare = (a: SortValue, b: SortValue) => {
  if (a == null) return b == null ? 0 : 1;
  if (b == null) return -1;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
};

/**
 * The one table of the product: a caption for screen readers, sortable headers (links, so sorting
 * works without JavaScript and survives a reload; aria-sort on the sorted column), pages, and an
 * empty state. On a narrow screen it scrolls sideways inside a focusable, named region.
 */
export function DataTable<Row>({ columns, rows, rowKey, caption, sort, pagination, empty }: { columns: Column<Row>[]; rows: Row[]; rowKey: (row: Row) => string; caption: string; sort?: SortState; pagination?: Pagination; empty: ReactNode }) {
  const t = useTranslations("ui");
  if (rows.length === 0)
    return (
      <div className="flex flex-col items-center gap-2 rounded-md border border-dashed border-line px-4 py-8 text-center text-muted">
        <Inbox aria-hidden className="size-8" />
        <p>{empty}</p>
      </div>
    );
  const sortColumn = sort && columns.find((c) => c.key === sort.by);
  const shown = sort?.local && sortColumn?.sortValue ? [...rows].sort((a, b) => compare(sortColumn.sortValue!(a), sortColumn.sortValue!(b)) * (sort.dir === "asc" ? 1 : -1)) : rows;
  return (
    <div className="space-y-3">
      <div className="relative overflow-x-auto rounded-md border border-line" role="region" aria-label={t("scroll", { name: caption })} tabIndex={0}>
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-surface-muted">
            <tr>
              {columns.map((c) => {
                const sorted = sort?.by === c.key ? sort.dir : undefined;
                const canSort = sort && (c.sortable || c.sortValue);
                const Icon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ArrowUpDown;
                return (
                  <th key={c.key} scope="col" aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined} className={cn("px-3 py-2 font-semibold align-bottom", c.className)}>
                    {canSort ? (
                      <Link href={sort.href(c.key, sorted === "asc" ? "desc" : "asc")} className="inline-flex items-center gap-1 text-fg no-underline hover:underline">
                        {c.header}
                        <Icon aria-hidden className="size-3.5 shrink-0" />
                        <span className="sr-only">{sorted ? t(sorted === "asc" ? "sortedAsc" : "sortedDesc") : t("sortable")}</span>
                      </Link>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={rowKey(row)} className="border-t border-line align-top">
                {columns.map((c) =>
                  c.rowHeader ? (
                    <th key={c.key} scope="row" className={cn("px-3 py-2 font-medium [overflow-wrap:anywhere]", c.className)}>{c.cell(row)}</th>
                  ) : (
                    <td key={c.key} className={cn("px-3 py-2", c.className)}>{c.cell(row)}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pagination && pagination.pages > 1 && <Pager {...pagination} />}
    </div>
  );
}

/** "Page 3 of 12" with links to the previous and next pages. */
export function Pager({ page, pages, href }: Pagination) {
  const t = useTranslations("ui");
  const link = "inline-flex min-h-11 items-center gap-1 rounded-md border border-line bg-surface px-3 no-underline text-fg hover:bg-surface-muted";
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-muted">{t("pageOf", { page, pages })}</p>
      <ul className="flex gap-2" role="list">
        {page > 1 && (
          <li><Link href={href(Math.min(page - 1, pages))} rel="prev" className={link}><ChevronLeft aria-hidden className="size-4" />{t("previous")}</Link></li>
        )}
        {page < pages && (
          <li><Link href={href(page + 1)} rel="next" className={link}>{t("next")}<ChevronRight aria-hidden className="size-4" /></Link></li>
        )}
      </ul>
    </nav>
  );
}
