"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
import styles from "../../author.module.css";

type Phase =
  | { name: "idle" }
  | { name: "uploading"; fraction: number }
  | { name: "processing"; stage?: string; fraction?: number | null }
  | { name: "failed"; message: string; code: string | null };

const STAGES: Record<string, string> = {
  uploaded: "Uploaded; waiting for the reader…",
  extracting: "Extracting the text…",
  proposing: "Proposing cards and questions…",
};

/**
 * Sends the document with XMLHttpRequest, the one browser API that reports upload progress; the
 * server then extracts and proposes in a worker thread while the bar shows that step as running.
 */
export function UploadForm({ maxBytes, accept }: { maxBytes: number; accept: string }) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const busy = phase.name === "uploading" || phase.name === "processing";
  const token = useRef("");
  const processing = phase.name === "processing";

  // While the server reads the document, ask how far it has got (stage, and pages for a PDF).
  useEffect(() => {
    if (!processing) return;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/documents/progress?token=${token.current}`).catch(() => null);
      if (!response?.ok) return;
      const { stage, fraction } = (await response.json()) as { stage: string; fraction: number | null };
      setPhase((now) => (now.name === "processing" ? { name: "processing", stage, fraction } : now));
    }, 400);
    return () => clearInterval(timer);
  }, [processing]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (file instanceof File && file.size > maxBytes) {
      setPhase({ name: "failed", message: "The document is larger than 10 MB.", code: "too-large" });
      return;
    }
    if (file instanceof File && file.size === 0) form.delete("file");
    const request = new XMLHttpRequest();
    token.current = crypto.randomUUID().replaceAll("-", "");
    request.open("POST", `/api/documents?progress=${token.current}`);
    request.responseType = "json";
    request.upload.onprogress = (progress) => {
      if (progress.lengthComputable)
        setPhase({ name: "uploading", fraction: progress.loaded / progress.total });
    };
    request.upload.onload = () => setPhase({ name: "processing" });
    request.onerror = () =>
      setPhase({
        name: "failed",
        message: "The upload failed. Check your connection and try again.",
        code: null,
      });
    request.onload = () => {
      const body = (request.response ?? {}) as { href?: string; error?: string; code?: string };
      if (request.status < 300 && body.href) {
        router.push(body.href);
        return;
      }
      setPhase({
        name: "failed",
        message: body.error ?? "Something went wrong on our side. Please try again.",
        code: body.code ?? null,
      });
    };
    setPhase({ name: "uploading", fraction: 0 });
    request.send(form);
  }

  return (
    <form className={`card ${styles.uploadForm}`} onSubmit={submit} aria-describedby="upload-status">
      <label>
        File (.md, .txt, .html, .pdf, .docx)
        <input type="file" name="file" accept={accept} disabled={busy} />
      </label>
      <label>
        …or paste text or Markdown
        <textarea className="input" name="text" rows={8} disabled={busy} />
      </label>
      <label>
        Title (optional; taken from the document when empty)
        <input className="input" type="text" name="title" maxLength={200} disabled={busy} />
      </label>
      {phase.name === "failed" && phase.code === "not-english" && (
        <label className={styles.inline}>
          <input type="checkbox" name="acceptNonEnglish" /> Keep it anyway
        </label>
      )}
      <div id="upload-status" aria-live="polite">
        {phase.name === "uploading" && (
          <p>
            <progress max={1} value={phase.fraction} aria-label="Uploading" /> Uploading…{" "}
            {Math.round(phase.fraction * 100)} %
          </p>
        )}
        {phase.name === "processing" && (
          <p>
            {typeof phase.fraction === "number" ? (
              <progress aria-label="Reading the document" max={1} value={phase.fraction} />
            ) : (
              <progress aria-label="Reading the document" />
            )}{" "}
            {STAGES[phase.stage ?? ""] ?? "Reading the document and proposing cards…"}
          </p>
        )}
        {phase.name === "failed" && (
          <p className="alert" role="alert">
            {phase.message}
          </p>
        )}
      </div>
      <button className="button" type="submit" disabled={busy}>
        {busy ? "Working…" : "Bring it in"}
      </button>
    </form>
  );
}
