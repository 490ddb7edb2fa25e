// Random input thrown at every role-restricted server action, called as a role it allows: the
// answer is always a result ({ ok, message, fieldErrors }) or a redirect, never an exception,
// and the ledger's money rules still hold afterwards.
import fc from "fast-check";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runAs } from "@/lib/auth/identity";
import type { ActionResult } from "@/lib/actions/types";
import { createCreator, createUser } from "@/test/factories";
import { expectLedgerInvariant } from "@/test/ledger-invariant";
import { SERVER_ACTIONS } from "./matrix";

type Action = (previous: unknown, input: Record<string, unknown>) => Promise<ActionResult<unknown>>;
const gated = Object.entries(SERVER_ACTIONS).filter(([, access]) => Array.isArray(access)) as [string, readonly string[]][];

// Field names the forms use, so random values reach validation and the DAL, not just "unknown key".
const FIELDS = [
  "challengeId", "from", "id", "payoutId", "version", "note", "reason", "reasonCode", "fix", "decideBy", "paymentReference",
  "period", "userId", "role", "title", "titleEn", "titleFr", "price", "currency", "url", "imageUrl", "sku", "shopProductId",
  "day", "base", "quote", "rate", "status", "endsAt", "startsAt", "kind", "platform", "minFollowers", "maxFollowers",
  "milestones.0.metric", "milestones.0.threshold", "milestones.0.reward", "countries[]", "invites", "budget", "enrollmentCap",
  "email", "invitationId",
];
const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  // NUL and lone surrogates: PostgreSQL refuses them; the answer must still be a result.
  fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom("\u0000", "\ud800", "\udc00"), fc.string({ maxLength: 10 })).map((parts) => parts.join("")),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.integer({ min: -5, max: 2_000_000 }).map(String),
  fc.constantFrom("", "0", "1", "2", "-1", "1e9", "NaN", "12.345", "2026-11", "2026-13-45", "EUR", "https://x.example", "admin", "approve"),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
);
const input = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 8 });

function isRedirect(error: unknown): boolean {
  return typeof (error as { digest?: unknown })?.digest === "string" && String((error as { digest: string }).digest).startsWith("NEXT_REDIRECT");
}

describe("server actions under fuzzing", () => {
  it.each(gated)("%s answers every random input with a result", async (key, access) => {
    const [file, name] = key.split("#");
    const action = (await import(/* @vite-ignore */ path.join(process.cwd(), file)))[name] as Action;
    const role = access[0];
    const userId = role === "creator" ? (await createCreator()).user.id : (await createUser(role as "staff" | "marketing" | "admin")).id;
    await fc.assert(
      fc.asyncProperty(input, async (fields) => {
        try {
          const result = await runAs(userId, () => action(null, fields));
          expect(typeof result.ok).toBe("boolean");
          if (!result.ok) expect(typeof result.message).toBe("string");
        } catch (error) {
          if (!isRedirect(error)) throw error;
        }
      }),
      { numRuns: 25 },
    );
    await expectLedgerInvariant();
  });
});
