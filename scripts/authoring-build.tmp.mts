import { ensureAuthSecret, ensureServerActionsKey } from "/work/wt/authoring/scripts/auth-secret";
import { buildIfNeeded } from "/work/wt/authoring/scripts/build-if-needed";
ensureAuthSecret();
ensureServerActionsKey();
await buildIfNeeded();
console.log("BUILT");
