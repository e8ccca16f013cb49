import { getFormatter, getTranslations } from "next-intl/server";
import { latestRequestOf } from "@/lib/admin/requests";
import { Notice } from "@/components/ui/notice";

/** The person's latest lost-access request and its state, shown at the second sign-in step. */
export async function RequestStatus({ userId }: { userId: string }) {
  const request = await latestRequestOf(userId);
  if (!request?.reference) return null;
  const [t, format] = [await getTranslations("recovery.request"), await getFormatter()];
  const kind = request.status === "open" ? (request.infoRequestedAt ? "info" : "open") : request.status === "rejected" ? "rejected" : "resolved";
  const status = t(`statuses.${kind}`, { message: request.response ?? "" });
  const time = `${format.dateTime(request.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
  return <Notice tone="info">{t("yourRequest", { reference: request.reference, time, status })}</Notice>;
}
