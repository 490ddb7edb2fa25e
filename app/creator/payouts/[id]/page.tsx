import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PayoutStatementView } from "@/components/payout-statement";
import { PrintButton } from "@/components/print-button";
import { buttonClass } from "@/components/ui/button";
import { getMyPayoutStatement } from "@/lib/dal/statements/queries";
import { AREA_ROLES, requireRole, type Caller } from "@/lib/dal/session";
import { idParam } from "@/lib/params";

type Props = { params: Promise<{ id: string }> };

async function load(caller: Caller, params: Props["params"]) {
  const id = await idParam(params);
  // Ownership is in the query: another creator's payout is simply not found.
  const statement = await getMyPayoutStatement(caller, id);
  if (!statement) notFound();
  return statement;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const caller = await requireRole(AREA_ROLES.creator);
  const s = await load(caller, params);
  return { title: (await getTranslations("payouts.statement"))("metaTitle", { id: s.id, period: s.period }) };
}

export default async function CreatorStatementPage({ params }: Props) {
  const caller = await requireRole(AREA_ROLES.creator);
  const statement = await load(caller, params);
  const t = await getTranslations("payouts.statement");
  return (
    <div className="space-y-4">
      <p className="print:hidden"><Link href="/creator/payouts" className="text-sm font-medium text-brand-700 hover:underline">← {t("backToPayouts")}</Link></p>
      <PayoutStatementView
        statement={statement}
        actions={
          <>
            <PrintButton label={t("print")} />
            <a href={`/creator/payouts/${statement.id}/statement.csv`} className={buttonClass("secondary")} download>{t("csv")}</a>
          </>
        }
      />
    </div>
  );
}
