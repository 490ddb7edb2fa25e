import { getTranslations } from "next-intl/server";
import type { PayoutStatus } from "@/db/schema";

const STYLES: Record<PayoutStatus, string> = {
  pending_review: "bg-blue-100 text-blue-900",
  held: "bg-amber-100 text-amber-900",
  approved: "bg-teal-100 text-teal-900",
  rejected: "bg-red-100 text-red-900",
  paid: "bg-green-100 text-green-900",
};

/** The payout's status as a coloured label; the text carries the meaning, colour only helps. */
export async function PayoutStatusBadge({ status }: { status: PayoutStatus }) {
  const t = await getTranslations("payouts.status");
  return <PayoutStatusPill status={status} label={t(status)} />;
}

/**
 * The same badge with its label given: for a list, where an async badge per row would be one
 * more suspended component (and one more row of the RSC payload) each.
 */
export function PayoutStatusPill({ status, label }: { status: PayoutStatus; label: string }) {
  return <span className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${STYLES[status]}`}>{label}</span>;
}
