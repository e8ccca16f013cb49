import { getFormatter, getTranslations } from "next-intl/server";
import { listPasskeys } from "@/lib/two-factor/passkeys";
import { AddPasskey, PasskeyActions } from "./passkey-forms";

/** The security page's "Passkeys and security keys": each with its name, dates and backup state, and "Add a passkey". */
export async function PasskeyList({ userId }: { userId: string }) {
  const [t, format, passkeys] = [await getTranslations("passkeys"), await getFormatter(), await listPasskeys(userId)];
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "long", timeZone: "UTC" });
  return (
    <section className="setting" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">{t("title")}</h2>
      <p>{t("intro")}</p>
      {passkeys.length ? (
        <ul className="stack" aria-label={t("listLabel")}>
          {passkeys.map((p) => (
            <li key={p.id} aria-label={p.name}>
              <strong>{p.name}</strong>
              <br />
              {t("createdOn", { date: when(p.createdAt) })} · {p.lastUsedAt ? t("lastUsed", { time: when(p.lastUsedAt) }) : t("neverUsed")}
              <br />
              {p.backedUp ? t("synced") : t("notSynced")}
              <PasskeyActions id={p.id} name={p.name} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("none")}</p>
      )}
      <AddPasskey />
    </section>
  );
}
