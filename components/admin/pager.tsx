import Link from "next/link";
import { useTranslations } from "next-intl";
import styles from "./admin.module.css";

/** "Page 3 of 12" with links to the pages around it; `href` gives the address of a page. */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const t = useTranslations("console.common");
  return (
    <nav aria-label={t("pagination")} className={styles.pager}>
      <p>{t("pageOf", { page, pages })}</p>
      <ul>
        {page > 1 && <li><Link href={href(Math.min(page - 1, pages))} rel="prev">{t("previous")}</Link></li>}
        {page < pages && <li><Link href={href(page + 1)} rel="next">{t("next")}</Link></li>}
      </ul>
    </nav>
  );
}
