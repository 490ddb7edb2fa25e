// The bare Next app of issue 17 (bench/README.md): a minimal html/body layout, no providers,
// no fonts, no CSS. The bench's "÷ bare page" ratios are taken against this app's page.
export const metadata = { title: "Bare Next page" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
