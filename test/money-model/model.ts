// The reference model of the money rules: a plain function from a log (enrollments, activity
// events, orders, refunds) and its world (creators, challenges, products, exchange rates) to
// every award, ledger entry and balance. Written from the "Money rules" of docs/ingest-api.md and PRODUCT.md,
// on purpose without the app: no DAL, no SQL, not even the app's rounding helpers. Where the app
// and this model disagree, one of them is wrong about the rules.

export type Ms = number; // epoch milliseconds

export type ModelWorld = {
  creators: { key: string; currency: string }[];
  challenges: {
    key: string;
    currency: string;
    startsAt: Ms;
    endsAt: Ms;
    budgetMinor: number | null;
    milestones: { position: number; metric: string; threshold: number; rewardMinor: number }[];
  }[];
  enrollments: { challenge: string; creator: string; enrolledAt: Ms; withdrawnAt: Ms | null }[];
  products: { key: string; commissionBps: number; returnWindowDays: number }[];
  links: { code: string; creator: string; product: string }[];
  rates: { day: string; base: string; quote: string; rateMicros: number }[];
};

export type ModelEvent = { id: string; creator: string; metric: string; amount: number; occurredAt: Ms };
export type ModelOrder = { id: string; code: string; amount: number; currency: string; occurredAt: Ms };
export type ModelRefund = { id: string; orderId: string; amount: number; occurredAt: Ms };

/**
 * What the platform sent. An id counts once: the first item with that id in its list is the one
 * that counts (later ones are replays, whatever their payload). Refunds are taken in list order
 * (the order the shop's refunds were accepted in).
 */
export type ModelLog = { events: ModelEvent[]; orders: ModelOrder[]; refunds: ModelRefund[] };

export type Money = {
  amountMinor: number;
  currency: string;
  originalAmountMinor: number | null;
  originalCurrency: string | null;
  fxRateMicros: number | null;
};

export type ModelAward = Money & {
  key: string; // challenge/position/creator
  challenge: string;
  position: number;
  creator: string;
  reachedAt: Ms;
  crossingEventId: string;
  rewardMinor: number;
  status: "paid" | "unpaid_budget";
};

export type ModelEntry = Money & {
  kind: "milestone_award" | "commission" | "refund";
  creator: string;
  /** award key, order id or refund id */
  source: string;
  orderId: string | null;
  occurredAt: Ms;
  availableAt: Ms;
};

export type ModelResult = {
  awards: ModelAward[];
  entries: ModelEntry[];
  /** per creator and currency: every entry, and those available at `asOf` */
  balances: { creator: string; currency: string; totalMinor: number; availableMinor: number }[];
  /** every order that counts, with what was refunded of it */
  orders: { id: string; creator: string; refundedMinor: number }[];
  acceptedRefunds: string[];
  rejectedRefunds: { id: string; reason: string }[];
};

const DAY_MS = 86_400_000;

/** n / d rounded half to even, on integers of any size (d > 0). */
export function halfEven(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const a = negative ? -n : n;
  let q = a / d;
  const twice = (a % d) * 2n;
  if (twice > d || (twice === d && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

const mulDiv = (amount: number, factor: number, divisor: bigint) => Number(halfEven(BigInt(amount) * BigInt(factor), divisor));
/** amount × rate in basis points / 10,000, half to even. */
export const commissionOf = (amountMinor: number, bps: number) => mulDiv(amountMinor, bps, 10_000n);
/** amount × rate in millionths, half to even. */
export const convert = (amountMinor: number, rateMicros: number) => mulDiv(amountMinor, rateMicros, 1_000_000n);

const utcDay = (at: Ms) => new Date(at).toISOString().slice(0, 10);

/** The latest rate on or before the day of `at`; null when none is known. */
function rateOn(world: ModelWorld, base: string, quote: string, at: Ms): number | null {
  const day = utcDay(at);
  let best: { day: string; rateMicros: number } | null = null;
  for (const r of world.rates) {
    if (r.base === base && r.quote === quote && r.day <= day && (!best || r.day > best.day)) best = r;
  }
  return best?.rateMicros ?? null;
}

/**
 * In the creator's currency at the day's rate. Without a rate, or when the converted amount
 * rounds to 0, it stays in its own currency.
 */
function toCurrency(world: ModelWorld, amountMinor: number, from: string, to: string, at: Ms): Money {
  const rate = from === to ? null : rateOn(world, from, to, at);
  const converted = rate === null ? 0 : convert(amountMinor, rate);
  if (rate === null || converted === 0) return { amountMinor, currency: from, originalAmountMinor: null, originalCurrency: null, fxRateMicros: null };
  return { amountMinor: converted, currency: to, originalAmountMinor: amountMinor, originalCurrency: from, fxRateMicros: rate };
}

function firstById<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.id) ? false : (seen.add(i.id), true)));
}

export function runModel(world: ModelWorld, log: ModelLog, asOf: Ms = Date.now()): ModelResult {
  const creatorCurrency = new Map(world.creators.map((c) => [c.key, c.currency]));
  const events = firstById(log.events);
  const entries: ModelEntry[] = [];

  // Milestones: each enrollment's counted events in event-time order (ties by id); the crossing
  // event is the first whose running total reaches the threshold. Counted = the creator's, of
  // the milestone's metric, inside the window [start, end), at or after enrolling and before
  // withdrawing.
  const byCreatorMetric = new Map<string, ModelEvent[]>();
  for (const e of events) {
    const k = `${e.creator}\u0000${e.metric}`;
    const list = byCreatorMetric.get(k);
    if (list) list.push(e);
    else byCreatorMetric.set(k, [e]);
  }
  const reached: Omit<ModelAward, "status">[] = [];
  for (const challenge of world.challenges) {
    for (const enrollment of world.enrollments.filter((e) => e.challenge === challenge.key)) {
      for (const milestone of challenge.milestones) {
        // live_days is a measure of live_sessions events: one for each UTC day that has one.
        const days = milestone.metric === "live_days";
        const counted = (byCreatorMetric.get(`${enrollment.creator}\u0000${days ? "live_sessions" : milestone.metric}`) ?? [])
          .filter(
            (e) =>
              e.occurredAt >= challenge.startsAt &&
              e.occurredAt < challenge.endsAt &&
              e.occurredAt >= enrollment.enrolledAt &&
              (enrollment.withdrawnAt === null || e.occurredAt < enrollment.withdrawnAt),
          )
          .sort((a, b) => a.occurredAt - b.occurredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        let total = 0;
        const seenDays = new Set<string>();
        const step = (e: ModelEvent) => (!days ? e.amount : seenDays.has(utcDay(e.occurredAt)) ? 0 : (seenDays.add(utcDay(e.occurredAt)), 1));
        const crossing = counted.find((e) => (total += step(e)) >= milestone.threshold);
        if (!crossing) continue;
        const currency = creatorCurrency.get(enrollment.creator)!;
        reached.push({
          key: `${challenge.key}/${milestone.position}/${enrollment.creator}`,
          challenge: challenge.key,
          position: milestone.position,
          creator: enrollment.creator,
          reachedAt: crossing.occurredAt,
          crossingEventId: crossing.id,
          rewardMinor: milestone.rewardMinor,
          // Converted at the rate of the crossing event's day.
          ...toCurrency(world, milestone.rewardMinor, challenge.currency, currency, crossing.occurredAt),
        });
      }
    }
  }

  // Budgets: awards spend their challenge's budget in the order they were reached (then
  // milestone position, then creator); one that does not fit is unpaid, and a later smaller
  // one may still fit. When the budget cannot pay every award, which ones fit depends on the
  // order the app saw them in: see `contestedChallenges`.
  reached.sort((a, b) => a.reachedAt - b.reachedAt || a.position - b.position || (a.creator < b.creator ? -1 : 1));
  const spent = new Map<string, number>();
  const awards: ModelAward[] = reached.map((a) => {
    const budget = world.challenges.find((c) => c.key === a.challenge)!.budgetMinor;
    const used = spent.get(a.challenge) ?? 0;
    const fits = budget === null || used + a.rewardMinor <= budget;
    if (fits) spent.set(a.challenge, used + a.rewardMinor);
    return { ...a, status: fits ? "paid" : "unpaid_budget" };
  });
  for (const a of awards) {
    if (a.status !== "paid") continue;
    const { amountMinor, currency, originalAmountMinor, originalCurrency, fxRateMicros } = a;
    entries.push({
      kind: "milestone_award",
      creator: a.creator,
      source: a.key,
      orderId: null,
      amountMinor,
      currency,
      originalAmountMinor,
      originalCurrency,
      fxRateMicros,
      // A bonus is available once awarded.
      occurredAt: a.reachedAt,
      availableAt: a.reachedAt,
    });
  }

  // Orders: commission = amount × rate / 10,000 half to even in the order's currency, then
  // converted once at the order day's rate, half to even. Pending for the return window. A
  // commission of 0 writes nothing.
  const links = new Map(world.links.map((l) => [l.code, l]));
  const products = new Map(world.products.map((p) => [p.key, p]));
  type OrderState = { order: ModelOrder; creator: string; bps: number; refunded: number; entry: ModelEntry | null };
  const orders = new Map<string, OrderState>();
  for (const order of firstById(log.orders)) {
    const link = links.get(order.code);
    if (!link) continue;
    const product = products.get(link.product)!;
    const commission = commissionOf(order.amount, product.commissionBps);
    let entry: ModelEntry | null = null;
    if (commission !== 0) {
      entry = {
        kind: "commission",
        creator: link.creator,
        source: order.id,
        orderId: order.id,
        ...toCurrency(world, commission, order.currency, creatorCurrency.get(link.creator)!, order.occurredAt),
        occurredAt: order.occurredAt,
        availableAt: order.occurredAt + product.returnWindowDays * DAY_MS,
      };
      entries.push(entry);
    }
    orders.set(order.id, { order, creator: link.creator, bps: product.commissionBps, refunded: 0, entry });
  }

  // Refunds reverse at the order's commission rate and exchange rate: commission on what was
  // left before minus commission on what is left after (each side converted), so the net is
  // always the commission on the net amount, and exactly zero once fully refunded.
  const acceptedRefunds: string[] = [];
  const rejectedRefunds: { id: string; reason: string }[] = [];
  for (const refund of firstById(log.refunds)) {
    const state = orders.get(refund.orderId);
    if (!state) {
      rejectedRefunds.push({ id: refund.id, reason: "unknown order" });
      continue;
    }
    if (refund.occurredAt < state.order.occurredAt) {
      rejectedRefunds.push({ id: refund.id, reason: "before its order" });
      continue;
    }
    if (refund.amount <= 0 || state.refunded + refund.amount > state.order.amount) {
      rejectedRefunds.push({ id: refund.id, reason: "more than what is left" });
      continue;
    }
    const before = commissionOf(state.order.amount - state.refunded, state.bps);
    state.refunded += refund.amount;
    const after = commissionOf(state.order.amount - state.refunded, state.bps);
    acceptedRefunds.push(refund.id);
    const entry = state.entry;
    if (!entry) continue;
    const rate = entry.fxRateMicros;
    const converted = rate === null ? before - after : convert(before, rate) - convert(after, rate);
    // Written whenever the order's currency moves, even if the creator's rounds to 0: each
    // side's net is then the commission on what is left, whatever order the refunds came in.
    if (before === after) continue;
    entries.push({
      kind: "refund",
      creator: state.creator,
      source: refund.id,
      orderId: state.order.id,
      amountMinor: 0 - converted,
      currency: entry.currency,
      originalAmountMinor: rate === null ? null : -(before - after),
      originalCurrency: entry.originalCurrency,
      fxRateMicros: rate,
      occurredAt: refund.occurredAt,
      // Inside the return window it waits with the commission it cancels; after it, at once.
      availableAt: Math.max(refund.occurredAt, entry.availableAt),
    });
  }

  const sums = new Map<string, { creator: string; currency: string; totalMinor: number; availableMinor: number }>();
  for (const e of entries) {
    const k = `${e.creator}\u0000${e.currency}`;
    const s = sums.get(k) ?? { creator: e.creator, currency: e.currency, totalMinor: 0, availableMinor: 0 };
    s.totalMinor += e.amountMinor;
    if (e.availableAt <= asOf) s.availableMinor += e.amountMinor;
    sums.set(k, s);
  }
  const balances = [...sums.values()].sort((a, b) => (a.creator + a.currency < b.creator + b.currency ? -1 : 1));
  const orderList = [...orders.values()].map((o) => ({ id: o.order.id, creator: o.creator, refundedMinor: o.refunded }));
  return { awards, entries, balances, orders: orderList, acceptedRefunds, rejectedRefunds };
}

/**
 * Challenges whose budget pays some awards and not others. The app spends a budget first come,
 * first served, in the order it learns of the awards, so under concurrency which of them are
 * paid is not a function of the log: only that the paid ones fit and no unpaid one would.
 */
export function contestedChallenges(world: ModelWorld, result: ModelResult): Set<string> {
  const contested = new Set<string>();
  for (const c of world.challenges) {
    if (c.budgetMinor === null) continue;
    const own = result.awards.filter((a) => a.challenge === c.key);
    const total = own.reduce((n, a) => n + a.rewardMinor, 0);
    if (total > c.budgetMinor && own.some((a) => a.rewardMinor <= c.budgetMinor!)) contested.add(c.key);
  }
  return contested;
}
