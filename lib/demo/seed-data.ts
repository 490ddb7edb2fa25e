// The demo data set: a few months of a running Creator Rewards, so pages, payouts and tests have
// realistic material. Words follow shared/PRODUCT.md.
//
// The seed writes the fixtures directly (users, creators, rates, challenges, enrollments,
// products, affiliate links) and makes no money itself: activity events, orders and refunds go
// through the app's ingest, payouts through the app's payout run and review decisions
// (lib/dal/system.ts, lib/dal/payouts/), so every award, commission, refund and payout follows the app's rules
// and constants (lib/domain/payout-rules.ts, lib/env.ts). Everything runs in one transaction.
//
// Deterministic: one fixed-seed PRNG per topic, every time relative to the start of the current
// UTC day (the anchor), so live challenges are live whenever the data is loaded.
import { hash, type Algorithm } from "@node-rs/argon2";
import { sql } from "drizzle-orm";
import type { BatchResult } from "@/lib/dal/ingest/batch";
import { ingestActivityEvents, ingestOrders } from "@/lib/dal/system";
import { recordAdjustment } from "@/lib/dal/payouts/adjustments";
import { approvePayout, holdPayout, markPayoutPaid, rejectPayout } from "@/lib/dal/payouts/commands";
import { startPayoutRun } from "@/lib/dal/payouts/run";
import { systemCaller } from "@/lib/dal/system-caller";
import type { HoldReasonCode } from "@/lib/domain/hold-reasons";
import { divideHalfEven } from "@/lib/domain/money";
import { PAYOUT_HOLD_DAYS } from "@/lib/domain/payout-rules";
import { MAX_BATCH_ITEMS } from "@/lib/validation/ingest";
import { rows, type Db, type Tx } from "@/db";
import * as t from "@/db/schema";
import type { ChallengeKind, Metric, PayoutStatus, Platform } from "@/db/schema";

const SEED = 0x5eed_2026;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const BATCH = 1000;

const DEMO_PASSWORD = "demo-password";
// Algorithm.Argon2id: the enum is a `const enum`, which isolatedModules cannot read at run time.
const ARGON2ID = 2 as Algorithm;
const DEMO_HANDLE = "demo.creator";
const ACTIVITY_DAYS = 90;
const ORDER_DAYS = 90;
const RATE_DAYS = 120;
const ORDER_COUNT = 3000;
const MIDDLE_CLASS = { minFollowers: 10_000, maxFollowers: 1_000_000 };
/** What the "Go Live on N different days" tasks count: distinct UTC days with a Live (issue 14). */
const GO_LIVE_DAYS: Metric = "live_days";

// ---------------------------------------------------------------------------------------------
// Randomness and time

/** mulberry32: tiny, fast, good enough for demo data, and the same sequence everywhere. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

class Rng {
  private constructor(private readonly next: () => number) {}

  /** One stream per topic, so tuning the orders never reshuffles the creators. */
  static stream(topic: string): Rng {
    return new Rng(mulberry32(SEED ^ fnv1a(topic)));
  }
  float(min = 0, max = 1): number {
    return min + (max - min) * this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [value, w] of choices) if ((x -= w) < 0) return value;
    return choices[choices.length - 1][0];
  }
  logUniform(min: number, max: number): number {
    return Math.round(Math.exp(this.float(Math.log(min), Math.log(max))));
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

function startOfUtcDay(d: Date): number {
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

function dayKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function seedId(prefix: string, n: number): string {
  return `${prefix}_seed_${String(n).padStart(6, "0")}`;
}

// ---------------------------------------------------------------------------------------------
// Shared context

type UserIds = { creator: number; staff: number; staff2: number; marketing: number; admin: number };

type SeededCreator = {
  id: number;
  handle: string;
  displayName: string;
  platform: Platform;
  followers: number;
  country: string;
  currency: string;
  /** Probability of going Live on a given day. */
  liveRate: number;
  /** Audience engagement multiplier on stars and badges. */
  engagement: number;
  isDemo: boolean;
};

type Seed = {
  tx: Tx;
  /** Start of the current UTC day, in ms: every seeded time is relative to it. */
  anchor: number;
  users: UserIds;
  creators: SeededCreator[];
  demo: SeededCreator;
};

/** The buyer who keeps ordering through one creator's link: the fraud signal the demo shows. */
const SUSPECT_BUYER = "buyer_90417";

/** Days before the anchor → a Date; fractional days allowed. */
function daysFrom(anchor: number, days: number): Date {
  return new Date(anchor + Math.round(days * DAY));
}

/** No seeded decision may lie in the future. */
function notAfter(anchor: number, ms: number): Date {
  return new Date(Math.min(ms, anchor - MINUTE));
}

// ---------------------------------------------------------------------------------------------
// Entry point

export async function seedDemoData(db: Db, options: { now?: Date } = {}): Promise<void> {
  // Hashing is slow on purpose: do it once and share it between demo accounts.
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: ARGON2ID });
  const anchor = startOfUtcDay(options.now ?? new Date());

  await db.transaction(async (tx) => {
    const users = await seedUsers(tx, passwordHash, anchor);
    const creators = await seedCreators(tx, users, anchor);
    const demo = creators.find((c) => c.isDemo)!;
    await seedExchangeRates(tx, anchor);
    const seed: Seed = { tx, anchor, users, creators, demo };

    const challenges = await seedChallenges(seed);
    await seedEnrollments(seed, challenges);
    await seedActivity(seed);
    await markAwardsSeen(seed);

    await seedOwnProducts(seed);
    const shopProducts = await seedShopProducts(seed);
    await seedCommerce(seed, shopProducts);
    await seedDemoAdjustments(seed);

    await seedPayouts(seed);
    await syncChallengeCounters(tx);
    await assertSeedInvariants(seed);
  });
}

// ---------------------------------------------------------------------------------------------
// Users and creators

const DEMO_USERS = [
  { key: "creator", email: "creator@example.com", name: "Camille Martin", role: "creator", locale: "fr" },
  { key: "staff", email: "staff@example.com", name: "Sam Reviewer", role: "staff", locale: "en" },
  { key: "staff2", email: "staff2@example.com", name: "Lou Second", role: "staff", locale: "en" },
  { key: "marketing", email: "marketing@example.com", name: "Maya Marketing", role: "marketing", locale: "en" },
  { key: "admin", email: "admin@example.com", name: "Alex Admin", role: "admin", locale: "en" },
] as const;

async function seedUsers(tx: Tx, passwordHash: string, anchor: number): Promise<UserIds> {
  const inserted = await tx
    .insert(t.users)
    .values(
      DEMO_USERS.map((u) => ({
        email: u.email.toLowerCase(),
        name: u.name,
        role: u.role,
        locale: u.locale,
        passwordHash,
        createdAt: daysFrom(anchor, -400),
        updatedAt: daysFrom(anchor, -400),
      })),
    )
    .returning({ id: t.users.id, email: t.users.email });
  const idOf = (email: string) => inserted.find((u) => u.email === email)!.id;
  return Object.fromEntries(DEMO_USERS.map((u) => [u.key, idOf(u.email)])) as UserIds;
}

const COUNTRY_WEIGHTS = [
  ["FR", 40], ["DE", 12], ["ES", 10], ["IT", 9], ["BE", 6], ["NL", 5],
  ["PL", 5], ["SE", 3], ["US", 4], ["BR", 3], ["GB", 3],
] as const;

const CURRENCY_BY_COUNTRY: Record<string, string> = {
  FR: "EUR", DE: "EUR", ES: "EUR", IT: "EUR", BE: "EUR", NL: "EUR",
  US: "USD", BR: "BRL", GB: "GBP", PL: "PLN", SE: "SEK",
};

const NAMES: Record<string, { first: string[]; last: string[] }> = {
  FR: {
    first: ["Léa", "Manon", "Chloé", "Inès", "Jade", "Louise", "Hugo", "Lucas", "Louis", "Nathan", "Théo", "Jules", "Emma", "Sarah", "Julien", "Antoine", "Clara", "Maxime", "Pauline", "Zoé"],
    last: ["Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Fournier", "Girard", "Bonnet", "Mercier", "Lambert", "Rousseau"],
  },
  DE: {
    first: ["Lena", "Mia", "Hannah", "Lukas", "Leon", "Finn", "Jonas", "Sophie", "Felix", "Marie", "Paul", "Emilia"],
    last: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schäfer"],
  },
  ES: {
    first: ["Lucía", "Sofía", "Martina", "Pablo", "Álvaro", "Alejandro", "Daniel", "Carmen", "Paula", "Javier"],
    last: ["García", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Fernández", "Ruiz", "Díaz", "Moreno"],
  },
  IT: {
    first: ["Giulia", "Francesca", "Chiara", "Marco", "Alessandro", "Lorenzo", "Matteo", "Sara", "Aurora", "Davide"],
    last: ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco"],
  },
  BE: {
    first: ["Lotte", "Ruben", "Elise", "Arthur", "Noah", "Olivia", "Victor", "Nina"],
    last: ["Peeters", "Janssens", "Maes", "Jacobs", "Willems", "Claes", "Goossens", "Dupont"],
  },
  NL: {
    first: ["Sanne", "Daan", "Sem", "Fleur", "Bram", "Anouk", "Lieke", "Thijs"],
    last: ["de Jong", "Jansen", "de Vries", "van Dijk", "Bakker", "Visser", "Smit", "Mulder"],
  },
  PL: {
    first: ["Zuzanna", "Julia", "Jakub", "Kacper", "Maja", "Szymon", "Antoni", "Hanna"],
    last: ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamińska", "Lewandowski", "Zielińska", "Dąbrowski"],
  },
  SE: {
    first: ["Alice", "Elsa", "Oscar", "William", "Ebba", "Liam", "Astrid", "Hugo"],
    last: ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson"],
  },
  US: {
    first: ["Emily", "Madison", "Tyler", "Jordan", "Ashley", "Brandon", "Kayla", "Ryan", "Megan", "Austin"],
    last: ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Moore", "Clark"],
  },
  BR: {
    first: ["Ana", "Beatriz", "Gabriel", "Lucas", "Mariana", "Rafael", "Larissa", "Pedro", "Júlia", "Thiago"],
    last: ["Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Almeida", "Ferreira", "Lima", "Carvalho"],
  },
  GB: {
    first: ["Olivia", "Amelia", "Harry", "George", "Charlotte", "Jack", "Poppy", "Alfie", "Isla", "Freddie"],
    last: ["Taylor", "Davies", "Evans", "Thomas", "Roberts", "Walker", "Wright", "Hughes", "Green", "Hall"],
  },
};

const NICHES = [
  "cooks", "makeup", "fit", "plays", "travels", "music", "diy", "draws", "style",
  "tech", "garden", "laughs", "live", "studio", "daily", "vegan", "runs", "reads",
];

/** "Wiśniewski" → "wisniewski": handles are ^[a-z0-9._]{2,40}$. */
function handlePart(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/ł/g, "l")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

function makeHandle(rng: Rng, first: string, last: string): string {
  const f = handlePart(first);
  const l = handlePart(last);
  const niche = rng.pick(NICHES);
  return rng.weighted([
    [`${f}.${l}`, 4],
    [`${f}_${niche}`, 3],
    [`${f}${l[0]}.${niche}`, 2],
    [`${f}.${l}${rng.int(2, 99)}`, 2],
    [`${niche}.with.${f}`, 1],
  ]);
}

type FollowerTier = "nano" | "middle" | "macro" | "mega";

/** Followers for a tier; the middle class spreads log-uniformly over its two decades. */
function followersFor(rng: Rng, tier: FollowerTier): number {
  switch (tier) {
    case "nano":
      return rng.int(1_000, 9_999);
    case "middle":
      return rng.logUniform(10_000, 999_999);
    case "macro":
      return rng.logUniform(1_000_000, 4_999_999);
    case "mega":
      return rng.logUniform(5_000_000, 50_000_000);
  }
}

function liveRateFor(rng: Rng, tier: FollowerTier): number {
  switch (tier) {
    case "nano":
      return rng.float(0.2, 0.45);
    case "middle":
      return rng.float(0.4, 0.85);
    case "macro":
      return rng.float(0.6, 0.8);
    case "mega":
      return rng.float(0.5, 0.7);
  }
}

async function seedCreators(tx: Tx, users: UserIds, anchor: number): Promise<SeededCreator[]> {
  const rng = Rng.stream("creators");
  // Exact tier sizes (10 / 75 / 10 / 5 %) shuffled, so the mix never drifts with the seed.
  const tiers: FollowerTier[] = rng.shuffle([
    ...Array<FollowerTier>(20).fill("nano"),
    ...Array<FollowerTier>(149).fill("middle"),
    ...Array<FollowerTier>(20).fill("macro"),
    ...Array<FollowerTier>(10).fill("mega"),
  ]);
  type Spec = { creator: Omit<SeededCreator, "id">; userId: number | null; createdAt: Date };
  const specs: Spec[] = [
    {
      creator: {
        handle: DEMO_HANDLE,
        displayName: "Camille Martin",
        platform: "facebook",
        followers: 85_000,
        country: "FR",
        currency: "EUR",
        // The demo account is busy enough to show progress, awards and payouts on every page.
        liveRate: 0.95,
        engagement: 2,
        isDemo: true,
      },
      userId: users.creator,
      createdAt: daysFrom(anchor, -400),
    },
  ];
  const handles = new Set([DEMO_HANDLE]);
  for (const tier of tiers) {
    const country = rng.weighted(COUNTRY_WEIGHTS);
    const names = NAMES[country];
    let first = rng.pick(names.first);
    let last = rng.pick(names.last);
    let handle = makeHandle(rng, first, last);
    while (handles.has(handle) || handle.length > 40) {
      first = rng.pick(names.first);
      last = rng.pick(names.last);
      handle = makeHandle(rng, first, last);
    }
    handles.add(handle);
    specs.push({
      creator: {
        handle,
        displayName: `${first} ${last}`,
        platform: rng.chance(0.6) ? "facebook" : "instagram",
        followers: followersFor(rng, tier),
        country,
        currency: CURRENCY_BY_COUNTRY[country],
        liveRate: liveRateFor(rng, tier),
        engagement: rng.float(0.6, 1.4),
        isDemo: false,
      },
      userId: null,
      createdAt: daysFrom(anchor, -rng.int(100, 900)),
    });
  }

  const ids = new Map<string, number>();
  for (const batch of chunks(specs)) {
    const inserted = await tx
      .insert(t.creators)
      .values(
        batch.map(({ creator: c, userId, createdAt }) => ({
          userId,
          handle: c.handle,
          displayName: c.displayName,
          platform: c.platform,
          followers: c.followers,
          country: c.country,
          currency: c.currency,
          createdAt,
          updatedAt: createdAt,
        })),
      )
      .returning({ id: t.creators.id, handle: t.creators.handle });
    for (const row of inserted) ids.set(row.handle, row.id);
  }
  return specs.map(({ creator }) => ({ ...creator, id: ids.get(creator.handle)! }));
}

// ---------------------------------------------------------------------------------------------
// Exchange rates

const EUR_RATES_MICROS: Record<string, number> = {
  USD: 1_082_500,
  BRL: 5_890_000,
  GBP: 852_000,
  PLN: 4_310_000,
  SEK: 11_250_000,
};

/** Daily rates between every pair of our currencies: ingest converts at the day's rate. */
async function seedExchangeRates(tx: Tx, anchor: number): Promise<void> {
  const rng = Rng.stream("exchange-rates");
  const values: (typeof t.exchangeRates.$inferInsert)[] = [];
  const current = { ...EUR_RATES_MICROS };
  for (let d = -(RATE_DAYS - 1); d <= 0; d++) {
    const day = dayKey(anchor + d * DAY);
    // A small random walk pulled back toward the reference rate keeps the curve believable.
    for (const [quote, reference] of Object.entries(EUR_RATES_MICROS)) {
      const drift = current[quote] * rng.float(-0.004, 0.004) + (reference - current[quote]) * 0.05;
      current[quote] = Math.round(current[quote] + drift);
    }
    const eur: Record<string, number> = { EUR: 1_000_000, ...current };
    for (const base of Object.keys(eur)) {
      for (const quote of Object.keys(eur)) {
        if (base === quote) continue;
        // base→quote = (EUR→quote) / (EUR→base); cross rates too, so any order can be converted.
        const micros = Number(divideHalfEven(BigInt(eur[quote]) * 1_000_000n, BigInt(eur[base])));
        values.push({ day, base, quote, rateMicros: micros });
      }
    }
  }
  for (const batch of chunks(values)) await tx.insert(t.exchangeRates).values(batch);
}

// ---------------------------------------------------------------------------------------------
// Challenges, milestones, invites

type ChallengeSpec = {
  kind: ChallengeKind;
  platform: Platform;
  state: "draft" | "published" | "archived";
  titleEn: string;
  titleFr: string;
  descriptionEn: string;
  descriptionFr: string;
  /** Window in days from the anchor. */
  startDay: number;
  endDay: number;
  minFollowers: number;
  maxFollowers: number | null;
  countries: string[];
  inviteOnly?: boolean;
  enrollmentCap?: number;
  budgetMinor: number | null;
  /** metric, threshold, reward in minor units of the challenge currency (EUR). */
  milestones: [Metric, number, number][];
  /** The demo creator's place: enrolled, or deliberately left out so the e2e test can enroll. */
  demoEnrolled?: boolean;
};

type SeededChallenge = ChallengeSpec & {
  id: number;
  startsAt: Date;
  endsAt: Date;
  currency: string;
  milestoneIds: number[];
  invited: Set<number>;
};

const CHALLENGES: ChallengeSpec[] = [
  // Live: the demo creator is enrolled in the first two and earns awards there.
  {
    kind: "stars", platform: "facebook", state: "published",
    titleEn: "Stars Challenge: stream and shine", titleFr: "Stars Challenge : diffusez et brillez",
    descriptionEn: "Receive Stars from your fans during your Facebook Lives and unlock up to three bonuses.",
    descriptionFr: "Recevez des Stars de vos fans pendant vos Lives Facebook et débloquez jusqu’à trois bonus.",
    startDay: -14, endDay: 14, ...MIDDLE_CLASS, countries: [], budgetMinor: 8_000_000,
    milestones: [["stars_received", 500, 2_500], ["stars_received", 1_500, 7_500], ["stars_received", 4_000, 20_000]],
    demoEnrolled: true,
  },
  {
    kind: "tasks", platform: "facebook", state: "published",
    titleEn: "Go Live on 5 different days", titleFr: "Passez en Live 5 jours différents",
    descriptionEn: "A predefined task: go Live regularly. Bonuses at 5, 10 and 20 days.",
    descriptionFr: "Une tâche prédéfinie : passez en Live régulièrement. Bonus à 5, 10 et 20 jours.",
    startDay: -10, endDay: 18, ...MIDDLE_CLASS, countries: [], budgetMinor: 5_000_000,
    milestones: [[GO_LIVE_DAYS, 5, 3_000], [GO_LIVE_DAYS, 10, 6_000], [GO_LIVE_DAYS, 20, 15_000]],
    demoEnrolled: true,
  },
  {
    kind: "live_together", platform: "facebook", state: "published",
    titleEn: "Go Live together", titleFr: "Passez en Live ensemble",
    descriptionEn: "Invite another creator as a guest on your Live. For creators in France and Belgium.",
    descriptionFr: "Invitez un autre créateur dans votre Live. Pour les créateurs en France et en Belgique.",
    startDay: -7, endDay: 21, ...MIDDLE_CLASS, countries: ["FR", "BE"], budgetMinor: 3_000_000,
    milestones: [["live_with_guest", 2, 2_500], ["live_with_guest", 5, 7_500], ["live_with_guest", 10, 15_000]],
    demoEnrolled: false,
  },
  {
    kind: "live_badges", platform: "instagram", state: "published",
    titleEn: "Live badges bonus", titleFr: "Bonus badges en Live",
    descriptionEn: "Sell badges during your Instagram Lives: every milestone adds a bonus to your earnings.",
    descriptionFr: "Vendez des badges pendant vos Lives Instagram : chaque palier ajoute un bonus à vos gains.",
    startDay: -12, endDay: 16, ...MIDDLE_CLASS, countries: [], budgetMinor: 6_000_000,
    milestones: [["badges_sold", 100, 2_500], ["badges_sold", 300, 7_500], ["badges_sold", 800, 20_000]],
  },
  {
    kind: "stars", platform: "facebook", state: "published",
    titleEn: "Stars Challenge: rising stars (limited places)",
    titleFr: "Stars Challenge : étoiles montantes (places limitées)",
    descriptionEn: "Stream more minutes on Facebook Live. Limited to the first 20 creators who enroll.",
    descriptionFr: "Diffusez plus de minutes en Live Facebook. Réservé aux 20 premiers créateurs inscrits.",
    startDay: -5, endDay: 23, ...MIDDLE_CLASS, countries: [], enrollmentCap: 20, budgetMinor: 2_000_000,
    milestones: [["minutes_streamed", 300, 2_000], ["minutes_streamed", 1_200, 5_000]],
    demoEnrolled: false,
  },
  {
    kind: "tasks", platform: "facebook", state: "published",
    titleEn: "Go Live on 6 different days (DACH)", titleFr: "Passez en Live 6 jours différents (DACH)",
    descriptionEn: "For creators in Germany and Austria: go Live on 6 and then 14 days.",
    descriptionFr: "Pour les créateurs en Allemagne et en Autriche : passez en Live 6 puis 14 jours.",
    startDay: -9, endDay: 19, ...MIDDLE_CLASS, countries: ["DE", "AT"], budgetMinor: 2_500_000,
    milestones: [[GO_LIVE_DAYS, 6, 4_000], [GO_LIVE_DAYS, 14, 10_000]],
  },
  {
    kind: "stars", platform: "facebook", state: "published",
    titleEn: "Stars Challenge: big stages", titleFr: "Stars Challenge : grandes scènes",
    descriptionEn: "For accounts above one million followers: Stars milestones sized for large audiences.",
    descriptionFr: "Pour les comptes de plus d’un million d’abonnés : des paliers de Stars à leur mesure.",
    startDay: -3, endDay: 27, minFollowers: 1_000_000, maxFollowers: null, countries: [], budgetMinor: 20_000_000,
    milestones: [["stars_received", 5_000, 5_000], ["stars_received", 20_000, 15_000], ["stars_received", 60_000, 40_000]],
  },
  {
    kind: "live_together", platform: "facebook", state: "published",
    titleEn: "Go Live together: invited duos", titleFr: "Passez en Live ensemble : duos sur invitation",
    descriptionEn: "By invitation: host a guest on your Live once, three times, six times.",
    descriptionFr: "Sur invitation : recevez un invité dans votre Live une, trois puis six fois.",
    startDay: -8, endDay: 20, ...MIDDLE_CLASS, countries: [], inviteOnly: true, budgetMinor: 2_000_000,
    milestones: [["live_with_guest", 1, 3_000], ["live_with_guest", 3, 9_000], ["live_with_guest", 6, 18_000]],
  },
  // Scheduled.
  {
    kind: "stars", platform: "facebook", state: "published",
    titleEn: "Stars Challenge: winter marathon", titleFr: "Stars Challenge : marathon d’hiver",
    descriptionEn: "Long Lives for long evenings: minutes streamed and Stars received both count.",
    descriptionFr: "De longs Lives pour les longues soirées : minutes diffusées et Stars reçues comptent.",
    startDay: 7, endDay: 35, ...MIDDLE_CLASS, countries: [], budgetMinor: 10_000_000,
    milestones: [["minutes_streamed", 1_000, 3_000], ["stars_received", 3_000, 8_000], ["minutes_streamed", 3_000, 12_000]],
  },
  {
    kind: "live_badges", platform: "instagram", state: "published",
    titleEn: "Live badges bonus: holiday edition", titleFr: "Bonus badges en Live : édition des fêtes",
    descriptionEn: "Badges sold during the holidays earn double-size bonuses.",
    descriptionFr: "Les badges vendus pendant les fêtes rapportent des bonus doublés.",
    startDay: 14, endDay: 42, ...MIDDLE_CLASS, countries: ["FR", "BE", "ES", "IT"], budgetMinor: 8_000_000,
    milestones: [["badges_sold", 150, 5_000], ["badges_sold", 500, 15_000]],
  },
  // Drafts.
  {
    kind: "tasks", platform: "facebook", state: "draft",
    titleEn: "Go Live 12 times this month", titleFr: "Passez en Live 12 fois ce mois-ci",
    descriptionEn: "Draft: a monthly regularity task.", descriptionFr: "Brouillon : une tâche de régularité mensuelle.",
    startDay: 30, endDay: 58, ...MIDDLE_CLASS, countries: [], budgetMinor: 4_000_000,
    milestones: [["live_sessions", 6, 2_000], ["live_sessions", 12, 6_000]],
  },
  {
    kind: "live_together", platform: "facebook", state: "draft",
    titleEn: "Go Live together: spring duets", titleFr: "Passez en Live ensemble : duos de printemps",
    descriptionEn: "Draft: Lives with a guest, for creators in Spain and Italy.",
    descriptionFr: "Brouillon : des Lives avec un invité, pour les créateurs en Espagne et en Italie.",
    startDay: 45, endDay: 75, ...MIDDLE_CLASS, countries: ["ES", "IT"], budgetMinor: 3_000_000,
    milestones: [["live_with_guest", 2, 3_000], ["live_with_guest", 6, 10_000]],
  },
  // Ended.
  {
    kind: "stars", platform: "facebook", state: "published",
    titleEn: "Stars Challenge: back to school", titleFr: "Stars Challenge : la rentrée",
    descriptionEn: "Stars and minutes streamed during the back-to-school weeks.",
    descriptionFr: "Stars et minutes diffusées pendant les semaines de la rentrée.",
    startDay: -60, endDay: -30, ...MIDDLE_CLASS, countries: [], budgetMinor: 8_000_000,
    milestones: [["stars_received", 800, 3_000], ["minutes_streamed", 1_500, 5_000], ["stars_received", 3_000, 12_000]],
    demoEnrolled: true,
  },
  {
    kind: "live_badges", platform: "instagram", state: "published",
    titleEn: "Live badges bonus: autumn", titleFr: "Bonus badges en Live : automne",
    descriptionEn: "Autumn edition of the Live badges bonus.", descriptionFr: "Édition d’automne du bonus badges en Live.",
    startDay: -45, endDay: -15, ...MIDDLE_CLASS, countries: [], budgetMinor: 6_000_000,
    milestones: [["badges_sold", 150, 3_000], ["badges_sold", 450, 9_000], ["badges_sold", 1_000, 20_000]],
  },
  // Archived.
  {
    kind: "tasks", platform: "facebook", state: "archived",
    titleEn: "Go Live on 5 different days: summer", titleFr: "Passez en Live 5 jours différents : été",
    descriptionEn: "Summer edition of the regularity task.", descriptionFr: "Édition d’été de la tâche de régularité.",
    startDay: -88, endDay: -62, ...MIDDLE_CLASS, countries: [], budgetMinor: 4_000_000,
    milestones: [[GO_LIVE_DAYS, 5, 3_000], [GO_LIVE_DAYS, 12, 8_000], [GO_LIVE_DAYS, 20, 15_000]],
    demoEnrolled: true,
  },
  {
    // A small pilot budget that ran out: later milestones are recorded unpaid.
    kind: "stars", platform: "facebook", state: "archived",
    titleEn: "Stars Challenge: pilot", titleFr: "Stars Challenge : pilote",
    descriptionEn: "The first Stars Challenge, with a small test budget.",
    descriptionFr: "Le premier Stars Challenge, avec un petit budget de test.",
    startDay: -85, endDay: -65, ...MIDDLE_CLASS, countries: [], budgetMinor: 300_000,
    milestones: [["stars_received", 300, 5_000], ["stars_received", 1_200, 15_000]],
  },
];

function isEligible(c: ChallengeSpec, creator: SeededCreator, invited: Set<number>): boolean {
  return (
    c.platform === creator.platform &&
    creator.followers >= c.minFollowers &&
    (c.maxFollowers === null || creator.followers <= c.maxFollowers) &&
    (c.countries.length === 0 || c.countries.includes(creator.country)) &&
    (!c.inviteOnly || invited.has(creator.id))
  );
}

async function seedChallenges(seed: Seed): Promise<SeededChallenge[]> {
  const { tx, anchor, users, creators } = seed;
  const rng = Rng.stream("challenges");
  const out: SeededChallenge[] = [];
  for (const spec of CHALLENGES) {
    const startsAt = daysFrom(anchor, spec.startDay);
    const endsAt = daysFrom(anchor, spec.endDay);
    const createdAt = notAfter(anchor, startsAt.getTime() - 14 * DAY);
    const [{ id }] = await tx
      .insert(t.challenges)
      .values({
        kind: spec.kind,
        platform: spec.platform,
        state: spec.state,
        titleEn: spec.titleEn,
        titleFr: spec.titleFr,
        descriptionEn: spec.descriptionEn,
        descriptionFr: spec.descriptionFr,
        startsAt,
        endsAt,
        minFollowers: spec.minFollowers,
        maxFollowers: spec.maxFollowers,
        countries: spec.countries,
        inviteOnly: spec.inviteOnly ?? false,
        enrollmentCap: spec.enrollmentCap ?? null,
        budgetMinor: spec.budgetMinor,
        currency: "EUR",
        createdBy: users.marketing,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: t.challenges.id });
    const inserted = await tx
      .insert(t.milestones)
      .values(
        spec.milestones.map(([metric, threshold, rewardMinor], i) => ({
          challengeId: id,
          position: i + 1,
          metric,
          threshold,
          rewardMinor,
          createdAt,
        })),
      )
      .returning({ id: t.milestones.id, position: t.milestones.position });
    const milestoneIds = inserted.sort((a, b) => a.position - b.position).map((m) => m.id);

    // Invite-only: a handful of middle-class creators, never the demo account.
    const invited = new Set<number>();
    if (spec.inviteOnly) {
      const candidates = creators.filter((c) => !c.isDemo && isEligible({ ...spec, inviteOnly: false }, c, invited));
      for (const c of rng.shuffle(candidates).slice(0, 8)) invited.add(c.id);
      await tx.insert(t.challengeInvites).values([...invited].map((creatorId) => ({ challengeId: id, creatorId, createdAt })));
    }
    out.push({ ...spec, id, startsAt, endsAt, currency: "EUR", milestoneIds, invited });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Enrollments

async function seedEnrollments(seed: Seed, challenges: SeededChallenge[]): Promise<void> {
  const { tx, anchor, creators } = seed;
  const rng = Rng.stream("enrollments");
  const values: (typeof t.enrollments.$inferInsert)[] = [];
  for (const c of challenges) {
    // Only live challenges accept enrollment, so only challenges that have been live have any.
    if (c.state === "draft" || c.startsAt.getTime() >= anchor) continue;
    const eligible = creators.filter((cr) => isEligible(c, cr, c.invited));
    const demoEligible = eligible.some((cr) => cr.isDemo);
    if (c.demoEnrolled && !demoEligible) throw new Error(`demo creator not eligible for "${c.titleEn}"`);
    const others = rng.shuffle(eligible.filter((cr) => !cr.isDemo));
    const chosen = c.enrollmentCap
      ? others.slice(0, c.enrollmentCap) // full on purpose: the cap is reached
      : others.filter(() => rng.chance(0.6));
    if (c.demoEnrolled) chosen.unshift(seed.demo);

    const openUntil = Math.min(c.endsAt.getTime(), anchor);
    const span = openUntil - c.startsAt.getTime();
    for (const creator of chosen) {
      // Most creators enroll early in the window; the demo account on the first day.
      const enrolledAt = creator.isDemo
        ? c.startsAt.getTime() + 2 * HOUR
        : c.startsAt.getTime() + Math.round(span * rng.float(0, 0.3));
      const withdraws = !creator.isDemo && !c.enrollmentCap && rng.chance(0.04);
      const withdrawnAt = withdraws ? enrolledAt + Math.round((openUntil - enrolledAt) * rng.float(0.2, 0.9)) : null;
      values.push({
        challengeId: c.id,
        creatorId: creator.id,
        enrolledAt: new Date(enrolledAt),
        withdrawnAt: withdrawnAt === null ? null : new Date(withdrawnAt),
        createdAt: new Date(enrolledAt),
        updatedAt: new Date(withdrawnAt ?? enrolledAt),
      });
    }
  }
  for (const batch of chunks(values)) await tx.insert(t.enrollments).values(batch);
}

// ---------------------------------------------------------------------------------------------
// Activity events, through the platform's ingest (rollups, progress and milestone awards)

/** An activity event as the platform sends it to POST /api/events. */
type PlatformEvent = { creator: string; metric: Metric; amount: number; occurredAt: number };

/** One Live session: 2–4 events (session, minutes, stars or badges, sometimes a guest). */
function liveSessionEvents(rng: Rng, creator: SeededCreator, startMs: number): PlatformEvent[] {
  const minutes = rng.int(20, 150);
  const endMs = startMs + minutes * MINUTE;
  const event = (metric: Metric, amount: number, occurredAt: number): PlatformEvent => ({ creator: creator.handle, metric, amount, occurredAt });
  const out = [event("live_sessions", 1, startMs), event("minutes_streamed", minutes, endMs)];
  if (rng.chance(0.85)) {
    const midMs = startMs + Math.round((endMs - startMs) * rng.float(0.3, 0.9));
    out.push(
      creator.platform === "facebook"
        ? event("stars_received", Math.max(1, Math.round((creator.followers / 1000) * rng.float(0.3, 2) * creator.engagement)), midMs)
        : event("badges_sold", Math.max(1, Math.round((creator.followers / 5000) * rng.float(0.2, 1.5) * creator.engagement)), midMs),
    );
  }
  if (rng.chance(0.3)) out.push(event("live_with_guest", 1, startMs + rng.int(1, minutes - 1) * MINUTE));
  return out;
}

/**
 * Ninety days of Lives, sent the way the platform sends them: one batch per day, in time
 * order. Ingest stores each event once, keeps the rollups and the progress of every enrollment,
 * and awards the milestones reached (budget, exchange rate and ledger entry included).
 */
async function seedActivity(seed: Seed): Promise<void> {
  const { tx, anchor, creators } = seed;
  const rng = Rng.stream("activity");
  const events: PlatformEvent[] = [];
  for (const creator of creators) {
    for (let d = -ACTIVITY_DAYS; d < 0; d++) {
      if (!rng.chance(creator.liveRate)) continue;
      // Lives happen in the afternoon and evening, UTC, and end before the anchor.
      const startMs = anchor + d * DAY + rng.int(8 * 60, 21 * 60) * MINUTE;
      events.push(...liveSessionEvents(rng, creator, startMs));
    }
  }
  // Ids in time order, like a platform that numbers what it reports.
  events.sort((a, b) => a.occurredAt - b.occurredAt || a.creator.localeCompare(b.creator) || a.metric.localeCompare(b.metric));
  const byDay = new Map<string, Record<string, unknown>[]>();
  events.forEach((e, i) => {
    const day = dayKey(e.occurredAt);
    const item = { id: seedId("evt", i + 1), creator: e.creator, metric: e.metric, amount: e.amount, occurredAt: new Date(e.occurredAt).toISOString() };
    byDay.set(day, [...(byDay.get(day) ?? []), item]);
  });
  for (const batch of byDay.values()) {
    for (const part of chunks(batch, MAX_BATCH_ITEMS)) expectAllAccepted("events", part.length, await ingestActivityEvents(systemCaller("seed"), part, tx));
  }
}

/** A seed batch is built valid: anything refused or counted twice is a bug in the seed. */
function expectAllAccepted(what: string, sent: number, result: BatchResult): void {
  if (result.accepted !== sent || result.rejected.length > 0) {
    throw new Error(`seed ${what}: ${result.accepted} of ${sent} accepted, ${JSON.stringify(result.rejected.slice(0, 3))}`);
  }
}

/** Older awards have been seen; recent ones still wait in the creator's notifications. */
async function markAwardsSeen(seed: Seed): Promise<void> {
  const { tx, anchor, demo } = seed;
  const rng = Rng.stream("awards");
  const awards = await tx
    .select({ id: t.milestoneAwards.id, creatorId: t.milestoneAwards.creatorId, reachedAt: t.milestoneAwards.reachedAt })
    .from(t.milestoneAwards)
    .orderBy(t.milestoneAwards.reachedAt, t.milestoneAwards.id);
  // The demo creator's latest award always waits in the notifications.
  const demoLatest = awards.filter((a) => a.creatorId === demo.id).at(-1);
  const seen = awards
    .filter((a) => a !== demoLatest && a.reachedAt.getTime() <= anchor - 3 * DAY)
    .map((a) => ({ id: a.id, seenAt: notAfter(anchor, a.reachedAt.getTime() + rng.int(1, 48) * HOUR).toISOString() }));
  for (const batch of chunks(seen)) {
    await tx.execute(sql`update milestone_awards a set seen_at = x.seen_at
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(id int, seen_at timestamptz) where a.id = x.id`);
  }
}

// ---------------------------------------------------------------------------------------------
// Own products and the shop

const OWN_PRODUCT_TITLES = [
  "Signed photo print", "Lightroom preset pack", "Online workshop replay", "E-book: my Live setup",
  "Tote bag", "Ceramic mug", "Sticker pack", "Embroidered hoodie", "Recipe booklet", "Phone case",
  "Poster A3", "Scented candle", "1:1 coaching call", "Knit beanie",
];

/** Rough price level per currency, so a hoodie costs ~45 EUR and ~250 BRL. */
const PRICE_LEVEL: Record<string, number> = { EUR: 1, USD: 1.1, GBP: 0.9, BRL: 5.5, PLN: 4.3, SEK: 11 };

function shopPrice(rng: Rng, [min, max]: readonly [number, number], currency: string): number {
  const major = Math.max(3, Math.round((rng.int(min, max) / 100) * PRICE_LEVEL[currency]));
  return major * 100 - (rng.chance(0.7) ? 1 : 0); // 19.99-style prices
}

function slug(text: string): string {
  return handlePart(text.replace(/[^A-Za-z0-9]+/g, " ").trim().replace(/ /g, "_")).replace(/_+/g, "-") || "item";
}

async function seedOwnProducts(seed: Seed): Promise<void> {
  const { tx, anchor } = seed;
  const rng = Rng.stream("own-products");
  const values: (typeof t.ownProducts.$inferInsert)[] = [
    { title: "Pack de presets « Lumière d’automne »", priceMinor: 1_490, sku: "CM-PRESET-01", linked: true },
    { title: "Mug « On est en Live ! »", priceMinor: 1_800, sku: "CM-MUG-01", linked: true },
    { title: "Guide : réussir ses Lives (PDF)", priceMinor: 990, sku: null, linked: true },
    { title: "Tote bag Camille", priceMinor: 2_200, sku: "CM-TOTE-01", linked: false },
  ].map((p, i) => ({
    ...p,
    creatorId: seed.demo.id,
    currency: seed.demo.currency,
    url: `https://shop.example/${DEMO_HANDLE}/${slug(p.title)}`,
    imageUrl: i === 2 ? null : `https://images.shop.example/own/${DEMO_HANDLE}-${i + 1}.jpg`,
    createdAt: daysFrom(anchor, -120 + i * 20),
    updatedAt: daysFrom(anchor, -120 + i * 20),
  }));
  for (const creator of seed.creators) {
    if (creator.isDemo) continue;
    const count = rng.weighted([[0, 3], [1, 3], [2, 2], [3, 1], [4, 1]] as const);
    for (const title of rng.shuffle(OWN_PRODUCT_TITLES).slice(0, count)) {
      const createdAt = daysFrom(anchor, -rng.int(1, 200));
      values.push({
        creatorId: creator.id,
        title,
        priceMinor: shopPrice(rng, [900, 6_000], creator.currency),
        currency: creator.currency,
        url: `https://shop.example/${creator.handle}/${slug(title)}`,
        imageUrl: rng.chance(0.75) ? `https://images.shop.example/own/${creator.handle}-${slug(title)}.jpg` : null,
        sku: rng.chance(0.5) ? `${handlePart(creator.handle).slice(0, 4).toUpperCase()}-${rng.int(100, 999)}` : null,
        linked: rng.chance(0.85),
        createdAt,
        updatedAt: createdAt,
      });
    }
  }
  for (const batch of chunks(values)) await tx.insert(t.ownProducts).values(batch);
}

type Category = { merchants: string[]; items: string[]; price: [number, number]; bps: [number, number] };

const SHOP_CATALOG: Record<string, Category> = {
  beauty: {
    merchants: ["Maison Lumière", "Glow Lab", "Pure Skin Co."],
    items: ["Vitamin C serum", "Hydrating day cream", "Matte liquid lipstick", "Volume mascara", "Rose facial oil", "Clay face mask", "SPF 50 sun fluid", "Nude eyeshadow palette", "Micellar water", "Curl cream", "Nail polish set", "Brow gel", "Lip balm trio", "Setting spray", "Makeup brush set"],
    price: [800, 6_000], bps: [1_200, 2_500],
  },
  fashion: {
    merchants: ["Atelier Nord", "Urban Thread", "Linéa"],
    items: ["Oversized hoodie", "Linen shirt", "Wide-leg jeans", "Knit beanie", "Canvas sneakers", "Leather belt", "Silk scarf", "Puffer jacket", "Crossbody bag", "Wool socks (3 pairs)", "Rain jacket", "Pleated skirt", "Chunky cardigan", "Sunglasses", "Organic cotton T-shirt"],
    price: [1_500, 15_000], bps: [800, 2_000],
  },
  tech: {
    merchants: ["StreamGear", "Pixel & Co", "VoltHub"],
    items: ["Ring light 12 in", "Wireless lavalier mic", "Phone tripod", "USB-C fast charger", "Bluetooth earbuds", "1080p webcam", "Portable SSD 1 TB", "Smartphone gimbal", "Mechanical keyboard", "LED panel light", "Power bank 20000 mAh", "Stream controller", "Noise-cancelling headphones", "Foldable green screen", "Clip-on lens kit"],
    price: [1_500, 40_000], bps: [300, 800],
  },
  home: {
    merchants: ["Casa Verde", "Hygge Home", "Le Grenier"],
    items: ["Scented candle", "Linen duvet cover", "Ceramic mug set", "Bamboo cutting board", "Throw blanket", "Table lamp", "Plant pot trio", "Cast-iron skillet", "Glass storage jars", "Cotton bath towels", "Wall clock", "Coffee grinder", "Desk organizer", "Aroma diffuser", "Picture frames (set of 5)"],
    price: [1_000, 20_000], bps: [600, 1_500],
  },
  sports: {
    merchants: ["Peak Motion", "FitLab", "Océan Sports"],
    items: ["Yoga mat", "Resistance bands", "Running belt", "Foam roller", "Insulated water bottle", "Jump rope", "Adjustable dumbbells", "Cycling gloves", "Sports bra", "Trail running socks", "Gym bag", "Kettlebell 12 kg", "Fitness tracker band", "Hiking poles", "Swim goggles"],
    price: [1_000, 15_000], bps: [600, 1_500],
  },
  food: {
    merchants: ["Terroir Direct", "Bean There", "La Petite Épicerie"],
    items: ["Single-origin coffee beans", "Matcha starter kit", "Dark chocolate box", "Hot sauce trio", "Olive oil 750 ml", "Protein granola", "Herbal tea sampler", "Spice blend set", "Wildflower honey", "Pasta making kit", "Sourdough starter", "Roasted nuts mix", "Maple syrup", "Energy bars (12)", "Ramen kit"],
    price: [500, 4_000], bps: [500, 1_200],
  },
  books: {
    merchants: ["Page Turner", "Éditions du Quai", "Inkwell Books"],
    items: ["Streaming for beginners", "The creator economy", "Cookbook: 30-minute meals", "Photography field guide", "Mindful mornings", "Graphic novel vol. 1", "Travel journal", "Learn French in 30 days", "Home workout bible", "The art of storytelling", "Personal finance basics", "Plant care handbook", "Illustrated atlas", "Poetry collection", "Minimalist living"],
    price: [800, 3_500], bps: [400, 1_000],
  },
  toys: {
    merchants: ["Petit Génie", "Toybox Lane", "Kinderwerk"],
    items: ["Building blocks set", "Plush fox", "Wooden train", "Puzzle 1000 pieces", "Board game night", "Science kit", "Art and craft box", "Remote control car", "Card game", "Magnetic tiles", "Stunt kite", "Dollhouse furniture", "Marble run", "Stacking cups", "Watercolour set"],
    price: [1_000, 8_000], bps: [600, 1_500],
  },
};

type SeededShopProduct = {
  id: number;
  priceMinor: number;
  currency: string;
  commissionBps: number;
  returnWindowDays: number;
};

async function seedShopProducts(seed: Seed): Promise<SeededShopProduct[]> {
  const { tx, anchor } = seed;
  const rng = Rng.stream("shop-products");
  const values: (typeof t.shopProducts.$inferInsert & { url: string })[] = [];
  for (const [category, spec] of Object.entries(SHOP_CATALOG)) {
    for (const title of spec.items) {
      const currency = rng.chance(0.15) ? "USD" : "EUR";
      const createdAt = daysFrom(anchor, -rng.int(100, 500));
      values.push({
        merchant: rng.pick(spec.merchants),
        title,
        category,
        priceMinor: shopPrice(rng, spec.price, currency),
        currency,
        url: `https://shop.example/p/${category}/${slug(title)}`,
        imageUrl: rng.chance(0.9) ? `https://images.shop.example/p/${category}/${slug(title)}.jpg` : null,
        commissionBps: Math.round(rng.int(spec.bps[0], spec.bps[1]) / 50) * 50,
        returnWindowDays: rng.weighted([[30, 7], [14, 2], [60, 1]] as const),
        createdAt,
        updatedAt: createdAt,
      });
    }
  }
  const inserted = await tx.insert(t.shopProducts).values(values).returning({ id: t.shopProducts.id, url: t.shopProducts.url });
  const idOf = new Map(inserted.map((r) => [r.url, r.id]));
  return values.map((v) => ({
    id: idOf.get(v.url)!,
    priceMinor: v.priceMinor,
    currency: v.currency,
    commissionBps: v.commissionBps,
    returnWindowDays: v.returnWindowDays!,
  }));
}

// ---------------------------------------------------------------------------------------------
// Affiliate links, orders, refunds and their ledger entries

type LinkPlan = { creator: SeededCreator; product: SeededShopProduct; code: string; createdAt: Date; orders: number };
type RefundPlan = { amountMinor: number; occurredAt: Date };
type OrderPlan = { link: LinkPlan; amountMinor: number; buyerRef: string; occurredAt: Date; refunds: RefundPlan[] };

const CODE_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

function linksPerCreator(rng: Rng, creator: SeededCreator): number {
  if (creator.isDemo) return 6;
  if (creator.followers < 10_000) return rng.int(0, 2);
  if (creator.followers < 1_000_000) return rng.int(1, 5);
  return rng.int(3, 7);
}

function planAffiliateLinks(seed: Seed, products: SeededShopProduct[]): LinkPlan[] {
  const rng = Rng.stream("affiliate-links");
  const codes = new Set<string>();
  const links: LinkPlan[] = [];
  for (const creator of seed.creators) {
    for (const product of rng.shuffle(products).slice(0, linksPerCreator(rng, creator))) {
      let code = "";
      while (code.length !== 8 || codes.has(code)) {
        code = Array.from({ length: 8 }, () => rng.pick([...CODE_ALPHABET])).join("");
      }
      codes.add(code);
      links.push({ creator, product, code, createdAt: daysFrom(seed.anchor, -rng.int(ORDER_DAYS + 1, 200)), orders: 0 });
    }
  }
  return links;
}

function orderAmount(rng: Rng, product: SeededShopProduct): number {
  const quantity = rng.weighted([[1, 85], [2, 12], [3, 3]] as const);
  const gross = product.priceMinor * quantity;
  // Promotions and shipping make the paid amount wander a little around the list price.
  return Math.max(100, gross - Math.floor((gross * rng.int(0, 10)) / 100));
}

function planOrders(seed: Seed, links: LinkPlan[]): OrderPlan[] {
  const rng = Rng.stream("orders");
  const { anchor } = seed;
  // Bigger audiences sell more; the demo account sells enough to fill its earnings chart.
  const weights = links.map((l) => Math.sqrt(l.creator.followers / 1000) * (l.creator.isDemo ? 6 : 1));
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative[cumulative.length - 1];
  const pickLink = () => {
    const x = rng.float(0, total);
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return links[lo];
  };

  // One creator's link keeps selling to the same buyer in a few days: a fraud signal to find.
  const suspect = links.find(
    (l) => !l.creator.isDemo && l.creator.followers < 200_000 && l.creator.followers > 20_000 && l.creator.platform === "facebook",
  )!;
  const suspiciousCount = 40;

  const orders: OrderPlan[] = [];
  for (let i = 0; i < ORDER_COUNT - suspiciousCount; i++) {
    const link = pickLink();
    orders.push({
      link,
      amountMinor: orderAmount(rng, link.product),
      buyerRef: `buyer_${rng.int(1, 40_000)}`,
      occurredAt: new Date(anchor - rng.int(60, ORDER_DAYS * 24 * 60) * MINUTE),
      refunds: [],
    });
  }
  for (let i = 0; i < suspiciousCount; i++) {
    orders.push({
      link: suspect,
      amountMinor: orderAmount(rng, suspect.product),
      buyerRef: SUSPECT_BUYER,
      // Inside last month: fraud signals are computed over the payout's own period (issue 14 #7),
      // so the latest run's payout of this creator shows them. Still pending (30-day window).
      occurredAt: new Date(Date.UTC(new Date(anchor).getUTCFullYear(), new Date(anchor).getUTCMonth(), 1) - 20 * DAY + rng.int(0, 6 * 24 * 60) * MINUTE),
      refunds: [],
    });
  }
  orders.sort((a, b) => +a.occurredAt - +b.occurredAt);

  for (const order of orders) {
    order.link.orders += 1;
    planRefunds(rng, anchor, order);
  }
  return orders;
}

/** ~5 % of orders come back: most in full, some partly, some after the return window. */
function planRefunds(rng: Rng, anchor: number, order: OrderPlan): void {
  const latest = Math.min(order.occurredAt.getTime() + 45 * DAY, anchor - HOUR);
  const earliest = order.occurredAt.getTime() + DAY;
  if (latest <= earliest || !rng.chance(0.05)) return;
  const at = () => new Date(rng.int(earliest, latest));
  if (rng.chance(0.7)) {
    order.refunds.push({ amountMinor: order.amountMinor, occurredAt: at() });
    return;
  }
  const first = Math.max(1, Math.round(order.amountMinor * rng.float(0.2, 0.6)));
  order.refunds.push({ amountMinor: first, occurredAt: at() });
  if (rng.chance(0.3)) {
    const second = Math.max(1, Math.round((order.amountMinor - first) * rng.float(0.3, 1)));
    order.refunds.push({ amountMinor: second, occurredAt: at() });
  }
  order.refunds.sort((a, b) => +a.occurredAt - +b.occurredAt);
}

/**
 * Affiliate links are the creators' own doing (written here); their orders and refunds come
 * from the shop, through the orders ingest, which writes each commission and each refund's
 * reversal by the app's one rule (lib/domain/commission.ts).
 */
async function seedCommerce(seed: Seed, products: SeededShopProduct[]): Promise<void> {
  const { tx } = seed;
  const rng = Rng.stream("clicks");
  const links = planAffiliateLinks(seed, products);
  const orders = planOrders(seed, links);

  for (const batch of chunks(links)) {
    await tx.insert(t.affiliateLinks).values(
      batch.map((l) => ({
        creatorId: l.creator.id,
        shopProductId: l.product.id,
        code: l.code,
        // Clicks convert at a few percent: clicks follow orders.
        clicks: l.orders * rng.int(15, 60) + rng.int(0, 400),
        createdAt: l.createdAt,
      })),
    );
  }

  const paid: Record<string, unknown>[] = [];
  const refunds: { occurredAt: Date; item: Record<string, unknown> }[] = [];
  orders.forEach((order, i) => {
    const id = seedId("ord", i + 1);
    paid.push({
      id,
      type: "paid",
      affiliateCode: order.link.code,
      amount: order.amountMinor,
      currency: order.link.product.currency,
      occurredAt: order.occurredAt.toISOString(),
      buyer: order.buyerRef,
    });
    for (const refund of order.refunds) {
      refunds.push({ occurredAt: refund.occurredAt, item: { type: "refund", orderId: id, amount: refund.amountMinor, occurredAt: refund.occurredAt.toISOString() } });
    }
  });
  // Orders first (a refund is accepted only after its order), then refunds in time order.
  refunds.sort((a, b) => +a.occurredAt - +b.occurredAt);
  const refundItems = refunds.map((r, i) => ({ id: seedId("ref", i + 1), ...r.item }));
  for (const batch of chunks(paid, MAX_BATCH_ITEMS)) expectAllAccepted("orders", batch.length, await ingestOrders(systemCaller("seed"), batch, tx));
  for (const batch of chunks(refundItems, MAX_BATCH_ITEMS)) expectAllAccepted("refunds", batch.length, await ingestOrders(systemCaller("seed"), batch, tx));
}

// ---------------------------------------------------------------------------------------------
// Adjustments that give the review queue its demo cases

/**
 * Two manual credits in the last completed month, so the newest run always holds (1) a large
 * payout of the demo creator that needs two approvers, and (2) a payout of the creator whose
 * link keeps selling to the same buyer, which the fraud signals flag.
 */
async function seedDemoAdjustments(seed: Seed): Promise<void> {
  const [lastMonth] = completedMonths(seed.anchor, 1);
  const at = new Date(lastMonth.end - 10 * DAY);
  const credit = (creatorId: number, amountMinor: number, note: string) =>
    recordAdjustment(systemCaller("seed", seed.users.admin), { creatorId, amountMinor, note, at }, { db: seed.tx });
  await credit(seed.demo.id, 90_000, "Creator week keynote: speaker fee");
  const suspectId = await suspectCreatorId(seed);
  if (suspectId !== null) await credit(suspectId, 15_000, "Live together launch: guest bonus");
}

/** The creator whose link keeps selling to the same buyer (planOrders). */
async function suspectCreatorId(seed: Seed): Promise<number | null> {
  const [suspect] = await rows<{ creator_id: number }>(seed.tx, sql`select creator_id from orders where buyer_ref = ${SUSPECT_BUYER} limit 1`);
  return suspect?.creator_id ?? null;
}

// ---------------------------------------------------------------------------------------------
// Payout runs, and the staff decisions on them

const HOLD_REASONS = {
  kyc_missing: {
    note: "Identity verification is not complete.",
    fix: "Upload an identity document under Settings, Verification.",
  },
  activity_review: {
    note: "Unusual activity on this account is under review.",
    fix: "Nothing to do for now; we will contact you if we need details.",
  },
  bank_details: {
    note: "The bank account holder does not match the creator's legal name.",
    fix: "Update your bank details with an account in your own name.",
  },
  tax_form: {
    note: "Tax form missing for this year.",
    fix: "Submit your tax form (W-8BEN or your local equivalent).",
  },
} as const satisfies Partial<Record<HoldReasonCode, { note: string; fix: string }>>;

const REJECT_REASONS = [
  "Bank account shared with another creator account.",
  "Orders reversed by the merchant after a fraud review.",
  "Creator account closed at the creator's request.",
];

const APPROVAL_NOTES = [
  "Earnings match the ledger.",
  "Orders confirmed with the merchant.",
  "Activity checked against the Live history.",
];

/** The last `count` completed calendar months before the anchor, oldest first. */
function completedMonths(anchor: number, count: number): { period: string; end: number }[] {
  const d = new Date(anchor);
  return Array.from({ length: count }, (_, i) => {
    const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - count + i, 1);
    const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - count + i + 1, 1);
    return { period: new Date(start).toISOString().slice(0, 7), end };
  });
}

/** Older runs are mostly settled; the newest waits for review. */
function payoutStatusFor(rng: Rng, age: number): PayoutStatus {
  if (age === 0) {
    return rng.weighted([["pending_review", 62], ["held", 14], ["approved", 16], ["rejected", 4], ["paid", 4]] as const);
  }
  if (age === 1) return rng.weighted([["paid", 70], ["approved", 8], ["held", 10], ["rejected", 12]] as const);
  return rng.weighted([["paid", 88], ["held", 4], ["rejected", 8]] as const);
}

type RunPayout = { id: number; creatorId: number; approvalsRequired: number; status: PayoutStatus };

/**
 * Three monthly runs, each the app's own run at the start of the next month, then the decisions
 * that lead each payout to the status the story wants, taken by the staff accounts through the
 * app's decision functions, in order and at their time: a rejected payout gives its entries
 * back to the next run, a paid one writes its debit.
 */
async function seedPayouts(seed: Seed): Promise<void> {
  const { tx, anchor, users } = seed;
  const rng = Rng.stream("payouts");
  const suspectId = (await suspectCreatorId(seed)) ?? -1;
  const seen = new Set<PayoutStatus>();
  // The app refuses a run for a month that ended before the first money was earned (an empty
  // run recorded forever): the story's three months start with the first that has some.
  const [first] = await rows<{ ms: number | null }>(tx, sql`select (extract(epoch from min(occurred_at)) * 1000)::float8 as ms from ledger_entries`);
  const months = completedMonths(anchor, 3).filter((month) => first?.ms == null || month.end > Number(first.ms));
  let paymentSeq = 0;
  for (const [i, month] of months.entries()) {
    const age = months.length - 1 - i;
    const runStart = notAfter(anchor, month.end + 2 * HOUR).getTime();
    const { runId } = await startPayoutRun(systemCaller("seed", users.admin), month.period, { db: tx, at: new Date(runStart) });
    const payouts = await rows<RunPayout>(
      tx,
      sql`select id, creator_id as "creatorId", approvals_required as "approvalsRequired", 'pending_review' as status
          from payouts where run_id = ${runId} order by creator_id, currency`,
    );
    for (const p of payouts) {
      p.status =
        p.creatorId === seed.demo.id ? (age === 0 ? "pending_review" : "paid")
        : p.creatorId === suspectId && age === 0 ? "pending_review" // the flagged case waits for review
        : payoutStatusFor(rng, age);
    }
    if (age === 0) forceMissingStatuses(payouts, seen, seed.demo.id, suspectId);
    for (const p of payouts) {
      seen.add(p.status);
      await decide(seed, rng, p, runStart, suspectId, (paidAt) => `PAY-${paidAt.getUTCFullYear()}-${String(++paymentSeq).padStart(6, "0")}`);
    }
  }
}

/** Every payout state exists in the demo, whatever day of the month the data is loaded. */
function forceMissingStatuses(payouts: RunPayout[], seen: Set<PayoutStatus>, demoId: number, suspectId: number): void {
  const needed: PayoutStatus[] = ["pending_review", "held", "approved", "rejected", "paid"];
  for (const status of needed) {
    const count = (s: PayoutStatus) => payouts.filter((p) => p.status === s).length;
    if (seen.has(status) || count(status) > 0) continue;
    // Take a payout whose own state stays visible elsewhere.
    const p = payouts.find((q) => q.creatorId !== demoId && q.creatorId !== suspectId && (seen.has(q.status) || count(q.status) > 1));
    if (!p) throw new Error(`no payout left to show the "${status}" state`);
    p.status = status;
  }
}

/** Takes the decisions that lead a new payout to `p.status`, as staff took them, through the DAL. */
async function decide(seed: Seed, rng: Rng, p: RunPayout, runStart: number, suspectId: number, reference: (paidAt: Date) => string): Promise<void> {
  const { tx, anchor, users } = seed;
  let at = runStart + rng.int(6, 96) * HOUR;
  let version = 1;
  const when = () => notAfter(anchor, at);
  // The seed acts as the named staff account, inside its transaction, at the time of its story.
  const as = (staffId: number) => systemCaller("seed", staffId);
  const approve = async () => {
    const reviewers = p.approvalsRequired === 2 ? [users.staff, users.staff2] : [rng.pick([users.staff, users.staff2])];
    for (const [i, reviewerId] of reviewers.entries()) {
      if (i > 0) at += rng.int(1, 20) * HOUR;
      // Always with a note: a payout with fraud signals cannot be approved without one.
      await approvePayout(as(reviewerId), { payoutId: p.id, version: version++, note: rng.pick(APPROVAL_NOTES) }, { db: tx, at: when() });
    }
  };

  switch (p.status) {
    case "pending_review":
      return;
    case "held": {
      const code = p.creatorId === suspectId ? "activity_review" : rng.pick(Object.keys(HOLD_REASONS) as (keyof typeof HOLD_REASONS)[]);
      const decideBy = dayKey(at + PAYOUT_HOLD_DAYS * DAY);
      await holdPayout(as(users.staff), { payoutId: p.id, version, reasonCode: code, ...HOLD_REASONS[code], decideBy }, { db: tx, at: when() });
      return;
    }
    case "rejected":
      await rejectPayout(as(users.staff2), { payoutId: p.id, version, reason: rng.pick(REJECT_REASONS) }, { db: tx, at: when() });
      return;
    case "approved":
      await approve();
      return;
    case "paid":
      await approve();
      at += rng.int(24, 72) * HOUR;
      await markPayoutPaid(as(users.staff), { payoutId: p.id, version, paymentReference: reference(when()) }, { db: tx, at: when() });
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// Counters and invariants

/** The enrollment counter agrees with the enrollments written above (ingest kept spent_minor). */
async function syncChallengeCounters(tx: Tx): Promise<void> {
  await tx.execute(sql`
    update challenges c set
      enrolled_count = (select count(*) from enrollments e where e.challenge_id = c.id and e.withdrawn_at is null)`);
}

/** Refuses to commit a data set that breaks the money rules or the demo's promises. */
async function assertSeedInvariants(seed: Seed): Promise<void> {
  const [v] = await rows<Record<string, number>>(
    seed.tx,
    sql`select
      (select count(*)::int from (
        select ledger_entry_id from payout_items where released_at is null group by 1 having count(*) > 1) x)
        as entry_in_two_payouts,
      (select count(*)::int from payouts p where p.amount_minor <> (
        select coalesce(sum(l.amount_minor), 0) from payout_items i join ledger_entries l on l.id = i.ledger_entry_id
        where i.payout_id = p.id)) as payout_amount_mismatch,
      (select count(*)::int from payout_items i join payouts p on p.id = i.payout_id
        where (p.status = 'rejected') <> (i.released_at is not null)) as release_mismatch,
      (select count(*)::int from payouts p where (p.status = 'paid') <>
        exists (select 1 from ledger_entries l where l.payout_id = p.id and l.amount_minor = -p.amount_minor))
        as paid_without_debit,
      (select count(*)::int from payout_items i join ledger_entries l on l.id = i.ledger_entry_id
        join payouts p on p.id = i.payout_id join payout_runs r on r.id = p.run_id
        where l.kind = 'payout'
          or l.available_at >= (to_date(r.period, 'YYYY-MM') + interval '1 month')::timestamp at time zone 'UTC')
        as unavailable_entry_paid_out,
      (select count(*)::int from ledger_entries l join creators c on c.id = l.creator_id
        where l.currency <> c.currency) as ledger_currency_mismatch,
      (select count(*)::int from challenges c where c.enrolled_count <>
        (select count(*) from enrollments e where e.challenge_id = c.id and e.withdrawn_at is null)) as enrolled_count_mismatch,
      (select count(*)::int from challenges c where c.spent_minor <> (
        select coalesce(sum(m.reward_minor), 0) from milestone_awards a join milestones m on m.id = a.milestone_id
        where m.challenge_id = c.id and a.status = 'paid')) as spent_mismatch,
      (select count(*)::int from milestone_awards a join enrollments e on e.id = a.enrollment_id
        join challenges c on c.id = e.challenge_id
        where a.reached_at < greatest(c.starts_at, e.enrolled_at) or a.reached_at >= c.ends_at) as award_outside_window,
      (select count(*)::int from milestone_awards a where (a.status = 'paid') <>
        exists (select 1 from ledger_entries l where l.milestone_award_id = a.id)) as award_ledger_mismatch,
      (select count(*)::int from orders o where o.refunded_minor <>
        (select coalesce(sum(r.amount_minor), 0) from refunds r where r.order_id = o.id)) as refunded_mismatch,
      (select count(*)::int from (select order_id from ledger_entries where order_id is not null
        group by order_id having sum(amount_minor) < 0) x) as negative_order_commission,
      (select count(*)::int from activity_events ev
        where not exists (select 1 from activity_event_receipts r where r.id = ev.id)) as event_without_receipt`,
  );
  const broken = Object.entries(v).filter(([, n]) => Number(n) !== 0);
  if (broken.length) throw new Error(`seed broke ledger rules: ${broken.map(([k, n]) => `${k}=${n}`).join(", ")}`);

  const anchorIso = new Date(seed.anchor).toISOString();
  const [demo] = await rows<Record<string, number>>(
    seed.tx,
    sql`select
      (select count(*)::int from milestone_awards a join milestones m on m.id = a.milestone_id
        join challenges c on c.id = m.challenge_id
        where a.creator_id = ${seed.demo.id} and c.state = 'published'
          and c.starts_at <= ${anchorIso}::timestamptz and c.ends_at > ${anchorIso}::timestamptz)
        as live_awards,
      (select count(*)::int from milestone_awards where creator_id = ${seed.demo.id} and seen_at is null) as unseen_awards,
      (select count(*)::int from payouts where creator_id = ${seed.demo.id} and status = 'paid') as paid_payouts,
      (select count(*)::int from payouts where creator_id = ${seed.demo.id} and status in ('pending_review', 'held'))
        as open_payouts,
      (select count(*)::int from payouts where creator_id = ${seed.demo.id} and status = 'pending_review' and approvals_required = 2)
        as four_eyes_open,
      (select count(*)::int from payouts p where p.status = 'pending_review'
        and p.creator_id = (select creator_id from orders where buyer_ref = ${SUSPECT_BUYER} limit 1)) as flagged_open`,
  );
  const unmet = [
    Number(demo.live_awards) < 2 && "2 awards in live challenges",
    Number(demo.unseen_awards) < 1 && "an unseen award",
    Number(demo.paid_payouts) < 1 && "a paid payout",
    Number(demo.open_payouts) < 1 && "a payout waiting for review",
    Number(demo.four_eyes_open) < 1 && "a payout waiting for two approvers",
    Number(demo.flagged_open) < 1 && "a flagged payout (repeat buyer) waiting for review",
  ].filter(Boolean);
  if (unmet.length) throw new Error(`demo creator lacks ${unmet.join(", ")}`);
}
