import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";

export default async function CreatorLayout({ children }: { children: ReactNode }) {
  const user = await requireRole(AREA_ROLES.creator);
  return <AppShell user={user}>{children}</AppShell>;
}
