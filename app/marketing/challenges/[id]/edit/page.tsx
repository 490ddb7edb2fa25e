import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LifecycleBadge } from "@/components/lifecycle-badge";
import { Card, PageHeader } from "@/components/ui/card";
import { estimateAudience, listCreatorCountries } from "@/lib/dal/challenge-authoring/queries";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import { editableFields } from "@/lib/domain/challenge-transitions";
import { MIDDLE_CLASS } from "@/lib/domain/eligibility";
import { AudienceEstimateCard } from "../../_components/audience-estimate";
import { ChallengeForm } from "../../_components/challenge-form";
import { formOptions, formValues } from "../../_components/form-setup";
import { challengeFromParams, titleIn } from "../../_components/shared";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const caller = await requireRole(AREA_ROLES.marketing);
  const c = await challengeFromParams(caller, params);
  const t = await getTranslations("marketing.form");
  return { title: t("editTitle", { title: titleIn(c, await getLocale()) || t("untitled") }) };
}

export default async function EditChallengePage({ params, searchParams }: Props) {
  const caller = await requireRole(AREA_ROLES.marketing);
  const challenge = await challengeFromParams(caller, params);
  const { created } = await searchParams;
  const t = await getTranslations("marketing");
  const locale = await getLocale();
  const [countries, estimate] = await Promise.all([listCreatorCountries(caller), estimateAudience(caller, challenge)]);
  const options = await formOptions([...new Set([...countries, ...challenge.countries])]);
  const editable = editableFields(challenge.lifecycle);
  const title = titleIn(challenge, locale) || t("form.untitled");

  return (
    <div className="space-y-4">
      <Link href={`/marketing/challenges/${challenge.id}`} className="text-sm font-medium text-brand-700 hover:underline">← {t("overview.back", { title })}</Link>
      <PageHeader
        title={t("form.editTitle", { title })}
        subtitle={<LifecycleBadge lifecycle={challenge.lifecycle} />}
        action={<Link href={`/marketing/challenges/${challenge.id}/preview`} className="text-sm font-medium text-brand-700 hover:underline">{t("overview.preview")}</Link>}
      />
      {created && <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{t("form.created")}</p>}
      {challenge.lifecycle === "live" && <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">{t("form.liveNotice")}</p>}
      {challenge.lifecycle === "scheduled" && <p className="rounded-md border border-blue-200 bg-blue-50 px-4 py-3 text-sm text-blue-900">{t("form.scheduledNotice")}</p>}
      <div className="grid gap-5 lg:grid-cols-3">
        <div className="lg:col-span-2">
          {editable.length === 0 ? (
            <Card>
              <p className="text-sm text-gray-700">{t("form.notEditable")}</p>
            </Card>
          ) : (
            <ChallengeForm
              id={challenge.id}
              editable={[...editable]}
              initial={formValues(challenge)}
              options={options}
              middleClass={{ min: MIDDLE_CLASS.minFollowers, max: MIDDLE_CLASS.maxFollowers }}
              submitLabel={challenge.lifecycle === "draft" ? t("form.saveDraft") : t("form.saveChanges")}
            />
          )}
        </div>
        <aside className="space-y-5">{estimate && <AudienceEstimateCard estimate={estimate} />}</aside>
      </div>
    </div>
  );
}
