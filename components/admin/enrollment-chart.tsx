"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DayCount } from "@/lib/admin/overview";

type Point = { day: string; count: number | null; share: number | null };

/**
 * Enrollments per day (bars, left axis) and the share of accounts with 2FA (line, right axis, up
 * to 100%), with the cutoff date marked. The chart is one image to screen readers; the numbers are
 * in a table under it.
 */
export function EnrollmentChart({ days, accounts, withTwoFactor, cutoff }: { days: DayCount[]; accounts: number; withTwoFactor: number; cutoff: string }) {
  const t = useTranslations("console.overview");
  const format = useFormatter();
  const dayLabel = (day: string) => format.dateTime(new Date(`${day}T00:00:00Z`), { day: "numeric", month: "short", timeZone: "UTC" });
  const total = days.reduce((sum, d) => sum + d.count, 0);
  // Enrolled at the end of each day: today's count minus what came after (turned-off factors are not subtracted).
  let after = 0;
  const shares = [...days].reverse().map((d) => {
    const share = accounts ? (withTwoFactor - after) / accounts : 0;
    after += d.count;
    return share;
  });
  shares.reverse();
  const points: Point[] = days.map((d, i) => ({ day: d.day, count: d.count, share: shares[i]! }));
  const last = days[days.length - 1]?.day;
  // The cutoff within the next 60 days extends the time axis to it, so the goal is in sight.
  if (last && cutoff > last) {
    const end = new Date(`${cutoff}T00:00:00Z`).getTime();
    for (let t0 = new Date(`${last}T00:00:00Z`).getTime() + 86_400_000; t0 <= end && points.length < days.length + 60; t0 += 86_400_000) {
      points.push({ day: new Date(t0).toISOString().slice(0, 10), count: null, share: null });
    }
  }
  const cutoffShown = points.some((p) => p.day === cutoff);
  const max = Math.max(0, ...days.map((d) => d.count));
  const summary = t("chartSummary", { total, max, from: days[0] ? dayLabel(days[0].day) : "", to: last ? dayLabel(last) : "" });
  const percent = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 0 });
  return (
    <section aria-labelledby="enrollments-title" className="space-y-3">
      <h2 id="enrollments-title" className="text-xl">{t("chartTitle")}</h2>
      <div role="img" aria-labelledby="enrollments-title" aria-describedby="enrollments-summary" className="h-72 w-full text-muted">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={points} margin={{ top: 8, right: 0, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="var(--line)" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={dayLabel} tick={{ fill: "var(--muted)", fontSize: 12 }} minTickGap={24} stroke="var(--line)" />
            <YAxis yAxisId="count" allowDecimals={false} tick={{ fill: "var(--muted)", fontSize: 12 }} stroke="var(--line)" />
            <YAxis yAxisId="share" orientation="right" domain={[0, 1]} tickFormatter={percent} tick={{ fill: "var(--muted)", fontSize: 12 }} stroke="var(--line)" width={48} />
            <Tooltip
              labelFormatter={(d) => dayLabel(String(d))}
              formatter={(value, name) => (name === "share" ? [percent(Number(value)), t("share")] : [format.number(Number(value)), t("enrollments")])}
              contentStyle={{ background: "var(--surface)", border: "1px solid var(--line)", color: "var(--fg)" }}
            />
            <Bar yAxisId="count" dataKey="count" fill="var(--accent)" radius={[2, 2, 0, 0]} isAnimationActive={false} />
            <Line yAxisId="share" dataKey="share" stroke="var(--ok)" strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
            {cutoffShown && <ReferenceLine yAxisId="count" x={cutoff} stroke="var(--danger)" strokeDasharray="4 2" label={{ value: t("cutoffMark"), fill: "var(--danger)", fontSize: 12, position: "insideTopRight" }} />}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <p id="enrollments-summary" className="text-sm text-muted">{summary} {t("shareNow", { share: percent(accounts ? withTwoFactor / accounts : 0) })}</p>
      <details className="text-sm">
        <summary className="cursor-pointer">{t("chartTable")}</summary>
        <table className="mt-2 w-full max-w-sm text-left">
          <caption className="sr-only">{t("chartTable")}</caption>
          <thead>
            <tr><th scope="col">{t("day")}</th><th scope="col">{t("enrollments")}</th><th scope="col">{t("share")}</th></tr>
          </thead>
          <tbody>
            {days.map((d, i) => (
              <tr key={d.day}><th scope="row" className="font-normal">{dayLabel(d.day)}</th><td>{format.number(d.count)}</td><td>{percent(shares[i]!)}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
