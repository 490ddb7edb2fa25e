// The render floor (bench/render-floor.ts): how much a page's markup costs in Next.js itself,
// without the app's data, session, i18n or CSS. The same minimal layout as bench/bare-app.
export const metadata = { title: "Render floor" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
