import { z } from "zod";
import { startOfDayIn } from "../dates";
import { db } from "../db";
import { cleanText } from "../form";
import type { Policy } from "../policy";
import { announcementDay, policySettings, toPolicy } from "../settings";
import { atRiskWhere, riskReasonsOf, RISK_REASONS, type RiskReason } from "../rollout/audience";
import { CSV_BOM, csvLine } from "./csv";
import { userWhere } from "./users";

export const AT_RISK_PER_PAGE = 50;

// Anything unreadable in the address falls back to every reason, first page.
export const AtRiskQuery = z.object({
  q: z.string().transform(cleanText).pipe(z.string().trim().max(200)).catch(""),
  reason: z.enum(["all", ...RISK_REASONS]).catch("all"),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});
export type AtRiskQuery = z.infer<typeof AtRiskQuery>;

export function readAtRiskQuery(params: Record<string, string | string[] | undefined>): AtRiskQuery {
  return AtRiskQuery.parse(params);
}

/** The address of a page of the list, leaving out what is the default. */
export function atRiskHref(query: AtRiskQuery, page = query.page, path = "/admin/at-risk"): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.reason !== "all") params.set("reason", query.reason);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function context(now: Date) {
  const settings = await policySettings();
  const policy = toPolicy(settings);
  return { policy, announced: startOfDayIn(announcementDay(settings), settings.timeZone), now };
}

function where(query: Pick<AtRiskQuery, "q" | "reason">, c: { policy: Policy; announced: Date; now: Date }) {
  const reasons = query.reason === "all" ? RISK_REASONS : [query.reason];
  return { AND: [atRiskWhere(c.policy, c.announced, c.now, reasons), userWhere({ q: query.q, state: "all" })] };
}

const LISTED = { id: true, email: true, name: true, createdAt: true, lastSignInAt: true, snoozesUsed: true, personalDeadline: true, wizardStartedAt: true } as const;

/**
 * One page of the accounts that will hit the wall (lib/rollout/audience.ts), filtered and paged by
 * the database, each with its reasons; how many match; and how many have each reason.
 */
export async function atRiskAccounts(query: AtRiskQuery, now = new Date()) {
  const c = await context(now);
  const w = where(query, c);
  const [total, rows, ...perReason] = await Promise.all([
    db.user.count({ where: w }),
    db.user.findMany({ where: w, orderBy: { email: "asc" }, skip: (query.page - 1) * AT_RISK_PER_PAGE, take: AT_RISK_PER_PAGE, select: LISTED }),
    ...RISK_REASONS.map((r) => db.user.count({ where: where({ q: query.q, reason: r }, c) })),
  ]);
  return {
    users: rows.map((u) => ({ ...u, reasons: riskReasonsOf(u, c.policy, c.announced, now) })),
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / AT_RISK_PER_PAGE)),
    counts: Object.fromEntries(RISK_REASONS.map((r, i) => [r, perReason[i]!])) as Record<RiskReason, number>,
  };
}

export const AT_RISK_COLUMNS = ["email", "name", "reasons", "last_sign_in_at", "snoozes_used", "personal_deadline", "wizard_started_at"] as const;

/** How the file reads: headers and reasons in the reader's language, the separator their Excel expects. */
export type AtRiskCsvFormat = { headers: Record<(typeof AT_RISK_COLUMNS)[number], string>; reason: (reason: RiskReason) => string; separator: "," | ";" };

const RAW: AtRiskCsvFormat = { headers: Object.fromEntries(AT_RISK_COLUMNS.map((c) => [c, c])) as AtRiskCsvFormat["headers"], reason: (r) => r, separator: "," };

/** The at-risk accounts that match the filters, as CSV text: the BOM and header, then a chunk per batch of 1,000 accounts (by email). */
export async function* atRiskCsv(query: Pick<AtRiskQuery, "q" | "reason">, format: AtRiskCsvFormat = RAW, now = new Date()): AsyncGenerator<string> {
  const c = await context(now);
  const w = where(query, c);
  yield CSV_BOM + csvLine(AT_RISK_COLUMNS.map((col) => format.headers[col]), format.separator);
  let after: string | undefined;
  for (;;) {
    const batch = await db.user.findMany({ where: after === undefined ? w : { AND: [w, { email: { gt: after } }] }, orderBy: { email: "asc" }, take: 1000, select: LISTED });
    if (!batch.length) return;
    yield batch
      .map((u) => csvLine([u.email, u.name, riskReasonsOf(u, c.policy, c.announced, now).map(format.reason).join(" / "), u.lastSignInAt, u.snoozesUsed, u.personalDeadline, u.wizardStartedAt], format.separator))
      .join("");
    after = batch[batch.length - 1]!.email;
  }
}
