"use client";

import { useEffect, useRef, useState } from "react";

const PLACEHOLDERS = { none: "/products/placeholder.svg", broken: "/products/placeholder-broken.svg" } as const;

/**
 * A product picture from wherever the creator or merchant hosts it, or a placeholder from public/
 * when there is none or it fails to load (also when it failed before hydration). Decorative: the
 * title is always next to it.
 */
export function ProductImage({ src, className = "h-16 w-16" }: { src: string | null; className?: string }) {
  const [failed, setFailed] = useState(false);
  const ref = useRef<HTMLImageElement>(null);
  useEffect(() => {
    const img = ref.current;
    // An image that failed before React attached onError is complete with no size.
    if (img && img.complete && img.naturalWidth === 0) setFailed(true);
  }, [src]);
  if (!src || failed) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- a tiny static SVG; next/image adds nothing here
      <img
        src={failed ? PLACEHOLDERS.broken : PLACEHOLDERS.none}
        alt=""
        data-placeholder={failed ? "broken" : "none"}
        className={`${className} shrink-0 rounded-md bg-brand-50 object-cover`}
      />
    );
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- images live on any host the creator or merchant uses; next/image needs every host configured
    <img ref={ref} src={src} alt="" loading="lazy" referrerPolicy="no-referrer" onError={() => setFailed(true)} className={`${className} shrink-0 rounded-md bg-gray-100 object-cover`} />
  );
}
