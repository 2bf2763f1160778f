"use client";

import Link from "next/link";
import { type FormEvent, useRef, useState } from "react";
import { CARD_IMAGE_LIMITS } from "@/lib/images/image-type";
import styles from "./package-form.module.css";

interface Imported {
  href: string;
  cards: number;
  reviews: number;
  pictures: number;
  notices: string[];
}

type Status =
  | { step: "idle" }
  | { step: "uploading"; fraction: number | null }
  | { step: "importing" }
  | { step: "done"; result: Imported }
  | { step: "failed"; message: string };

const n = (value: number) => value.toLocaleString("en-GB");

/**
 * Sends an .apkg to POST /api/packages. XMLHttpRequest rather than fetch: it reports the upload's
 * progress, which a package of tens of megabytes on a slow line needs.
 */
function upload(data: FormData, onProgress: (fraction: number | null) => void, onSent: () => void) {
  return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/packages");
    request.responseType = "json";
    request.upload.onprogress = (event) =>
      onProgress(event.lengthComputable ? event.loaded / event.total : null);
    request.upload.onload = onSent;
    request.onload = () =>
      resolve({ status: request.status, body: (request.response ?? {}) as Record<string, unknown> });
    request.onerror = () => reject(new Error("network"));
    request.send(data);
  });
}

export function PackageForm({ maxBytes }: { maxBytes: number }) {
  const form = useRef<HTMLFormElement>(null);
  const [status, setStatus] = useState<Status>({ step: "idle" });
  const megabytes = maxBytes / (1024 * 1024);
  const busy = status.step === "uploading" || status.step === "importing";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form.current || busy) return;
    const file = form.current.querySelector<HTMLInputElement>('input[type="file"]')?.files?.[0];
    if (!file) return setStatus({ step: "failed", message: "Choose an .apkg file." });
    // Checked here before uploading; the server checks again before reading the file.
    if (file.size > maxBytes)
      return setStatus({ step: "failed", message: `"${file.name}" is larger than ${megabytes} MB.` });
    setStatus({ step: "uploading", fraction: 0 });
    try {
      const { status: code, body } = await upload(
        new FormData(form.current),
        (fraction) => setStatus({ step: "uploading", fraction }),
        () => setStatus({ step: "importing" }),
      );
      if (code === 201) setStatus({ step: "done", result: body as unknown as Imported });
      else
        setStatus({
          step: "failed",
          message:
            typeof body.error === "string"
              ? body.error
              : "The package could not be imported. Nothing was saved.",
        });
    } catch {
      setStatus({
        step: "failed",
        message: "The upload did not reach Retain. Check your connection and try again.",
      });
    }
  };

  return (
    <form ref={form} className="form card stack" noValidate onSubmit={submit} aria-busy={busy}>
      <div className="field">
        <label htmlFor="package-file">Anki package (.apkg)</label>
        <input
          id="package-file"
          name="file"
          type="file"
          accept=".apkg,application/octet-stream"
          aria-describedby="package-file-hint"
          disabled={busy}
        />
        <p id="package-file-hint" className="hint">
          Up to {megabytes} MB. Basic, reversed and cloze notes come in with their review history, so FSRS
          schedules them from where you left off. A card keeps the first picture of its question (PNG, JPEG,
          WebP or GIF up to {CARD_IMAGE_LIMITS.maxBytes / (1024 * 1024)} MB); sounds are left out. In Anki,
          export with “Support older Anki versions” ticked.
        </p>
      </div>
      <div className="field">
        <label htmlFor="package-title">Name of the new deck (optional)</label>
        <input
          id="package-title"
          name="title"
          maxLength={100}
          disabled={busy}
          aria-describedby="package-title-hint"
        />
        <p id="package-title-hint" className="hint">
          Empty: the name of the deck in the package.
        </p>
      </div>
      <div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Importing…" : "Import package"}
        </button>
      </div>
      <div aria-live="polite" className={styles.status}>
        {status.step === "uploading" && (
          <p>
            <label htmlFor="package-progress">Uploading</label>{" "}
            <progress id="package-progress" max={1} value={status.fraction ?? undefined} />
          </p>
        )}
        {status.step === "importing" && (
          <p>
            <label htmlFor="package-progress">Reading the package and replaying its reviews…</label>{" "}
            <progress id="package-progress" />
          </p>
        )}
        {status.step === "failed" && (
          <p className="alert error" role="alert">
            {status.message}
          </p>
        )}
        {status.step === "done" && (
          <div className="alert success">
            <p>
              Imported {n(status.result.cards)} cards with {n(status.result.reviews)} reviews
              {status.result.pictures > 0 ? ` and ${n(status.result.pictures)} pictures` : ""}.{" "}
              <Link href={status.result.href}>Open the deck</Link>
            </p>
            {status.result.notices.length > 0 && (
              <ul className={styles.notices}>
                {status.result.notices.map((notice) => (
                  <li key={notice}>{notice}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
