import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadClientPage, loadClientTools } from "@/lib/data/trainer/client-pages";
import { ClientStatusPill } from "../../clients-assignment";
import { dateText } from "../../clients-words";
import { TrainerOnly, trainerForPage } from "../../trainer-gate";
import { AssignmentProgress } from "./assignment-progress";
import { ClientHistorySection } from "./client-history";
import { ClientActivity, ClientFigures } from "./client-overview";
import styles from "./client-page.module.css";
import { EditAssignment } from "./edit-assignment";
import { MoveClient } from "./move-client";
import { NotesPanel } from "./notes-panel";
import { QuizMisses } from "./quiz-misses";
import { WeakestCards } from "./weakest-cards";

// The client's name is private: it stays out of the document title (and so out of browser history).
export const metadata: Metadata = { title: "Client" };

interface ClientPageProps {
  params: Promise<{ clientId: string }>;
}

export default async function ClientPage({ params }: ClientPageProps) {
  const { clientId } = await params;
  const trainer = await trainerForPage(`/trainer/clients/${encodeURIComponent(clientId)}`);
  if (!trainer) return <TrainerOnly />;
  const now = new Date();
  const [page, tools] = await Promise.all([
    loadClientPage(trainer.trainerId, clientId, now),
    loadClientTools(trainer.trainerId, clientId, now),
  ]);
  if (!page || !tools) notFound();
  const { detail, linkedAt, evidence } = page;
  const { client } = detail;
  const deckTitles = new Map(client.assignments.map((a) => [a.deckSlug, a.deckTitle]));
  const progress = new Map(detail.progress.map((p) => [p.assignmentId, p]));

  return (
    <>
      <p className="breadcrumb">
        <Link href="/trainer">← Your clients</Link>
      </p>
      <div className={styles.clientHeading}>
        <div>
          <h1>{client.name}</h1>
          <p className="muted">
            {client.email}
            {linkedAt && <> · linked since {dateText(linkedAt)}</>}
          </p>
        </div>
        <div className="row">
          <ClientStatusPill status={client.status} />
          <Link href={`/trainer/clients/${client.clientId}/report`} className="button secondary small-button">
            Printable report
          </Link>
        </div>
      </div>
      <MoveClient clientId={client.clientId} groupId={client.groupId} groups={tools.groups} />
      <ClientFigures detail={detail} now={now} />

      <section aria-labelledby="assignments-heading">
        <div className="section-title">
          <h2 id="assignments-heading">Assigned decks</h2>
          <Link href="/trainer/clients/assign">Assign a deck</Link>
        </div>
        {client.assignments.length === 0 ? (
          <div className="card empty-state">
            <p>No decks assigned. You see a client&apos;s progress only on the decks you assign them.</p>
            <Link href="/trainer/clients/assign" className="button">
              Assign a deck
            </Link>
          </div>
        ) : (
          <ul className={`feature-list ${styles.assignmentProgressList}`}>
            {client.assignments.map((assignment) => (
              <AssignmentProgress
                key={assignment.assignmentId}
                assignment={assignment}
                progress={progress.get(assignment.assignmentId)}
                now={now}
              >
                <EditAssignment
                  assignment={{
                    assignmentId: assignment.assignmentId,
                    deckTitle: assignment.deckTitle,
                    dueAt: assignment.dueAt ? assignment.dueAt.toISOString().slice(0, 10) : "",
                    goal: assignment.goal,
                    targetRecall:
                      assignment.targetRecall === null
                        ? ""
                        : String(Math.round(assignment.targetRecall * 100)),
                    message: tools.messages.get(assignment.assignmentId) ?? "",
                  }}
                />
              </AssignmentProgress>
            ))}
          </ul>
        )}
      </section>

      <ClientActivity days={detail.heatmap} />
      <WeakestCards cards={detail.weakestCards} evidence={evidence} deckTitles={deckTitles} now={now} />
      <QuizMisses misses={detail.quizMisses} name={client.name} />
      <ClientHistorySection history={tools.history} name={client.name} />
      <section aria-labelledby="notes-heading">
        <div className="section-title">
          <h2 id="notes-heading">Private notes</h2>
        </div>
        <NotesPanel
          clientId={client.clientId}
          notes={tools.notes.map((n) => ({ id: n.id, body: n.body, createdAt: n.createdAt.toISOString() }))}
        />
      </section>
    </>
  );
}
