"use client";

import { Button } from "./ui/button";

/** Opens the browser's print dialog; print CSS hides the app's chrome. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
