"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { remindSelected, type RemindSelectedState } from "@/lib/actions/rollout";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Checkbox } from "@/components/ui/field";
import { Form } from "@/components/ui/form";

export type AtRiskRow = { id: string; email: string; name: string; lastSignInAt: Date | null; snoozesUsed: number; personalDeadline: Date | null; reasons: string[] };

/** The at-risk accounts of one page, each with a box to tick, and "send a reminder now" for the ticked ones. */
export function AtRiskTable({ rows, caption }: { rows: AtRiskRow[]; caption: string }) {
  const t = useTranslations("console.atRisk");
  const tc = useTranslations("console.common");
  const format = useFormatter();
  const [state, action, pending] = useActionState<RemindSelectedState, FormData>(remindSelected, {});
  const when = (date: Date | null) => (date ? `${format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC` : tc("never"));
  const columns: Column<AtRiskRow>[] = [
    { key: "select", header: <span className="sr-only">{t("selectAll")}</span>, cell: (u) => <Checkbox id={`select-${u.id}`} name="userId" value={u.id} label={<span className="sr-only">{t("select", { email: u.email })}</span>} /> },
    { key: "email", header: t("email"), rowHeader: true, cell: (u) => <Link href={`/admin/users/${u.id}`}>{u.email}</Link> },
    { key: "name", header: t("name"), cell: (u) => u.name },
    { key: "reasons", header: t("reason"), cell: (u) => <span className="flex flex-wrap gap-1">{u.reasons.map((r) => <Badge key={r} tone="warning">{t(`reasons.${r}`)}</Badge>)}</span> },
    { key: "lastSignIn", header: t("lastSignIn"), cell: (u) => when(u.lastSignInAt) },
    { key: "snoozes", header: t("snoozesUsed"), cell: (u) => format.number(u.snoozesUsed) },
    { key: "deadline", header: t("deadline"), cell: (u) => (u.personalDeadline ? when(u.personalDeadline) : "") },
  ];
  return (
    <Form action={action} answer={state}>
      {state.sent !== undefined && (
        <Alert tone={state.sent ? "success" : "info"}>
          {state.sent || !state.recent ? t("sent", { count: state.sent }) : null} {state.recent ? t("sentRecently", { count: state.recent }) : null}
        </Alert>
      )}
      <DataTable columns={columns} rows={rows} rowKey={(u) => u.id} caption={caption} empty={t("total", { count: 0 })} />
      {rows.length > 0 && <Button disabled={pending}>{t("sendReminder")}</Button>}
    </Form>
  );
}
