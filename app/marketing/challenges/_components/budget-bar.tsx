/** Spend against budget as a small bar; the figures beside it are the accessible text. */
export function BudgetBar({ spent, budget, label }: { spent: number; budget: number; label: string }) {
  const percent = budget > 0 ? Math.min(100, Math.round((spent / budget) * 100)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}%`}
      className="mt-1 h-1.5 w-32 overflow-hidden rounded-full bg-gray-200"
    >
      <div className={`h-full rounded-full ${percent >= 90 ? "bg-amber-600" : "bg-brand-600"}`} style={{ width: `${percent}%` }} />
    </div>
  );
}
