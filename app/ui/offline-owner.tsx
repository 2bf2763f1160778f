"use client";

import { useEffect } from "react";
import { claimOfflineData } from "./offline-data";

/** Empties the service worker's page caches when they were filled for someone else (offline-data.ts). */
export function OfflineOwner({ userId }: { userId: string | null }) {
  useEffect(() => {
    void claimOfflineData(userId).catch(() => {});
  }, [userId]);
  return null;
}
