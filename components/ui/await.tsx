import type { ReactNode } from "react";

/** Renders `children` with a promise's value: inside a Suspense boundary, the part that streams in later. */
export async function Await<T>({ promise, children }: { promise: Promise<T>; children: (value: T) => ReactNode }) {
  return children(await promise);
}
