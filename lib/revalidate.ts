import { revalidatePath } from "next/cache";

/** Refreshes cached pages under `path` after a write; a no-op outside a Next request (tests, scripts). */
export function revalidate(path: string): void {
  try {
    revalidatePath(path, "layout");
  } catch {
    // Outside a request there is no cache to refresh.
  }
}
