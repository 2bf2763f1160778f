/**
 * Whether `npm start` creates the demo accounts, and the line it logs about it. Their password is
 * published in the README, so a production server (NODE_ENV=production) gets them only when
 * asked with SEED_DEMO=1; elsewhere they are on unless SEED_DEMO=0 (issue 13).
 */
export function demoAccountsPolicy(env: { NODE_ENV?: string; SEED_DEMO?: string }): {
  demo: boolean;
  note: string;
} {
  const production = env.NODE_ENV === "production";
  if (env.SEED_DEMO === "0") return { demo: false, note: "Demo accounts: off (SEED_DEMO=0)." };
  if (!production) return { demo: true, note: "Demo accounts: on (SEED_DEMO=0 turns them off)." };
  if (env.SEED_DEMO === "1") {
    return {
      demo: true,
      note: "Demo accounts: ON in production because SEED_DEMO=1. Their password is public: do not keep them on a server others can reach.",
    };
  }
  return {
    demo: false,
    note: "Demo accounts: off in production (NODE_ENV=production); set SEED_DEMO=1 to create them.",
  };
}
