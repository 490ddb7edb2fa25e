import type { ReactNode } from "react";
import { ClientMessagesProvider } from "@/lib/i18n/client";
import { clientMessages } from "@/lib/i18n/client-messages";

/** The challenges pages' forms and buttons get their own texts in the browser (client-namespaces.ts). */
export default async function ChallengesLayout({ children }: { children: ReactNode }) {
  return <ClientMessagesProvider messages={await clientMessages("creator/challenges")}>{children}</ClientMessagesProvider>;
}
