import { notFound, redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { typedQuizCards } from "@/lib/data/typed-quiz";
import { NotFoundError } from "@/lib/errors";
import { studyPath } from "@/lib/study/scope";

/**
 * A typed-answer quiz: ten of the deck's cards (learned ones first), each answered by typing,
 * compared character by character and graded by the learner from a suggestion. It runs on the
 * study page's "these cards" session, so every answer is a real review, as quiz answers are.
 */
export default async function TypedQuizPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/decks/${encodeURIComponent(slug)}/typed-quiz`);
  let cards: string[];
  try {
    cards = await typedQuizCards(user.id, slug, Math.random);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  if (cards.length === 0) redirect(`/decks/${encodeURIComponent(slug)}`);
  redirect(`${studyPath({ deck: slug, cardIds: cards })}&typed=1`);
}
