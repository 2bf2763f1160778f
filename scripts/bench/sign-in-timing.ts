import { performance } from "node:perf_hooks";
import { percentiles } from "./stats";

/**
 * `authenticate()` for an unknown email against a wrong password, interleaved so drift in
 * machine load hits both alike. The decoy verification should make them indistinguishable.
 */
export async function benchSignInTiming() {
  const { createUser, authenticate } = await import("@/lib/data/users");
  const { db } = await import("@/lib/db");
  await createUser({
    name: "Bench",
    email: "sign-in@bench.example",
    password: "bench-password",
    role: "learner",
  });
  const unknown: number[] = [];
  const wrong: number[] = [];
  const time = async (email: string, into: number[]) => {
    const start = performance.now();
    await authenticate(email, "not the password");
    into.push(performance.now() - start);
  };
  for (let i = 0; i < 35; i++) {
    await time(`nobody-${i}@bench.example`, unknown);
    await time("sign-in@bench.example", wrong);
  }
  await db.$disconnect();
  // The first five of each warm up the decoy hash and the database connection.
  const u = percentiles(unknown.slice(5));
  const w = percentiles(wrong.slice(5));
  return { unknown: u, wrong: w, differencePercent: ((u.p50 - w.p50) / w.p50) * 100 };
}
