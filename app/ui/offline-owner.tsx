"use client";

import { useEffect } from "react";

/**
 * Empties the service worker's page caches when they were filled for someone else (offline-data.ts).
 * Every page has this: the check's code loads after hydration instead of in every first load.
 */
export function OfflineOwner({ userId }: { userId: string | null }) {
  useEffect(() => {
    void import("./offline-data").then(({ claimOfflineData }) => claimOfflineData(userId)).catch(() => {});
  }, [userId]);
  return null;
}
