import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadDeckInsight } from "@/lib/data/trainer/client-pages";
import { plural } from "../../clients-words";
import styles from "../../trainer.module.css";
import { TrainerOnly, trainerForPage } from "../../trainer-gate";
import { CohortParameters } from "./cohort-parameters";
import { FailedCards } from "./failed-cards";
import { WrongAnswers } from "./wrong-answers";

export const metadata: Metadata = { title: "Deck insight" };

interface InsightPageProps {
  params: Promise<{ deck: string }>;
}

export default async function InsightPage({ params }: InsightPageProps) {
  const { deck } = await params;
  const trainer = await trainerForPage(`/trainer/insight/${encodeURIComponent(deck)}`);
  if (!trainer) return <TrainerOnly />;
  const page = await loadDeckInsight(trainer.trainerId, deck, new Date());
  if (!page) notFound();
  const { insight, evidence } = page;

  return (
    <>
      <p className="breadcrumb">
        <Link href="/trainer">← Your clients</Link>
      </p>
      <h1>Deck insight: {insight.deckTitle}</h1>
      <p className={styles.insightIntro}>
        Where your clients struggle with this deck, all of them together: use it to choose what to go over in
        your next sessions, the cards they forget most and the wrong answers they pick most.
      </p>
      {insight.clients === 0 ? (
        <div className="card empty-state">
          <p>You have not assigned this deck to any of your clients.</p>
          <Link href="/trainer/clients/assign" className="button">
            Assign a deck
          </Link>
        </div>
      ) : (
        <>
          <p className="muted small">
            Assigned to {plural(insight.clients, "client")}; {insight.sharingClients} of them share quiz
            answers. Only your clients&apos; answers on this deck are counted, never anyone else&apos;s.
          </p>
          <FailedCards cards={insight.failedCards} evidence={evidence} />
          <WrongAnswers answers={insight.wrongAnswers} sharingClients={insight.sharingClients} />
          <CohortParameters trainerId={trainer.trainerId} deckSlug={insight.deckSlug} />
        </>
      )}
    </>
  );
}
