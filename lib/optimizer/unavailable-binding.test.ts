import { default_w } from "ts-fsrs";
import { afterAll, describe, expect, it } from "vitest";
import type { TrainingItem } from "@/lib/srs/training";
import { runOptimizer } from "./run-optimizer";

// Where the native binding does not load (a platform the registry has no build for; see
// docs/dependencies.md), a fit fails with the reason, and the process carries on.
describe("runOptimizer without a loadable binding", { timeout: 20_000 }, () => {
  // The binding's loader then tries only this path; the worker copies the environment when it starts.
  process.env.NAPI_RS_NATIVE_LIBRARY_PATH = "/nonexistent/fsrs-binding.node";
  afterAll(() => {
    delete process.env.NAPI_RS_NATIVE_LIBRARY_PATH;
  });

  it("rejects each fit with a clear message instead of crashing", async () => {
    const items: TrainingItem[] = [
      [{ rating: 3, deltaT: 0 }],
      [
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 3 },
      ],
    ];
    const input = {
      items,
      currentWeights: [...default_w],
      numRelearningSteps: 1,
    };
    await expect(runOptimizer(input)).rejects.toThrow(
      "The optimizer failed: the FSRS optimizer cannot load on ",
    );
    // The worker is still there and answers the next fit the same way.
    await expect(runOptimizer(input)).rejects.toThrow("cannot load");
  });
});
