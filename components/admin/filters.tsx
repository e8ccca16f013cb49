import Link from "next/link";
import { useTranslations } from "next-intl";
import { AUDIT_EVENTS, eventLabelKey, type AuditQuery } from "@/lib/admin/audit";
import { TWO_FACTOR_STATES, type UserQuery } from "@/lib/admin/users";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";

// Plain GET forms: the filters live in the address, so a result can be bookmarked or shared.

export function UserFilters({ query }: { query: UserQuery }) {
  const t = useTranslations("console.users");
  return (
    <form method="get" action="/admin/users" role="search" aria-label={t("filters")} className="grid gap-4 sm:grid-cols-[1fr_auto_auto] sm:items-end">
      <Field id="q" name="q" type="search" label={t("search")} defaultValue={query.q} maxLength={200} />
      <Select id="state" name="state" label={t("state")} defaultValue={query.state} options={TWO_FACTOR_STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))} />
      {query.sort !== "email" && <input type="hidden" name="sort" value={query.sort} />}
      {query.dir !== "asc" && <input type="hidden" name="dir" value={query.dir} />}
      <Button>{t("submit")}</Button>
    </form>
  );
}

export function AuditFilters({ query }: { query: AuditQuery }) {
  const t = useTranslations("console.audit");
  const te = useTranslations("console.events");
  const events = [{ value: "", label: t("anyEvent") }, ...AUDIT_EVENTS.map((e) => ({ value: e, label: te(eventLabelKey(e)) }))];
  return (
    <form method="get" action="/admin/audit" role="search" aria-label={t("filters")} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field id="user" name="user" type="email" label={t("user")} defaultValue={query.user} autoComplete="off" />
        <Select id="event" name="event" label={t("event")} defaultValue={query.event} options={events} />
        <Field id="admin" name="admin" type="email" label={t("admin")} defaultValue={query.admin} autoComplete="off" />
        <Field id="from" name="from" type="date" label={t("from")} defaultValue={query.from} aria-describedby="dates-hint" />
        <Field id="to" name="to" type="date" label={t("to")} defaultValue={query.to} aria-describedby="dates-hint" />
      </div>
      <p id="dates-hint" className="text-sm text-muted">{t("datesHint")}</p>
      <div className="flex flex-wrap items-center gap-4">
        <Button>{t("submit")}</Button>
        <Link href="/admin/audit">{t("clear")}</Link>
      </div>
    </form>
  );
}
