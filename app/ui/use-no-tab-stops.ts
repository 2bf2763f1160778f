"use client";

import { type RefObject, useEffect } from "react";

/**
 * Keeps a chart's SVG groups out of the Tab order. The chart is one image to assistive technology
 * (its numbers are in a table beside it), but Chromium lets Tab stop on recharts' unnamed layer
 * groups (<g class="recharts-zIndex-layer_…">), four stops that say nothing. An explicit
 * tabindex="-1" takes them out; the observer catches layers recharts adds after the first paint.
 */
export function useNoTabStops(ref: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const quiet = () => {
      for (const element of root.querySelectorAll("svg, svg g")) {
        if (!element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
      }
    };
    quiet();
    const observer = new MutationObserver(quiet);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [ref]);
}
