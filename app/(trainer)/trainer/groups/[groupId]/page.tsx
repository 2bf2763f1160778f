import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getGroupHistory } from "@/lib/data/trainer/progress";
import { NotFoundError } from "@/lib/errors";
import { plural } from "../../clients-words";
import {
  ForgottenCardsTable,
  QuizAttemptsTable,
  WeeklyHistory,
  WeeklyHistoryList,
} from "../../history/history-section";
import { TrainerOnly, trainerForPage } from "../../trainer-gate";

export const metadata: Metadata = { title: "Group progress" };

async function load(trainerId: string, groupId: string) {
  try {
    return await getGroupHistory(trainerId, groupId.slice(0, 100), new Date());
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** A group's progress over time: each assigned deck week by week over its members. */
export default async function GroupPage({ params }: { params: Promise<{ groupId: string }> }) {
  const { groupId } = await params;
  const trainer = await trainerForPage(`/trainer/groups/${encodeURIComponent(groupId)}`);
  if (!trainer) return <TrainerOnly />;
  const history = await load(trainer.trainerId, groupId);
  if (!history) notFound();
  const members = `/trainer?group=${encodeURIComponent(history.group.id)}`;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/trainer/groups">← Groups</Link>
      </p>
      <h1>{history.group.name}</h1>
      <p className="muted">
        {plural(history.clients, "client")} · <Link href={members}>See them in the clients table</Link> ·{" "}
        <Link href={`/trainer/clients/assign?group=${encodeURIComponent(history.group.id)}`}>
          Assign a deck
        </Link>
      </p>
      <section aria-labelledby="group-history-heading">
        <div className="section-title">
          <h2 id="group-history-heading">Progress over time</h2>
        </div>
        <p className="muted small">
          Per deck over the members who have it: reviews summed, retention pooled over their answers,
          predicted recall averaged over clients.
        </p>
        {history.decks.length === 0 ? (
          <div className="card empty-state">No answers on assigned decks yet.</div>
        ) : (
          <WeeklyHistoryList>
            {history.decks.map((d) => (
              <WeeklyHistory
                key={d.deckSlug}
                id={d.deckSlug}
                title={`${d.deckTitle} (${plural(d.clients, "client")})`}
                weeks={d.weeks}
              />
            ))}
          </WeeklyHistoryList>
        )}
      </section>
      <section aria-labelledby="group-forgotten-heading">
        <div className="section-title">
          <h2 id="group-forgotten-heading">Most often forgotten: this week and last</h2>
        </div>
        <ForgottenCardsTable cards={history.forgotten} />
      </section>
      <section aria-labelledby="group-attempts-heading">
        <div className="section-title">
          <h2 id="group-attempts-heading">Quiz attempts</h2>
        </div>
        <p className="muted small">Of members who share quiz answers with you.</p>
        <QuizAttemptsTable attempts={history.quizAttempts} clientNames />
      </section>
    </>
  );
}
