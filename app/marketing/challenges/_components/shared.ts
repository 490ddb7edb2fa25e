import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getChallengeForMarketing } from "@/lib/dal/challenge-authoring/queries";
import type { Caller } from "@/lib/dal/session";
import { idParam } from "@/lib/params";

// generateMetadata and the page both need the challenge: loaded once per request (the
// request's caller is one object, so it keys the cache with the id).
const loadChallenge = cache((caller: Caller, id: number) => getChallengeForMarketing(caller, id));

/** The challenge named in the URL, or the 404 page. */
export async function challengeFromParams(caller: Caller, params: Promise<{ id: string }>) {
  const id = await idParam(params);
  const challenge = await loadChallenge(caller, id);
  if (!challenge) notFound();
  return challenge;
}

/** The title in the reader's language, else the other one (drafts may have only one). */
export function titleIn(c: { titleEn: string; titleFr: string }, locale: string): string {
  return (locale === "fr" ? c.titleFr || c.titleEn : c.titleEn || c.titleFr) || "";
}
