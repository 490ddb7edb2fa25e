import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ClientMessagesProvider } from "@/lib/i18n/client";
import { getLocale, getTranslations } from "next-intl/server";
import { clientMessages } from "@/lib/i18n/client-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("tagline"),
    // Static files live in public/: the icon, the web app manifest, robots.txt.
    icons: { icon: { url: "/icon.svg", type: "image/svg+xml" } },
    manifest: "/manifest.webmanifest",
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("app");
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          {t("skipToContent")}
        </a>
        <ClientMessagesProvider locale={locale} messages={await clientMessages()}>{children}</ClientMessagesProvider>
      </body>
    </html>
  );
}
