import Link from "next/link";
import { useTranslations } from "next-intl";
import { AUDIT_EVENTS, eventLabelKey, type AuditQuery } from "@/lib/admin/audit";
import { TWO_FACTOR_STATES, type UserQuery } from "@/lib/admin/users";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import styles from "./admin.module.css";
import { Select } from "./form-controls";

// Plain GET forms: the filters live in the address, so a result can be bookmarked or shared.

export function UserFilters({ query }: { query: UserQuery }) {
  const t = useTranslations("console.users");
  return (
    <form method="get" action="/admin/users" role="search" aria-label={t("filters")} className={styles.filters}>
      <Field id="q" name="q" type="search" label={t("search")} defaultValue={query.q} maxLength={200} />
      <Select id="state" name="state" label={t("state")} defaultValue={query.state} options={TWO_FACTOR_STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))} />
      <Button>{t("submit")}</Button>
    </form>
  );
}

export function AuditFilters({ query }: { query: AuditQuery }) {
  const t = useTranslations("console.audit");
  const te = useTranslations("console.events");
  const events = [{ value: "", label: t("anyEvent") }, ...AUDIT_EVENTS.map((e) => ({ value: e, label: te(eventLabelKey(e)) }))];
  return (
    <form method="get" action="/admin/audit" role="search" aria-label={t("filters")} noValidate className="stack">
      <div className={styles.filters}>
        <Field id="user" name="user" type="email" label={t("user")} defaultValue={query.user} autoComplete="off" />
        <Select id="event" name="event" label={t("event")} defaultValue={query.event} options={events} />
        <Field id="admin" name="admin" type="email" label={t("admin")} defaultValue={query.admin} autoComplete="off" />
      </div>
      <div className={styles.filters}>
        <Field id="from" name="from" type="date" label={t("from")} defaultValue={query.from} aria-describedby="dates-hint" />
        <Field id="to" name="to" type="date" label={t("to")} defaultValue={query.to} aria-describedby="dates-hint" />
      </div>
      <p id="dates-hint" className="hint">{t("datesHint")}</p>
      <div className="actions">
        <Button>{t("submit")}</Button>
        <Link href="/admin/audit">{t("clear")}</Link>
      </div>
    </form>
  );
}
