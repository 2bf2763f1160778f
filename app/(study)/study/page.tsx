import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requirePageUser } from "@/lib/auth/session";
import { getStudySession } from "@/lib/data/study";
import { NotFoundError } from "@/lib/errors";
import { scopeTitle, studyPath } from "@/lib/study/scope";
import { startSession } from "@/lib/study/session-queue";
import { StudyHint } from "./study-hint";
import { StudySession } from "./study-session";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const MAX_CARDS = 200;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function scopeOf(params: Awaited<SearchParams>) {
  const deck = first(params.deck)?.trim() || null;
  const ids = [...new Set((first(params.cards) ?? "").split(",").map((id) => id.trim()))].filter(Boolean);
  return { deck, cardIds: ids.length ? ids.slice(0, MAX_CARDS) : null };
}

/** One load per request, shared by the title and the page. */
const loadSession = cache(async (deck: string | null, cards: string | null) => {
  const cardIds = cards ? cards.split(",") : null;
  const user = await requirePageUser(studyPath({ deck, cardIds }));
  try {
    return await getStudySession(user.id, { deck, cardIds }, new Date());
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

async function load(searchParams: SearchParams) {
  const { deck, cardIds } = scopeOf(await searchParams);
  return loadSession(deck, cardIds?.join(",") ?? null);
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const data = await load(searchParams);
  return { title: `Study · ${scopeTitle(data.scope)}` };
}

export default async function StudyPage({ searchParams }: { searchParams: SearchParams }) {
  const typed = first((await searchParams).typed) === "1";
  const data = await load(searchParams);
  return (
    <StudySession
      // The session starts here, as it did in the browser at the server's time: the study page's
      // first load carries no queue-building code (lib/study/session-view.ts is all it reads).
      queue={startSession(data, data.serverNow)}
      title={scopeTitle(data.scope)}
      scope={data.scope}
      leech={data.leech}
      typed={typed}
      hint={<StudyHint path={studyPath(data.scope)} typed={typed} />}
    />
  );
}
