import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { FRAUD_FILTERS, PAYOUT_STATUSES, QUEUE_SORTS, type QueueFilters } from "@/lib/validation/payouts";

const major = (minor: number | undefined) => (minor === undefined ? "" : minor % 100 === 0 ? String(minor / 100) : (minor / 100).toFixed(2));

/** A plain GET form: the filters live in the URL, so a filtered queue can be shared and reloaded. */
export async function QueueFiltersForm({ filters, countries }: { filters: QueueFilters; countries: string[] }) {
  const t = await getTranslations("payouts.queue");
  const ts = await getTranslations("payouts.status");
  return (
    <form method="get" action="/staff/payouts" className="grid grid-cols-2 gap-x-3 gap-y-1 sm:grid-cols-3 lg:grid-cols-[1.4fr_1fr_1fr_1fr_1fr_1.4fr]" aria-label={t("filtersLabel")}>
      <Field id="f-status" label={t("status")}>
        <Select id="f-status" name="status" defaultValue={filters.status}>
          {PAYOUT_STATUSES.map((s) => (
            <option key={s} value={s}>{ts(s)}</option>
          ))}
          <option value="all">{t("allStatuses")}</option>
        </Select>
      </Field>
      <Field id="f-country" label={t("country")}>
        <Select id="f-country" name="country" defaultValue={filters.country ?? ""}>
          <option value="">{t("allCountries")}</option>
          {countries.map((c) => (
            <option key={c} value={c}>{c}</option>
          ))}
        </Select>
      </Field>
      <Field id="f-min" label={t("min")}>
        <TextInput id="f-min" name="min" inputMode="decimal" defaultValue={major(filters.minMinor)} placeholder="0" />
      </Field>
      <Field id="f-max" label={t("max")}>
        <TextInput id="f-max" name="max" inputMode="decimal" defaultValue={major(filters.maxMinor)} placeholder="∞" />
      </Field>
      <Field id="f-fraud" label={t("fraud")}>
        <Select id="f-fraud" name="fraud" defaultValue={filters.fraud}>
          {FRAUD_FILTERS.map((f) => (
            <option key={f} value={f}>{t(`fraudOptions.${f}`)}</option>
          ))}
        </Select>
      </Field>
      <Field id="f-sort" label={t("sort")}>
        <Select id="f-sort" name="sort" defaultValue={filters.sort}>
          {QUEUE_SORTS.map((s) => (
            <option key={s} value={s}>{t(`sorts.${s}`)}</option>
          ))}
        </Select>
      </Field>
      <div className="col-span-full flex items-center gap-2 sm:justify-end">
        <button type="submit" className={buttonClass("primary", "flex-1 sm:flex-none")}>{t("apply")}</button>
        <Link href="/staff/payouts" className={buttonClass("ghost")}>{t("reset")}</Link>
      </div>
    </form>
  );
}
