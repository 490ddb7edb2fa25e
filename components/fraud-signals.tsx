import { getLocale, getTranslations } from "next-intl/server";
import type { FraudSignal } from "@/lib/dal/payouts/signals";
import { REFUND_RATE_LIMIT, SPIKE_FACTOR, USUAL_AMOUNT_FACTOR } from "@/lib/domain/fraud-thresholds";
import { formatMoney } from "@/lib/domain/money";
import { formatDate, formatNumber } from "@/lib/i18n/format";

/** Short labels for the queue: one chip per signal. */
export async function FraudSignalChips({ signals }: { signals: FraudSignal[] }) {
  const t = await getTranslations("payouts.signals");
  if (signals.length === 0) return <span className="text-gray-500">{t("noneShort")}</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label={t("title")}>
      {signals.map((s) => (
        <li key={s.code} className="whitespace-nowrap rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800 ring-1 ring-red-200">
          ⚑ {t(`${s.code}.title`)}
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
