"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// components/nav-links.tsx's markup: a client island that marks the current section.
export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main navigation" className="order-last w-full sm:order-none sm:w-auto">
      <ul className="flex flex-wrap gap-1 text-sm">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.href === pathname ? "page" : undefined}
              className={`block whitespace-nowrap rounded-md px-3 py-1.5 font-medium ${item.href === pathname ? "bg-brand-50 text-brand-700" : "text-gray-700 hover:bg-gray-100"}`}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
