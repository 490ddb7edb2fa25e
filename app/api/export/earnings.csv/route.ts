import { createTranslator } from "next-intl";
import { openMyEntriesExport, type EarningEntry } from "@/lib/dal/earnings";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import { CSV_BOM, csvDecimal, csvRow, csvText, type CsvSeparator } from "@/lib/domain/csv";
import { toMajorString } from "@/lib/domain/money";
import { rateToDecimalString } from "@/lib/domain/rates";
import { localeOfRequest } from "@/lib/i18n/request-locale";
import { parseEarningsQuery } from "@/lib/validation/shop";
import { catalogs } from "@/messages";

export const dynamic = "force-dynamic";

type T = (key: string, values?: Record<string, string | number>) => string;

/** What the entry came from, as one line of plain text (the page shows the same with links). */
function sourceText(entry: EarningEntry, t: T, locale: string): string {
  const s = entry.source;
  if (!s) return "";
  switch (s.type) {
    case "milestone":
      return t("csvSource.milestone", { position: s.position, title: locale === "fr" ? s.titleFr : s.titleEn });
    case "order":
      return t("csvSource.order", { order: s.orderId, product: s.productTitle, code: s.code });
    case "refund":
      return t("csvSource.refund", { refund: s.refundId, order: s.orderId, product: s.productTitle });
    case "note":
      return s.note;
  }
}

/** "2025-03-01 14:05:09", UTC: a form every spreadsheet reads as a date and time. */
const csvDateTime = (d: Date) => d.toISOString().slice(0, 19).replace("T", " ");

/**
 * The signed-in creator's ledger entries (never payouts) as CSV, with the list's filters
 * (?kind=, ?status=). Separator: `?sep=semicolon` or `?sep=comma`; by default ";" for French
 * readers (with decimal commas, as French spreadsheets expect) and "," otherwise. UTF-8 with a
 * byte order mark, RFC 4180 quoting, CRLF. Streams in batches, so years of entries are fine.
 */
export async function GET(request: Request) {
  await requireRole(AREA_ROLES.creator);
  const url = new URL(request.url);
  const query = parseEarningsQuery(Object.fromEntries(url.searchParams));
  const locale = localeOfRequest(request);
  const sepParam = url.searchParams.get("sep");
  const sep: CsvSeparator = sepParam === "semicolon" ? ";" : sepParam === "comma" ? "," : locale === "fr" ? ";" : ",";
  const { handle, batches } = await openMyEntriesExport(query);
  const t = createTranslator({ locale, messages: catalogs[locale], namespace: "earnings" }) as unknown as T;

  const header = csvRow(
    [t("csv.date"), t("csv.kind"), t("csv.source"), t("csv.amount"), t("csv.currency"), t("csv.status"), t("csv.originalAmount"), t("csv.originalCurrency"), t("csv.rate")],
    sep,
  );
  const line = (e: EarningEntry) =>
    csvRow(
      [
        csvDateTime(e.occurredAt),
        t(`kinds.${e.kind}`),
        csvText(sourceText(e, t, locale)),
        csvDecimal(toMajorString(e.amountMinor), sep),
        e.currency,
        t(`statuses.${e.status}`),
        e.conversion ? csvDecimal(toMajorString(e.conversion.originalAmountMinor), sep) : "",
        e.conversion?.originalCurrency ?? "",
        e.conversion ? csvDecimal(rateToDecimalString(e.conversion.fxRateMicros), sep) : "",
      ],
      sep,
    );

  const encoder = new TextEncoder();
  const iterator = batches();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + header));
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
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
