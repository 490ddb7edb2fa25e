import { createTranslator } from "next-intl";
import { openMyEntriesExport, type EarningEntry } from "@/lib/dal/earnings/queries";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import { csvFormat, csvHeaders, csvLine, csvStart } from "@/lib/domain/csv";
import { kindLabel, sourceText } from "@/lib/i18n/earning-source";
import { localeOfRequest } from "@/lib/i18n/request-locale";
import type { Translate } from "@/lib/i18n/translator";
import { parseEarningsQuery } from "@/lib/validation/shop";
import { catalogs } from "@/messages";

export const dynamic = "force-dynamic";

/**
 * The signed-in creator's ledger entries (never payouts) as CSV, with the list's filters
 * (?kind=, ?status=), in the reader's conventions (lib/domain/csv.ts; `?sep=semicolon` or
 * `?sep=comma` picks the separator, the headers stay in the reader's language). Streams in
 * batches, so years of entries are fine.
 */
export async function GET(request: Request) {
  const caller = await requireRole(AREA_ROLES.creator);
  const url = new URL(request.url);
  const query = parseEarningsQuery(Object.fromEntries(url.searchParams));
  const locale = localeOfRequest(request);
  const format = csvFormat(locale, url.searchParams.get("sep"));
  const { handle, batches } = await openMyEntriesExport(caller, query);
  const t = createTranslator({ locale, messages: catalogs[locale], namespace: "earnings" }) as unknown as Translate;
  const tm = createTranslator({ locale, messages: catalogs[locale], namespace: "payoutMoney" }) as unknown as Translate;

  const header = csvStart(
    [t("csv.date"), t("csv.kind"), t("csv.source"), t("csv.amount"), t("csv.currency"), t("csv.status"), t("csv.originalAmount"), t("csv.originalCurrency"), t("csv.rate")],
    format,
  );
  const line = (e: EarningEntry) =>
    csvLine(
      [
        { dateTime: e.occurredAt },
        kindLabel(e, t, tm),
        sourceText(e, t, tm, locale),
        { money: e.amountMinor },
        e.currency,
        t(`statuses.${e.status}`),
        e.conversion ? { money: e.conversion.originalAmountMinor } : null,
        e.conversion?.originalCurrency,
        e.conversion ? { rate: e.conversion.fxRateMicros } : null,
      ],
      format,
    );

  const encoder = new TextEncoder();
  const iterator = batches();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(header));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map(line).join("")));
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
  const filename = `earnings-${handle}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(body, { headers: csvHeaders(filename) });
}
