"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { dismissAwardsAction } from "../actions";
import { useFormAction } from "@/lib/actions/use-form-action";

/** Closes the new-milestones banner; only then are those awards marked seen (a render never writes). */
export function DismissAwards({ awardIds, label }: { awardIds: number[]; label: string }) {
  const [state, action, pending] = useFormAction(dismissAwardsAction);
  return (
    <form action={action} className="shrink-0">
      {awardIds.map((id) => (
        <input key={id} type="hidden" name="awardIds[]" value={id} />
      ))}
      <Button type="submit" variant="secondary" disabled={pending} className="px-3 py-1">
        {label}
      </Button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}
