import type { StatementLine } from "@/lib/dal/statements/queries";

import type { Translate } from "@/lib/i18n/translator";

/** What a statement line is, in words: the milestone, the product and order, or the note. `t` is scoped to "payouts.statement". */
export function lineDescription(t: Translate, line: StatementLine, locale: string): string {
  const title = locale === "fr" ? line.challengeTitleFr : line.challengeTitleEn;
  switch (line.kind) {
    case "bonus":
      // A correction's original column is the whole bonus, not the correction: say what the line is.
      return t(line.bonusCorrection ? "describe.bonusCorrection" : "describe.bonus", { position: line.milestonePosition ?? 0, challenge: title ?? "—" });
    case "commission":
      return t("describe.commission", { product: line.productTitle ?? "—", order: line.orderId ?? "—" });
    case "reversal":
      return t("describe.reversal", { product: line.productTitle ?? "—", order: line.orderId ?? "—" });
    case "clawback":
      return t("describe.clawback", { product: line.productTitle ?? "—", order: line.orderId ?? "—", payout: line.clawbackOfPayoutId ?? "—" });
    case "adjustment":
      return line.note ?? t("kinds.adjustment");
  }
}
