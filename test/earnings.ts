// A creator with earnings of every kind, for the earnings list's and its CSV export's tests.
import { createChallenge, createCreator, enrollDirectly } from "@/test/factories";
import { event, postEvents } from "@/test/events";
import { createAffiliateLink, createShopProduct, paid, postOrders, refund } from "@/test/shop";

const DAY = 86_400_000;

/** A creator with a bonus, an old order (available), a recent order with a refund, in EUR. */
export async function creatorWithEarnings() {
  const { user, creator } = await createCreator({ currency: "EUR" });
  const { challenge } = await createChallenge({ milestones: [{ metric: "stars_received", threshold: 10, rewardMinor: 2500 }] });
  await enrollDirectly(challenge.id, creator.id);
  await postEvents({ events: [event(creator.handle, 10)] });
  const product = await createShopProduct({ commissionBps: 1000, title: 'Lamp, "big"', returnWindowDays: 30 });
  const link = await createAffiliateLink(creator.id, product.id);
  const old = paid(link.code, 10_000, { occurredAt: new Date(Date.now() - 40 * DAY) });
  const recent = paid(link.code, 4999);
  const back = refund(recent.id, 1000);
  await postOrders({ orders: [old, recent, back] });
  return { user, creator, challenge, product, link, old, recent, back };
}
