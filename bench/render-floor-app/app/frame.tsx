import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks } from "./nav-links";

const ITEMS = [
  { href: "/creator", label: "Home" },
  { href: "/creator/challenges", label: "Challenges" },
  { href: "/creator/shop", label: "Shop" },
  { href: "/creator/earnings", label: "Earnings" },
  { href: "/creator/payouts", label: "Payouts" },
];

// components/app-shell.tsx's markup with fixed words: the header every signed-in page has (home
// link, navigation island, who is signed in, language and sign-out forms as plain posts).
export function Frame({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-gray-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="font-bold text-brand-700">
            Creator Rewards
          </Link>
          <NavLinks items={ITEMS} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="hidden text-gray-600 sm:inline" title="bench.light@example.com">
              Signed in as Light Creator · Creator
            </span>
            <form method="post" action="/locale" className="inline-flex items-center gap-1 text-sm" aria-label="Language">
              <button type="submit" name="locale" value="en" lang="en" aria-pressed="true" className="rounded px-2 py-1 font-medium uppercase bg-brand-600 text-white">
                en<span className="sr-only"> (English)</span>
              </button>
              <button type="submit" name="locale" value="fr" lang="fr" aria-pressed="false" className="rounded px-2 py-1 font-medium uppercase text-gray-700 hover:bg-gray-100">
                fr<span className="sr-only"> (Français)</span>
              </button>
            </form>
            <form method="post" action="/sign-out">
              <button type="submit" className="rounded px-2 py-1 font-medium text-gray-700 hover:bg-gray-100">
                Sign out
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
