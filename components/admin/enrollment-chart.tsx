import { useFormatter, useTranslations } from "next-intl";
import type { DayCount } from "@/lib/admin/overview";
import styles from "./admin.module.css";

const WIDTH = 600;
const HEIGHT = 180;
const TOP = 16;
const BOTTOM = 22;
const GAP = 3;

/** Bars drawn by hand: the SVG is one image described by its summary; the numbers are in a table for screen readers. */
export function EnrollmentChart({ days }: { days: DayCount[] }) {
  const t = useTranslations("console.overview");
  const format = useFormatter();
  const dayLabel = (day: string) => format.dateTime(new Date(`${day}T00:00:00Z`), { day: "numeric", month: "short", timeZone: "UTC" });
  const max = Math.max(0, ...days.map((d) => d.count));
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const plot = HEIGHT - TOP - BOTTOM;
  const step = WIDTH / Math.max(1, days.length);
  const first = days[0]?.day;
  const last = days[days.length - 1]?.day;
  const summary = t("chartSummary", { total, max, from: first ? dayLabel(first) : "", to: last ? dayLabel(last) : "" });
  return (
    <section aria-labelledby="enrollments-title">
      <h2 id="enrollments-title">{t("chartTitle")}</h2>
      <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="enrollments-svg-title" aria-describedby="enrollments-summary">
        <title id="enrollments-svg-title">{t("chartTitle")}</title>
        <line x1={0} x2={WIDTH} y1={TOP + plot} y2={TOP + plot} />
        {days.map((d, i) => {
          const height = max ? (d.count / max) * plot : 0;
          return (
            <rect key={d.day} x={i * step + GAP / 2} y={TOP + plot - height} width={step - GAP} height={height} fill="currentColor">
              <title>{t("chartBar", { day: dayLabel(d.day), count: d.count })}</title>
            </rect>
          );
        })}
        <text x={0} y={TOP - 4}>{format.number(max)}</text>
        {first && <text x={0} y={HEIGHT - 6}>{dayLabel(first)}</text>}
        {last && <text x={WIDTH} y={HEIGHT - 6} textAnchor="end">{dayLabel(last)}</text>}
      </svg>
      <p id="enrollments-summary">{summary}</p>
      <table className={styles.visuallyHidden}>
        <caption>{t("chartTable")}</caption>
        <thead>
          <tr><th scope="col">{t("day")}</th><th scope="col">{t("enrollments")}</th></tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}><th scope="row">{dayLabel(d.day)}</th><td>{format.number(d.count)}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
