import { useEffect, useState } from "react";

/**
 * The clock, ticking every `intervalMs`; null until hydrated, so server HTML and the first client
 * render agree (relative times depend on the browser's clock and time zone).
 */
export function useNow(intervalMs: number): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
