import { seedDatabase } from "../lib/seed";
import { runScript } from "./run-script";

// Idempotent: content is upserted by id; demo accounts only with SEED_DEMO=1.
runScript(async () => {
  await seedDatabase({ demo: process.env.SEED_DEMO === "1" });
});
