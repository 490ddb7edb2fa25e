import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PayoutStatementView } from "@/components/payout-statement";
import { PrintButton } from "@/components/print-button";
import { buttonClass } from "@/components/ui/button";
import { getPayoutStatementForStaff } from "@/lib/dal/statements/queries";
import { AREA_ROLES, requireRole, type Caller } from "@/lib/dal/session";
import { idParam } from "@/lib/params";

type Props = { params: Promise<{ id: string }> };

async function load(caller: Caller, params: Props["params"]) {
  const id = await idParam(params);
  const statement = await getPayoutStatementForStaff(caller, id);
  if (!statement) notFound();
  return statement;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const caller = await requireRole(AREA_ROLES.staff);
  const s = await load(caller, params);
  return { title: (await getTranslations("payouts.statement"))("metaTitle", { id: s.id, period: s.period }) };
}

/** The creator's statement, as staff see it from the review page. */
export default async function StaffStatementPage({ params }: Props) {
  const caller = await requireRole(AREA_ROLES.staff);
  const statement = await load(caller, params);
  const t = await getTranslations("payouts.statement");
  return (
    <div className="space-y-4">
      <p className="print:hidden"><Link href={`/staff/payouts/${statement.id}`} className="text-sm font-medium text-brand-700 hover:underline">← {t("backToReview")}</Link></p>
      <PayoutStatementView
        statement={statement}
        actions={
          <>
            <PrintButton label={t("print")} />
            <a href={`/staff/payouts/${statement.id}/statement.csv`} className={buttonClass("secondary")} download>{t("csv")}</a>
          </>
        }
      />
    </div>
  );
}
