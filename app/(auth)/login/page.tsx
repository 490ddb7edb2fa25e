import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/actions";
import { LanguageSwitch } from "@/components/language-switch";
import { buttonClass } from "@/components/ui/button";
import { facebookConfigured, showDemoAccounts } from "@/lib/env";
import { HOME_BY_ROLE, getCurrentUser } from "@/lib/dal/session";
import { facebookSignInAction } from "./actions";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

const DEMO_ACCOUNTS = ["creator@example.com", "staff@example.com", "staff2@example.com", "marketing@example.com", "admin@example.com"];

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; error?: string; invited?: string }> }) {
  const user = await getCurrentUser();
  if (user) redirect(HOME_BY_ROLE[user.role]);
  const { next, error, invited } = await searchParams;
  const t = await getTranslations("login");
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-4 flex justify-end">
          <LanguageSwitch action={setLocaleAction} />
        </div>
        <div className="rounded-xl border border-gray-200 bg-white p-6 shadow-sm sm:p-8">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">Creator Rewards</p>
          <h1 className="mt-1 text-2xl font-bold">{t("title")}</h1>
          <p className="mt-2 text-sm text-gray-600">{t("subtitle")}</p>
          {invited === "1" && (
            <p role="status" className="mt-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
              {(await getTranslations("invite.accept"))("done")}
            </p>
          )}
          {error && (
            <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {error === "AccessDenied" ? t("errors.oauth") : t("errors.unknown")}
            </p>
          )}
          <div className="mt-6">
            <LoginForm next={next} />
          </div>
          {facebookConfigured() && (
            <>
              <p className="my-4 text-center text-xs uppercase text-gray-500">{t("or")}</p>
              <form action={facebookSignInAction}>
                <button type="submit" className={buttonClass("secondary", "w-full")}>
                  {t("facebook")}
                </button>
              </form>
            </>
          )}
        </div>
        {showDemoAccounts() && (
          <section className="mt-4 rounded-lg bg-brand-50 p-4 text-sm text-gray-700" aria-labelledby="demo-title">
            <h2 id="demo-title" className="font-semibold">{t("demoTitle")}</h2>
            <ul className="mt-1 list-inside list-disc">
              {DEMO_ACCOUNTS.map((email) => (
                <li key={email}>{email}</li>
              ))}
            </ul>
            <p className="mt-1">{t("demoHint")}</p>
          </section>
        )}
      </div>
    </main>
  );
}
