"use client";

import { useRouter } from "next/navigation";
import type { AnchorHTMLAttributes, MouseEvent } from "react";

type AppLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { href: string };

/**
 * An in-app link for what every page loads (the site header, the root not-found page, whose
 * client parts go into every route's first load) and the study page: a plain anchor
 * whose ordinary clicks navigate client-side through the router, as next/link's do. It leaves out
 * next/link's prefetching, which costs about 5 KiB of gzipped JavaScript on first load and fetches
 * little here (the pages are dynamic: per-user). Other pages keep next/link (issue 18).
 */
export function AppLink({ href, onClick, target, ...rest }: AppLinkProps) {
  const router = useRouter();
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    // New tab or window, download, another target, or not the main button: the browser's own way.
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      (target && target !== "_self")
    )
      return;
    event.preventDefault();
    router.push(href);
  };
  return <a href={href} target={target} onClick={follow} {...rest} />;
}
