import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ChallengeDetail } from "@/components/challenge-detail";
import { reasonText } from "@/components/reason-text";
import { buttonClass } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { previewChallenge } from "@/lib/dal/challenges/queries";
import { listCreatorCountries } from "@/lib/dal/challenge-authoring/queries";
import { AREA_ROLES, requireRole } from "@/lib/dal/session";
import type { EligibilityProfile } from "@/lib/domain/eligibility";
import { formatNumber } from "@/lib/i18n/format";
import { parseCount } from "@/lib/validation/challenge";
import { countryLabel } from "../../_components/form-setup";
import { challengeFromParams, titleIn } from "../../_components/shared";

type Query = { as?: string; handle?: string; followers?: string; country?: string; platform?: string; invited?: string; locale?: string };
type Props = { params: Promise<{ id: string }>; searchParams: Promise<Query> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const caller = await requireRole(AREA_ROLES.marketing);
  const c = await challengeFromParams(caller, params);
  const t = await getTranslations("marketing.preview");
  return { title: t("metaTitle", { title: titleIn(c, await getLocale()) }) };
}

/**
 * The creator's challenge page, rendered by the same component for a chosen profile or a real
 * creator's handle. It is read-only: a GET form, no actions passed to the page component.
 */
export default async function ChallengePreviewPage({ params, searchParams }: Props) {
  const caller = await requireRole(AREA_ROLES.marketing);
  const challenge = await challengeFromParams(caller, params);
  const query = await searchParams;
  const t = await getTranslations("marketing.preview");
  const tc = await getTranslations("challenges");
  const tp = await getTranslations("platforms");
  const uiLocale = await getLocale();
  const countries = [...new Set([...(await listCreatorCountries(caller)), ...challenge.countries])].sort();

  const mode = query.as === "handle" ? "handle" : "profile";
  const previewLocale = query.locale === "fr" || query.locale === "en" ? query.locale : (uiLocale as "en" | "fr");
  const followersRaw = query.followers ?? "50000";
  const followers = parseCount(followersRaw);
  const country = /^[A-Z]{2}$/.test(query.country ?? "") ? query.country! : countries.includes("FR") ? "FR" : (countries[0] ?? "FR");
  const platform = query.platform === "facebook" || query.platform === "instagram" ? query.platform : challenge.platform;
  const invited = query.invited === "on";
  const handle = (query.handle ?? "").trim().replace(/^@/, "").toLowerCase();

  let followersError: string | undefined;
  let handleError: string | undefined;
  let result: Awaited<ReturnType<typeof previewChallenge>> | null = null;
  let who = "";
  if (mode === "handle") {
    if (!handle) handleError = t("handleRequired");
    else {
      result = await previewChallenge(caller, challenge.id, { handle });
      if (!result.handleFound) handleError = t("handleUnknown", { handle });
      who = t("whoHandle", { handle });
    }
  } else if (followers === null) {
    followersError = t("followersInvalid");
  } else {
    const profile: EligibilityProfile = { followers, country, platform, invited };
    result = await previewChallenge(caller, challenge.id, profile);
    who = t("whoProfile", {
      followers: formatNumber(followers, uiLocale),
      country: countryLabel(country, uiLocale),
      platform: tp(platform),
      invited: invited ? "yes" : "no", // an ICU select in the message
    });
  }
  const view = result?.view ?? null;
  const eligible = view !== null && view.reasons.length === 0;
  const enrolled = view?.enrollment && !view.enrollment.withdrawnAt;

  const banner = view && (
    <div role="status" lang={uiLocale} className="rounded-lg border-2 border-dashed border-brand-500 bg-brand-50 p-4 text-sm text-brand-700">
      <p className="font-semibold">{t("banner", { language: previewLocale === "fr" ? t("french") : t("english") })}</p>
      <p className="mt-1 text-gray-800">{who}</p>
      <p className={`mt-2 font-semibold ${eligible ? "text-green-800" : "text-red-800"}`}>
        {enrolled ? t("verdictEnrolled") : eligible ? t("verdictEligible") : t("verdictIneligible")}
      </p>
      {!eligible && !enrolled && (
        <ul className="mt-1 list-inside list-disc text-gray-800">
          {view.reasons.map((r) => <li key={r.code}>{reasonText(tc, r)}</li>)}
        </ul>
      )}
      {eligible && view.lifecycle !== "live" && <p className="mt-1 text-gray-800">{t("notLiveYet")}</p>}
      <p className="mt-2 text-xs text-gray-700">{t("readOnly")}</p>
    </div>
  );

  return (
    <div className="space-y-5">
      <Link href={`/marketing/challenges/${challenge.id}`} className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("back", { title: titleIn(challenge, uiLocale) || t("untitled") })}
      </Link>
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>

      <div className="grid gap-4 lg:grid-cols-3">
        <form method="get" className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm sm:p-5 lg:col-span-2" aria-labelledby="preview-profile-title">
          <h2 id="preview-profile-title" className="text-base font-semibold text-gray-900">{t("modeProfile")}</h2>
          <input type="hidden" name="as" value="profile" />
          <div className="mt-3 grid gap-4 sm:grid-cols-2">
            <Field id="followers" label={t("followers")} error={followersError}>
              <TextInput id="followers" name="followers" inputMode="numeric" defaultValue={followersRaw} error={followersError} />
            </Field>
            <Field id="country" label={t("country")}>
              <Select id="country" name="country" defaultValue={country}>
                {countries.map((c) => <option key={c} value={c}>{countryLabel(c, uiLocale)}</option>)}
              </Select>
            </Field>
            <Field id="platform" label={t("platform")}>
              <Select id="platform" name="platform" defaultValue={platform}>
                <option value="facebook">{tp("facebook")}</option>
                <option value="instagram">{tp("instagram")}</option>
              </Select>
            </Field>
            <Field id="locale" label={t("locale")}>
              <Select id="locale" name="locale" defaultValue={previewLocale}>
                <option value="en" lang="en">English</option>
                <option value="fr" lang="fr">Français</option>
              </Select>
            </Field>
          </div>
          <label className="mt-3 flex items-center gap-2 text-sm">
            <input type="checkbox" name="invited" defaultChecked={invited} className="h-4 w-4 rounded border-gray-300" />
            {t("invited")}
          </label>
          <button type="submit" className={`${buttonClass()} mt-4`}>{t("submitProfile")}</button>
        </form>

        <form method="get" className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm sm:p-5" aria-labelledby="preview-handle-title">
          <h2 id="preview-handle-title" className="text-base font-semibold text-gray-900">{t("modeHandle")}</h2>
          <input type="hidden" name="as" value="handle" />
          <div className="mt-3 space-y-4">
            <Field id="handle" label={t("handle")} error={handleError} hint={t("handleHint")}>
              <TextInput id="handle" name="handle" defaultValue={query.handle ?? ""} error={handleError} hint autoComplete="off" spellCheck={false} />
            </Field>
            <Field id="handle-locale" label={t("locale")}>
              <Select id="handle-locale" name="locale" defaultValue={previewLocale}>
                <option value="en" lang="en">English</option>
                <option value="fr" lang="fr">Français</option>
              </Select>
            </Field>
          </div>
          <button type="submit" className={`${buttonClass("secondary")} mt-4`}>{t("submitHandle")}</button>
        </form>
      </div>

      {view ? (
        <div lang={previewLocale} className="rounded-xl border border-gray-200 bg-gray-50 p-3 sm:p-5">
          <ChallengeDetail view={view} banner={banner} locale={previewLocale} />
        </div>
      ) : (
        !handleError && !followersError && <p className="text-sm text-gray-600">{t("nothing")}</p>
      )}
    </div>
  );
}
