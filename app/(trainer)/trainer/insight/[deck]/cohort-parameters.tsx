import { ActionButton } from "@/app/ui/action-button";
import { FitTable } from "@/app/ui/fit-table";
import { OptimizationRunner } from "@/app/ui/optimization-runner";
import { countText, dateText } from "@/app/ui/parameter-words";
import { getCohortOverview } from "@/lib/data/trainer/cohort-parameters";
import { MIN_TRAINING_REVIEWS } from "@/lib/srs/training";
import { applyCohortAction, discardCohortAction } from "./cohort-actions";

/**
 * Group parameters: one FSRS set fitted on this deck's reviews by the trainer's clients, used by
 * those of them who do not yet have enough reviews of their own.
 */
export async function CohortParameters({ trainerId, deckSlug }: { trainerId: string; deckSlug: string }) {
  const cohort = await getCohortOverview(trainerId, deckSlug, new Date());
  const { inUse, proposal } = cohort;
  return (
    <section className="card stack" aria-labelledby="cohort-heading">
      <h2 id="cohort-heading">Group parameters</h2>
      <p className="muted">
        Fit FSRS&apos;s 21 parameters on this deck&apos;s {countText(cohort.reviewCount, "review")} by your{" "}
        {countText(cohort.clients, "client")} with it assigned (quiz answers count for the{" "}
        {cohort.sharingClients} who share them). Clients with fewer than {MIN_TRAINING_REVIEWS} reviews of
        their own are then scheduled with them; the others keep their own. You see the fit of the group, never
        one client&apos;s answers.
      </p>
      <div aria-live="polite">
        <p>
          {inUse ? (
            <>
              In use: <strong>version {inUse.version}</strong>, fitted on{" "}
              {countText(inUse.reviewCount, "review")} on {dateText(inUse.createdAt)}.
            </>
          ) : (
            "In use: none. Your clients are scheduled with FSRS's defaults or their own parameters."
          )}
        </p>
      </div>
      {inUse && (
        <ActionButton
          action={discardCohortAction}
          fields={{ setId: inUse.id }}
          label="Stop using"
          accessibleLabel={`Stop using version ${inUse.version}`}
          pendingLabel="Stopping…"
          variant="danger"
          confirm={{
            question: "Stop using these group parameters? Your clients go back to the ones used before them.",
            yes: "Yes, stop",
          }}
        />
      )}
      <OptimizationRunner
        key={cohort.activeJob?.id ?? "idle"}
        request={{ scope: "cohort", deckSlug }}
        label="Fit group parameters"
        activeJob={cohort.activeJob}
        doneMessage="Fitting finished."
        unavailable={
          cohort.clients === 0
            ? "Available once a client has this deck assigned by you."
            : cohort.reviewCount < MIN_TRAINING_REVIEWS
              ? `Available once your clients have ${MIN_TRAINING_REVIEWS} reviews of this deck: ${MIN_TRAINING_REVIEWS - cohort.reviewCount} to go.`
              : null
        }
      />
      {proposal && (
        <section className="stack" aria-labelledby="cohort-proposal-heading">
          <h3 id="cohort-proposal-heading">New group parameters (version {proposal.version})</h3>
          <p>
            Fitted on {countText(proposal.reviewCount, "review")} of {countText(proposal.cardCount, "card")}{" "}
            on {dateText(proposal.createdAt)}.
          </p>
          <FitTable before={proposal.before} after={proposal.after} />
          <div className="row">
            <ActionButton
              action={applyCohortAction}
              fields={{ setId: proposal.id }}
              label="Use for my clients"
              pendingLabel="Applying…"
            />
            <ActionButton
              action={discardCohortAction}
              fields={{ setId: proposal.id }}
              label="Discard"
              accessibleLabel={`Discard version ${proposal.version}`}
              pendingLabel="Discarding…"
            />
          </div>
        </section>
      )}
    </section>
  );
}
