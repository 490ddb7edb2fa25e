import { getLocale, getTranslations } from "next-intl/server";
import type { FraudSignal } from "@/lib/dal/payouts/signals";
import { REFUND_RATE_LIMIT, SPIKE_FACTOR, USUAL_AMOUNT_FACTOR } from "@/lib/domain/fraud-thresholds";
import { formatMoney } from "@/lib/domain/money";
import { formatDate, formatNumber } from "@/lib/i18n/format";

export type SignalChipLabels = { title: string; none: string } & Record<FraudSignal["code"], string>;

/** The chips' words, read once for a whole list. */
export async function signalChipLabels(): Promise<SignalChipLabels> {
  const t = await getTranslations("payouts.signals");
  const codes = ["activity_spike", "repeat_buyer", "refund_rate", "unusual_amount"] as const satisfies readonly FraudSignal["code"][];
  return { title: t("title"), none: t("noneShort"), ...(Object.fromEntries(codes.map((c) => [c, t(`${c}.title`)])) as Record<FraudSignal["code"], string>) };
}

/**
 * Short labels for the queue: one chip per signal. Synchronous, with the words read once by the
 * page (signalChipLabels): an async component per row was a suspended component each.
 */
export function FraudSignalChips({ signals, labels }: { signals: FraudSignal[]; labels: SignalChipLabels }) {
  if (signals.length === 0) return <span className="text-gray-500">{labels.none}</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label={labels.title}>
      {signals.map((s) => (
        <li key={s.code} className="whitespace-nowrap rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800 ring-1 ring-red-200">
          ⚑ {labels[s.code]}
        </li>
      ))}
    </ul>
  );
}

/** Each signal with the figures behind it, so the reviewer can judge it. */
export async function FraudSignalList({ signals, currency }: { signals: FraudSignal[]; currency: string }) {
  const t = await getTranslations("payouts.signals");
  const locale = await getLocale();
  if (signals.length === 0) return <p className="text-sm text-gray-600">{t("none")}</p>;
  const explain = (s: FraudSignal) => {
    switch (s.code) {
      case "activity_spike":
        return t("activity_spike.explain", { stars: formatNumber(s.stars, locale), day: formatDate(s.day, locale), factor: SPIKE_FACTOR, median: formatNumber(s.median, locale) });
      case "repeat_buyer":
        return t("repeat_buyer.explain", { buyer: s.buyerRef, orders: s.orders });
      case "refund_rate":
        return t("refund_rate.explain", { rate: formatNumber(s.ratePercent, locale), orders: s.orders, limit: REFUND_RATE_LIMIT * 100 });
      case "unusual_amount":
        return t("unusual_amount.explain", { factor: USUAL_AMOUNT_FACTOR, count: s.previousCount, median: formatMoney(s.medianMinor, currency, locale) });
    }
  };
  return (
    <ul className="space-y-2">
      {signals.map((s) => (
        <li key={s.code} className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-semibold">⚑ {t(`${s.code}.title`)}</p>
          <p className="mt-0.5">{explain(s)}</p>
        </li>
      ))}
    </ul>
  );
}
