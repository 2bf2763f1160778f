import type { ComponentType, Ref } from "react";
import { parseCloze } from "@/lib/study/cloze";
import { flagName } from "@/lib/study/flags";
import type { StudyCard } from "@/lib/study/session-data";
import image from "./card-image.module.css";
import { FlagDot } from "./card-marks";
import styles from "./study.module.css";

/** The front of a card; a cloze deletion shows as "[…]" (or its hint) until the answer is shown. */
function ClozeText({ text, revealed }: { text: string; revealed: boolean }) {
  return (
    <>
      {parseCloze(text).map((part, i) =>
        !part.hidden ? (
          part.text
        ) : revealed ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, in order
          <mark key={i} className={styles.studyClozeAnswer}>
            {part.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, in order
          <span key={i} className={styles.studyClozeGap}>
            <span aria-hidden="true">[{part.hint ?? "…"}]</span>
            <span className="visually-hidden">{part.hint ? `blank (${part.hint})` : "blank"}</span>
          </span>
        ),
      )}
    </>
  );
}

interface CardFaceProps {
  card: StudyCard;
  revealed: boolean;
  /** Shown when the session mixes decks. */
  showDeck: boolean;
  /** Focused when the answer appears, so screen readers read it and keyboard users stay on the card. */
  answerRef: Ref<HTMLElement>;
  /** The answer's evidence and sources: their module arrives after first paint (deferred.ts). */
  Details: ComponentType<{ card: StudyCard }> | null;
}

/** A picture of the learner's own card, served by GET /api/images/:id. */
function CardImage({ id }: { id: string }) {
  return (
    // biome-ignore lint/performance/noImgElement: a private, authenticated picture; next/image would proxy and cache it
    <img
      className={image.picture}
      src={`/api/images/${encodeURIComponent(id)}`}
      alt="Illustration of the card"
    />
  );
}

export function CardFace({ card, revealed, showDeck, answerRef, Details }: CardFaceProps) {
  const cloze = card.kind === "cloze";
  // A reversed card's mirror asks from the back: its picture belongs with the answer.
  const imageWithAnswer = card.kind === "reverse";
  return (
    <article className={`card ${styles.studyCard}`} aria-labelledby="study-question-heading">
      <h2 id="study-question-heading" className="visually-hidden">
        Question
      </h2>
      {(card.topic || showDeck || (card.flag ?? 0) > 0) && (
        <p className={styles.studyCardMeta}>
          {showDeck && <span>{card.deckTitle}</span>}
          {card.topic && <span className="pill">{card.topic}</span>}
          {(card.flag ?? 0) > 0 && (
            <span className="pill">
              <FlagDot flag={card.flag ?? 0} /> {flagName(card.flag ?? 0)} flag
            </span>
          )}
        </p>
      )}
      {card.imageId && !imageWithAnswer && <CardImage id={card.imageId} />}
      <p className={styles.studyFront} id="study-front">
        {cloze ? <ClozeText text={card.front} revealed={revealed} /> : card.front}
      </p>
      {revealed && (
        <section
          className={styles.studyBack}
          ref={answerRef}
          tabIndex={-1}
          aria-labelledby="study-answer-heading"
        >
          <h2 id="study-answer-heading" className="visually-hidden">
            Answer
          </h2>
          {card.imageId && imageWithAnswer && <CardImage id={card.imageId} />}
          <p className={cloze ? `${styles.studyAnswer} study-answer-extra` : styles.studyAnswer}>
            {card.back}
          </p>
          {Details && <Details card={card} />}
        </section>
      )}
    </article>
  );
}
