import type { ReactNode } from "react";
import { setLocaleAction, signOutAction } from "@/app/actions";
import { AppShell } from "@/components/app-shell";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";

export default async function CreatorLayout({ children }: { children: ReactNode }) {
  const user = await requireRole(AREA_ROLES.creator);
  // No area provider: the creator's client texts go with the sections that use them
  // (challenges/layout.tsx, shop/layout.tsx); the rest of the area needs only the common ones.
  return (
    <AppShell user={user} actions={{ signOut: signOutAction, setLocale: setLocaleAction }}>
      {children}
    </AppShell>
  );
}
