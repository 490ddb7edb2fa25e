import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { setLocaleAction, signOutAction } from "@/app/actions";
import type { Role } from "@/db/schema";
import type { CurrentUser } from "@/lib/dal/session";
import { LanguageSwitch } from "./language-switch";
import { NavLinks, type NavItem } from "./nav-links";

function navFor(role: Role): { href: string; key: string }[] {
  switch (role) {
    case "creator":
      return [
        { href: "/creator", key: "home" },
        { href: "/creator/challenges", key: "challenges" },
        { href: "/creator/shop", key: "shop" },
        { href: "/creator/earnings", key: "earnings" },
        { href: "/creator/payouts", key: "payouts" },
      ];
    case "staff":
      return [
        { href: "/staff/payouts", key: "payouts" },
        { href: "/staff/audit", key: "audit" },
        { href: "/staff/rates", key: "rates" },
      ];
    case "marketing":
      return [{ href: "/marketing/challenges", key: "challenges" }];
    case "admin":
      return [
        { href: "/admin/users", key: "users" },
        { href: "/staff/payouts", key: "payouts" },
        { href: "/staff/audit", key: "audit" },
        { href: "/staff/rates", key: "rates" },
        { href: "/marketing/challenges", key: "challenges" },
      ];
  }
}

type ShellProps = {
  user: CurrentUser;
  /** The app's actions, passed by the area's layout: a shared component does not import a route. */
  actions: { signOut: typeof signOutAction; setLocale: typeof setLocaleAction };
  children: ReactNode;
};

/** The frame of every signed-in page: navigation for the role, the user, language, sign-out. */
export async function AppShell({ user, actions, children }: ShellProps) {
  const t = await getTranslations("nav");
  const tRoles = await getTranslations("roles");
  const items: NavItem[] = navFor(user.role).map((item) => ({ href: item.href, label: t(item.key) }));
  return (
    <div className="min-h-screen">
      <header className="border-b border-gray-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="font-bold text-brand-700">
            Creator Rewards
          </Link>
          <NavLinks items={items} label={t("main")} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="hidden text-gray-600 sm:inline" title={user.email}>
              {t("signedInAs", { name: user.name })} · {tRoles(user.role)}
            </span>
            <LanguageSwitch action={actions.setLocale} />
            <form action={actions.signOut}>
              <button type="submit" className="rounded px-2 py-1 font-medium text-gray-700 hover:bg-gray-100">
                {t("signOut")}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:py-8 print:max-w-none print:p-0">
        {children}
      </main>
    </div>
  );
}
