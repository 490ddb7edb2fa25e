import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ChallengeDetail } from "@/components/challenge-detail";
import { getMyChallenge } from "@/lib/dal/challenges/queries";
import { AREA_ROLES, requireRole, type Caller } from "@/lib/dal/session";
import { idOrNotFound } from "@/lib/params";
import { EnrollButton } from "../_components/enroll-button";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ joined?: string; activity?: string }> };

// generateMetadata and the page both need the challenge: React `cache` loads it once per request
// (it was loaded twice, 7 round trips each).
const load = cache(async (caller: Caller, rawId: string, activityPage = 1) => {
  const id = idOrNotFound(rawId);
  const view = await getMyChallenge(caller, id, activityPage);
  if (!view) notFound();
  return view;
});

/** The page of "What counted" asked for with ?activity=N (an out-of-range page is the first). */
async function activityPageOf(searchParams: Props["searchParams"]): Promise<number> {
  const activity = Number((await searchParams).activity);
  return Number.isSafeInteger(activity) && activity > 1 && activity <= 10_000 ? activity : 1;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const caller = await requireRole(AREA_ROLES.creator);
  const view = await load(caller, (await params).id, await activityPageOf(searchParams));
  return { title: (await getLocale()) === "fr" ? view.titleFr : view.titleEn };
}

export default async function CreatorChallengePage({ params, searchParams }: Props) {
  const caller = await requireRole(AREA_ROLES.creator);
  const query = await searchParams;
  const view = await load(caller, (await params).id, await activityPageOf(searchParams));
  const t = await getTranslations("challenges");
  const enrolled = view.enrollment && !view.enrollment.withdrawnAt;
  const justJoined = query.joined === "1" && enrolled;
  const canJoin = !enrolled && view.lifecycle === "live" && view.reasons.length === 0;
  return (
    <div className="space-y-4">
      <Link href="/creator/challenges" className="text-sm font-medium text-brand-700 hover:underline">← {t("back")}</Link>
      <ChallengeDetail
        view={view}
        activityHref={(page) => `/creator/challenges/${view.id}${page > 1 ? `?activity=${page}` : ""}#what-counted`}
        banner={
          justJoined ? (
            <p role="status" className="rounded-md bg-green-50 px-4 py-3 text-sm text-green-800">{t("enrolled_ok")}</p>
          ) : undefined
        }
        actions={
          enrolled && view.lifecycle === "live" ? (
            <EnrollButton challengeId={view.id} mode="withdraw" />
          ) : canJoin ? (
            <EnrollButton challengeId={view.id} mode="enroll" />
          ) : undefined
        }
      />
    </div>
  );
}
