import Link from "next/link";

/** Links that keep the chosen period in the URL, so it survives reloads and can be shared. */
export function RangePicker<K extends string>({
  options,
  current,
  hrefFor,
  label,
}: {
  options: { key: K; label: string }[];
  current: K;
  hrefFor: (key: K) => string;
  label: string;
}) {
  return (
    <nav aria-label={label} className="inline-flex rounded-md border border-gray-300 bg-white p-0.5 text-sm">
      {options.map((o) => (
        <Link
          key={o.key}
          href={hrefFor(o.key)}
          aria-current={o.key === current ? "true" : undefined}
          className={`rounded px-3 py-1 font-medium ${o.key === current ? "bg-brand-600 text-white" : "text-gray-700 hover:bg-gray-100"}`}
          scroll={false}
        >
          {o.label}
        </Link>
      ))}
    </nav>
  );
}
