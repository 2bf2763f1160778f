import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { createEmptyCard, fsrs, generatorParameters, Rating } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { newCardSchedule, rate } from "./scheduler";
import { DAY, settingsWith, T0 } from "./test-support";
import {
  averagePerDay,
  sampleWorkloadCards,
  simulateWorkload,
  toWorkloadCards,
  type WorkloadCard,
  type WorkloadInput,
} from "./workload";

const settings = settingsWith();

/** A spread of review cards (seeded): due over the next two months, some overdue, a few still learning. */
function collection(size: number): WorkloadCard[] {
  const rng = xoroshiro128plus(2026);
  const draw = () => (rng.next() >>> 0) / 4_294_967_296;
  return Array.from({ length: size }, () => ({
    dueIn: draw() * 65 - 5,
    sinceReview: 1 + draw() * 30,
    stability: 1 + draw() * 40,
    difficulty: 2 + draw() * 7,
    learning: draw() < 0.03,
  }));
}

const input = (overrides: Partial<WorkloadInput> = {}): WorkloadInput => ({
  cards: collection(300),
  newCards: 400,
  newPerDay: 10,
  settings,
  ...overrides,
});

const total = (reviews: readonly number[]) => reviews.reduce((sum, n) => sum + n, 0);

describe("simulateWorkload", () => {
  it("projects nothing for a learner with no cards", () => {
    const run = simulateWorkload(input({ cards: [], newCards: 0 }), 0.9, { days: 365, seed: 1 });
    expect(run.reviews).toHaveLength(365);
    expect(total(run.reviews)).toBe(0);
    expect(total(run.newCards)).toBe(0);
    expect(averagePerDay(run, 30)).toBe(0);
  });

  it("projects nothing when no new cards are allowed and none were introduced", () => {
    const run = simulateWorkload(input({ cards: [], newCards: 500, newPerDay: 0 }), 0.9, {
      days: 30,
      seed: 1,
    });
    expect(total(run.reviews)).toBe(0);
  });

  it("costs more reviews at a higher desired retention, over 30 and over 365 days", () => {
    const [low, mid, high] = [0.85, 0.9, 0.95].map((retention) =>
      simulateWorkload(input(), retention, { days: 365, seed: 7 }),
    ) as [
      ReturnType<typeof simulateWorkload>,
      ReturnType<typeof simulateWorkload>,
      ReturnType<typeof simulateWorkload>,
    ];
    for (const days of [30, 365]) {
      expect(averagePerDay(mid, days)).toBeGreaterThan(averagePerDay(low, days));
      expect(averagePerDay(high, days)).toBeGreaterThan(averagePerDay(mid, days));
    }
    // The retention changes what reviews cost, not how many new cards come in.
    expect(high.newCards).toEqual(low.newCards);
  });

  it("holds for a small collection too: it is simulated several times and averaged", () => {
    const small = input({ cards: collection(3), newCards: 160, newPerDay: 10 });
    const means = [0.85, 0.9, 0.95].map((r) =>
      averagePerDay(simulateWorkload(small, r, { days: 365, seed: 4 }), 365),
    );
    expect(means[1]).toBeGreaterThan(means[0]!);
    expect(means[2]).toBeGreaterThan(means[1]!);
  });

  it("holds for the existing cards alone, without new ones", () => {
    const runs = [0.8, 0.97].map((r) => simulateWorkload(input({ newCards: 0 }), r, { days: 365, seed: 3 }));
    expect(total(runs[1]!.reviews)).toBeGreaterThan(total(runs[0]!.reviews));
  });

  it("is the same for the same seed, and a 30-day run is the start of a 365-day one", () => {
    const a = simulateWorkload(input(), 0.9, { days: 365, seed: 11 });
    const b = simulateWorkload(input(), 0.9, { days: 365, seed: 11 });
    const short = simulateWorkload(input(), 0.9, { days: 30, seed: 11 });
    expect(b).toEqual(a);
    expect(short.reviews).toEqual(a.reviews.slice(0, 30));
  });

  it("introduces new cards at the daily pace until none are left, learning steps counted", () => {
    const run = simulateWorkload(input({ cards: [], newCards: 25, newPerDay: 10, newToday: 4 }), 0.9, {
      days: 30,
      seed: 5,
    });
    expect(run.newCards.slice(0, 5)).toEqual([4, 10, 10, 1, 0]);
    // Default learning steps 1m 10m: each new card is answered twice on its first day.
    expect(run.reviews[0]).toBe(8);
    expect(run.reviews[1]).toBe(20);
  });

  it("reviews a new card on the day ts-fsrs schedules it after its learning steps", () => {
    // The reference: ts-fsrs itself, answering Good through the learning steps (1m, 10m).
    const f = fsrs(generatorParameters({ enable_fuzz: false, learning_steps: ["1m", "10m"] }));
    let card = f.next(createEmptyCard(T0), T0, Rating.Good).card;
    card = f.next(card, card.due, Rating.Good).card;
    const graduationDay = Math.floor((card.due.getTime() - T0.getTime()) / DAY);
    const run = simulateWorkload(input({ cards: [], newCards: 1, newPerDay: 1 }), 0.9, { days: 10, seed: 1 });
    expect(run.reviews[0]).toBeCloseTo(2, 9);
    expect(run.reviews.findIndex((n, day) => day > 0 && n > 0)).toBe(graduationDay);
  });

  it("spreads reviews with fuzz on, as the scheduler does, without changing the workload much", () => {
    const plain = input({ cards: collection(300), newCards: 300, newPerDay: 10 });
    const fuzzy = { ...plain, settings: { ...settings, enableFuzz: true } };
    const without = simulateWorkload(plain, 0.9, { days: 120, seed: 6 });
    const withFuzz = simulateWorkload(fuzzy, 0.9, { days: 120, seed: 6 });
    expect(simulateWorkload(fuzzy, 0.9, { days: 120, seed: 6 })).toEqual(withFuzz);
    expect(withFuzz.reviews).not.toEqual(without.reviews);
    expect(total(withFuzz.reviews)).toBeGreaterThan(total(without.reviews) * 0.85);
    expect(total(withFuzz.reviews)).toBeLessThan(total(without.reviews) * 1.15);
  });

  it("reviews overdue cards today and a card due in three days on day three", () => {
    const cards: WorkloadCard[] = [
      { dueIn: -4.5, sinceReview: 10, stability: 6, difficulty: 5, learning: false },
      { dueIn: 3.2, sinceReview: 2, stability: 5, difficulty: 5, learning: false },
    ];
    const run = simulateWorkload(input({ cards, newCards: 0 }), 0.9, { days: 4, seed: 2 });
    expect(run.reviews[0]).toBeGreaterThanOrEqual(1);
    expect(run.reviews[3]).toBeGreaterThanOrEqual(1);
  });

  it("scales a sample of a large collection to the whole", () => {
    const cards = collection(4000);
    const whole = simulateWorkload(input({ cards, newCards: 0 }), 0.9, { days: 60, seed: 9, maxCards: 4000 });
    const sampled = simulateWorkload(input({ cards, newCards: 0 }), 0.9, {
      days: 60,
      seed: 9,
      maxCards: 1000,
    });
    expect(total(sampled.reviews)).toBeGreaterThan(total(whole.reviews) * 0.9);
    expect(total(sampled.reviews)).toBeLessThan(total(whole.reviews) * 1.1);
    // A sample sent to the browser stands for the collection it came from.
    const shipped = simulateWorkload(
      input({ cards: sampleWorkloadCards(cards, 1000), introduced: 4000, newCards: 0 }),
      0.9,
      { days: 60, seed: 9, maxCards: 1000 },
    );
    expect(total(shipped.reviews)).toBeCloseTo(total(sampled.reviews), 6);
  });

  it("runs three retentions for 500 cards over 365 days well under a second", () => {
    const big = input({ cards: collection(500), newCards: 5000, newPerDay: 20 });
    simulateWorkload(big, 0.9, { days: 365, seed: 1 }); // warm up the JIT
    const started = performance.now();
    for (const retention of [0.85, 0.9, 0.95]) simulateWorkload(big, retention, { days: 365, seed: 1 });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("toWorkloadCards", () => {
  it("keeps introduced cards, in days from the start of the study day", () => {
    const fresh = newCardSchedule(T0);
    const learned = rate(
      rate(fresh, 3, T0, settings, "k").next,
      3,
      new Date(T0.getTime() + 600_000),
      settings,
      "k",
    );
    const dayStart = new Date(T0.getTime() + DAY);
    const [card, ...rest] = toWorkloadCards([fresh, learned.next], dayStart);
    expect(rest).toEqual([]);
    expect(card).toMatchObject({ learning: false, stability: learned.next.stability });
    expect(card!.dueIn).toBeCloseTo((learned.next.due.getTime() - dayStart.getTime()) / DAY, 9);
    expect(card!.sinceReview).toBeCloseTo(1 - 600_000 / DAY, 9);
  });
});

describe("sampleWorkloadCards", () => {
  it("spreads the sample evenly and keeps short lists whole", () => {
    expect(sampleWorkloadCards([1, 2, 3], 5)).toEqual([1, 2, 3]);
    expect(sampleWorkloadCards([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 5)).toEqual([0, 2, 4, 6, 8]);
  });
});

describe("simulateWorkload with deck presets", () => {
  const days = 60;
  const options = { days, seed: 7 };

  it("keeps a preset deck's cards at the preset's retention whatever the slider says", () => {
    const preset = input({
      cards: collection(200).map((card) => ({ ...card, retention: 0.9 })),
      newCards: 0,
    });
    expect(simulateWorkload(preset, 0.8, options).reviews).toEqual(
      simulateWorkload(preset, 0.95, options).reviews,
    );
    const plain = input({ cards: collection(200), newCards: 0 });
    expect(total(simulateWorkload(plain, 0.95, options).reviews)).toBeGreaterThan(
      total(simulateWorkload(plain, 0.8, options).reviews),
    );
  });

  it("introduces a preset deck's new cards at its own pace, all decks under the all-decks limit", () => {
    const run = simulateWorkload(
      input({ cards: [], newCards: 0, presets: [{ newCards: 10, newPerDay: 3, retention: 0.9 }] }),
      0.9,
      options,
    );
    expect(run.newCards.slice(0, 5)).toEqual([3, 3, 3, 1, 0]);
    const capped = simulateWorkload(
      input({
        cards: [],
        newCards: 100,
        newPerDay: 3,
        newPerDayTotal: 4,
        presets: [{ newCards: 100, newPerDay: 3, newToday: 1, retention: 0.9 }],
      }),
      0.9,
      options,
    );
    expect(capped.newCards.slice(0, 3)).toEqual([4, 4, 4]);
  });

  it("changes nothing for a learner without presets", () => {
    const plain = input();
    expect(simulateWorkload({ ...plain, presets: [] }, 0.9, options)).toEqual(
      simulateWorkload(plain, 0.9, options),
    );
  });
});
