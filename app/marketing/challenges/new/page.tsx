import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { listCreatorCountries } from "@/lib/dal/challenge-authoring/queries";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import { MIDDLE_CLASS } from "@/lib/domain/eligibility";
import { editableFields } from "@/lib/domain/challenge-transitions";
import { ChallengeForm } from "../_components/challenge-form";
import { formOptions, formValues } from "../_components/form-setup";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("marketing.form"))("newTitle") };
}

export default async function NewChallengePage() {
  const caller = await requireRole(AREA_ROLES.marketing);
  const t = await getTranslations("marketing");
  const options = await formOptions(await listCreatorCountries(caller));
  return (
    <div className="space-y-4">
      <Link href="/marketing/challenges" className="text-sm font-medium text-brand-700 hover:underline">← {t("back")}</Link>
      <PageHeader title={t("form.newTitle")} subtitle={t("form.newSubtitle")} />
      <div className="grid gap-5 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <ChallengeForm
            editable={[...editableFields("draft")]}
            initial={formValues(null)}
            options={options}
            middleClass={{ min: MIDDLE_CLASS.minFollowers, max: MIDDLE_CLASS.maxFollowers }}
            submitLabel={t("form.saveDraft")}
          />
        </div>
        <aside>
          <Card title={t("estimate.title")}>
            <p className="text-sm text-gray-600">{t("estimate.afterSave")}</p>
          </Card>
        </aside>
      </div>
    </div>
  );
}
