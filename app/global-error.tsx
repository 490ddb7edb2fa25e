"use client";

// Last resort when the root layout itself fails (for example the database is down at start).
// No providers are available here, so the text is in both languages.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: 560, margin: "96px auto", padding: "0 24px", textAlign: "center" }}>
        <main role="alert">
          <h1>Something went wrong · Un problème est survenu</h1>
          <p>We could not load this page; nothing was saved half-way. Try again in a moment.</p>
          <p lang="fr">Impossible de charger cette page ; rien n&apos;a été enregistré à moitié. Réessayez dans un instant.</p>
          <button type="button" onClick={reset}>Try again · Réessayer</button>
        </main>
      </body>
    </html>
  );
}
