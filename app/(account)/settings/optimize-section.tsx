import { countText, dateText } from "@/app/ui/parameter-words";
import { type EffectiveParameters, getParameterOverview, previewReschedule } from "@/lib/data/parameters";
import { MIN_TRAINING_REVIEWS } from "@/lib/srs/training";
import { OptimizeStart } from "./optimize-start";
import { ParameterProposal } from "./parameter-proposal";
import { ParameterVersions } from "./parameter-versions";
import styles from "./parameters.module.css";
import { RescheduleCards } from "./reschedule-cards";

function InUse({ effective }: { effective: EffectiveParameters }) {
  const { set } = effective;
  if (effective.source === "personal" && set) {
    return (
      <p>
        Now in use: <strong>your parameters, version {set.version}</strong>, fitted on{" "}
        {countText(set.reviewCount, "review")} on {dateText(set.createdAt)}.
      </p>
    );
  }
  if (effective.source === "cohort" && set) {
    return (
      <p>
        Now in use: <strong>the group parameters {set.trainerName ?? "your trainer"} fitted</strong> on their
        clients&apos; reviews of {set.deckTitle ?? "a deck they assigned you"}. They apply until you have{" "}
        {MIN_TRAINING_REVIEWS} reviews of your own.
      </p>
    );
  }
  return (
    <p>
      Now in use: <strong>FSRS&apos;s default parameters</strong>, fitted on millions of reviews by many
      people.
    </p>
  );
}

/** Settings: fit FSRS to the learner's own reviews, decide on the result, reschedule, switch versions. */
export async function OptimizeSection({ userId }: { userId: string }) {
  const now = new Date();
  const overview = await getParameterOverview(userId, now);
  const preview = overview.proposal ? await previewReschedule(userId, now, overview.proposal.id) : null;
  return (
    <div className={styles.sections}>
      <section className="card stack" aria-labelledby="optimize-heading">
        <h2 id="optimize-heading">Optimize my schedule</h2>
        <p className="muted">
          FSRS predicts when you will forget each card from 21 parameters. Fitting them to your own reviews
          makes its predictions yours. It needs at least {MIN_TRAINING_REVIEWS} reviews; you have{" "}
          {overview.reviewCount.toLocaleString("en")}. Nothing changes until you apply the result.
        </p>
        <InUse effective={overview.effective} />
        <OptimizeStart
          key={overview.activeJob?.id ?? "idle"}
          activeJob={overview.activeJob}
          includeQuizByDefault={overview.includeQuizByDefault}
          unavailable={
            overview.reviewCount < MIN_TRAINING_REVIEWS
              ? `Available once you have ${MIN_TRAINING_REVIEWS} reviews: ${MIN_TRAINING_REVIEWS - overview.reviewCount} to go.`
              : null
          }
        />
        <ParameterProposal proposal={overview.proposal} preview={preview} />
      </section>
      <RescheduleCards />
      <ParameterVersions versions={overview.versions} effective={overview.effective} />
    </div>
  );
}
