import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Languages } from "lucide-react";
import { CLOSED_REQUESTS_SHOWN, listResetRequests, recoveryNote } from "@/lib/admin/requests";
import { requireAdmin } from "@/lib/auth/guard";
import { languageName } from "@/lib/i18n/locales";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, DetailList, Page } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";
import { Tabs } from "@/components/ui/tabs";
import { RequestCase } from "@/components/recovery/request-case";
import { RequestAnswer } from "@/components/admin/request-answer";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.requests"))("title") };
}

type Closed = Awaited<ReturnType<typeof listResetRequests>>["closed"][number];

export default async function RequestsPage({ searchParams }: { searchParams: Promise<{ answered?: string; sort?: string; dir?: string }> }) {
  const admin = await requireAdmin();
  const { answered, sort, dir } = await searchParams;
  const [t, tc, locale, format, { open, closed }] = [await getTranslations("console.requests"), await getTranslations("console.common"), await getLocale(), await getFormatter(), await listResetRequests()];
  const tn = await getTranslations("recovery.request.notes");
  const status = (s: string) => (s === "resolved" || s === "rejected" || s === "open" ? t(`statuses.${s}`) : s);
  const by = ["received", "name", "status", "answeredAt"].includes(sort ?? "") ? sort! : "received";
  const columns: Column<Closed>[] = [
    { key: "received", header: t("received"), sortValue: (r) => r.createdAt, cell: (r) => <LocalTime date={r.createdAt} /> },
    { key: "name", header: t("name"), rowHeader: true, sortValue: (r) => r.fullName, cell: (r) => r.fullName },
    { key: "email", header: t("email"), cell: (r) => (r.userId ? <Link href={`/admin/users/${r.userId}`}>{r.email}</Link> : r.email) },
    { key: "status", header: t("status"), sortValue: (r) => r.status, cell: (r) => <Badge tone={r.status === "resolved" ? "success" : "neutral"}>{status(r.status)}</Badge> },
    { key: "answeredBy", header: t("answeredBy"), cell: (r) => r.resolvedByEmail ?? tc("none") },
    { key: "answeredAt", header: t("answeredAt"), sortValue: (r) => r.resolvedAt, cell: (r) => (r.resolvedAt ? <LocalTime date={r.resolvedAt} /> : tc("none")) },
    { key: "response", header: t("response"), className: "min-w-64 whitespace-pre-wrap", cell: (r) => ((note) => (note ? tn(note) : (r.response ?? tc("none"))))(recoveryNote(r.response)) },
  ];
  const href = (key: string, d: "asc" | "desc") => `/admin/requests?sort=${key}&dir=${d}#closed`;
  return (
    <Page width="full" title={t("title")} intro={t("intro")}>
      {(answered === "resolved" || answered === "rejected") && <Alert tone="success">{t("answered", { outcome: answered })}</Alert>}
      {answered === "info" && <Alert tone="success">{(await getTranslations("recovery.request"))("infoSent")}</Alert>}
      <Tabs
        label={t("title")}
        defaultValue={sort ? "closed" : "open"}
        tabs={[
          {
            value: "open",
            label: `${t("open")} (${format.number(open.length)})`,
            content:
              open.length === 0 ? (
                <p>{t("noOpen")}</p>
              ) : (
                open.map((r) => (
                  <Card key={r.id} as="section" labelledBy={`request-${r.id}`}>
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <h2 id={`request-${r.id}`} className="text-xl">{r.fullName}</h2>
                      <Badge tone="info"><Languages aria-hidden className="size-4" />{t("language", { language: languageName(r.locale, locale) })}</Badge>
                    </div>
                    <DetailList
                      items={[
                        { label: t("received"), value: <LocalTime date={r.createdAt} /> },
                        { label: t("organisation"), value: r.organisation },
                        { label: t("email"), value: r.email },
                        { label: t("phone"), value: r.phone },
                        { label: t("explanation"), value: <span className="whitespace-pre-wrap">{r.explanation}</span> },
                      ]}
                    />
                    <p>{r.userId ? <Link href={`/admin/users/${r.userId}`}>{t("account", { email: r.email })}</Link> : t("noAccount")}</p>
                    <RequestCase request={r} adminId={admin.id} />
                    <RequestAnswer requestId={r.id} />
                  </Card>
                ))
              ),
          },
          {
            value: "closed",
            label: t("closed"),
            content: (
              <div id="closed" className="space-y-3">
                {closed.length > 0 && <p>{t("closedIntro", { count: CLOSED_REQUESTS_SHOWN })}</p>}
                <DataTable columns={columns} rows={closed} rowKey={(r) => r.id} caption={t("caption")} sort={{ by, dir: dir === "asc" ? "asc" : "desc", href, local: true }} empty={t("noClosed")} />
              </div>
            ),
          },
        ]}
      />
    </Page>
  );
}
