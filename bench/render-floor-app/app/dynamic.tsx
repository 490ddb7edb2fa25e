import { headers } from "next/headers";
import { Suspense, type ReactNode } from "react";

// Every page reads a request header, as the bare page does, so nothing is prerendered whole. The
// read is inside Suspense: with cacheComponents, request data outside it fails the build.
async function Heading({ children }: { children?: ReactNode }) {
  const lang = ((await headers()).get("accept-language") ?? "en").slice(0, 2);
  return (
    <>
      <h1>Creator Rewards ({lang})</h1>
      {children}
    </>
  );
}

export function DynamicPage({ children }: { children?: ReactNode }) {
  return (
    <Suspense fallback={null}>
      <Heading>{children}</Heading>
    </Suspense>
  );
}
