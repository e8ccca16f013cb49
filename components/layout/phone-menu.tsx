"use client";

import { usePathname } from "next/navigation";
import { Menu as MenuIcon } from "lucide-react";
import { signOutAction } from "@/lib/actions/auth";
import { Menu } from "@/components/ui/menu";

/** The header's links and sign-out in one menu, shown on screens narrower than `md` only. */
export function PhoneMenu({ links, label, signOut }: { links: { href: string; label: string }[]; label: string; signOut: string }) {
  const pathname = usePathname();
  return (
    <div className="md:hidden">
      <Menu
        label={label}
        trigger={<MenuIcon aria-hidden />}
        entries={[
          ...links.map((l) => ({ kind: "link" as const, href: l.href, label: l.label, current: pathname === l.href })),
          { kind: "separator" },
          { kind: "action", label: signOut, onSelect: () => void signOutAction() },
        ]}
      />
    </div>
  );
}
