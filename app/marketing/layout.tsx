import type { ReactNode } from "react";
import { ClientMessagesProvider } from "@/lib/i18n/client";
import { setLocaleAction, signOutAction } from "@/app/actions";
import { AppShell } from "@/components/app-shell";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import { clientMessages } from "@/lib/i18n/client-messages";

export default async function MarketingLayout({ children }: { children: ReactNode }) {
  const user = await requireRole(AREA_ROLES.marketing);
  // The area's forms and buttons get their own texts in the browser, not the whole catalog.
  return (
    <ClientMessagesProvider messages={await clientMessages("marketing")}>
      <AppShell user={user} actions={{ signOut: signOutAction, setLocale: setLocaleAction }}>{children}</AppShell>
    </ClientMessagesProvider>
  );
}
