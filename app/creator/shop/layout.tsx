import type { ReactNode } from "react";
import { ClientMessagesProvider } from "@/lib/i18n/client";
import { clientMessages } from "@/lib/i18n/client-messages";

/** The shop pages' forms and buttons get their own texts in the browser (client-namespaces.ts). */
export default async function ShopLayout({ children }: { children: ReactNode }) {
  return <ClientMessagesProvider messages={await clientMessages("creator/shop")}>{children}</ClientMessagesProvider>;
}
