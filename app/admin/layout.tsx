import type { ReactNode } from "react";
import { requireAdmin } from "@/lib/auth/guard";
import { AdminNav } from "@/components/admin/admin-nav";

/** The support console: side navigation on a wide screen, a menu of sections on a phone. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin();
  return (
    <div className="mx-auto grid w-full max-w-7xl gap-6 md:grid-cols-[13rem_minmax(0,1fr)]">
      <AdminNav />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
