import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/actions";
import { LanguageSwitch } from "@/components/language-switch";
import { buttonClass } from "@/components/ui/button";
import { invitationState } from "@/lib/dal/accounts/invitations";
import { safeParam } from "@/lib/validation/safe-text";
import { AcceptInviteForm } from "./accept-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invite.accept"))("title") };
}

/** The one-time link of an invitation: set a name and a password. Reading it changes nothing. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const raw = safeParam((await params).token);
  // Tokens are base64url; anything else cannot match and is answered like an unknown link.
  const token = raw && /^[A-Za-z0-9_-]{1,200}$/.test(raw) ? raw : undefined;
  const invitation = token ? await invitationState(token) : { state: "invalid" as const };
  const t = await getTranslations("invite.accept");
  const tr = await getTranslations("roles");
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-4 flex justify-end">
          <LanguageSwitch action={setLocaleAction} />
        </div>
        <div className="rounded-xl border border-gray-200 bg-white p-6 shadow-sm sm:p-8">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">Creator Rewards</p>
          {invitation.state === "open" && token ? (
            <>
              <h1 className="mt-1 text-2xl font-bold">{t("title")}</h1>
              <p className="mt-2 text-sm text-gray-600">{t("subtitle", { email: invitation.email ?? "", role: tr(invitation.role ?? "staff") })}</p>
              <div className="mt-6">
                <AcceptInviteForm token={token} />
              </div>
            </>
          ) : (
            <>
              <h1 className="mt-1 text-2xl font-bold">{t(`${invitation.state}.title`)}</h1>
              <p className="mt-2 text-sm text-gray-600">{t(`${invitation.state}.body`)}</p>
              <Link href="/login" className={buttonClass("secondary", "mt-6 w-full")}>{t("toLogin")}</Link>
            </>
          )}
        </div>
      </div>
    </main>
  );
}
