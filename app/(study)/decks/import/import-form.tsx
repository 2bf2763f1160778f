"use client";

import { type FormEvent, startTransition, useActionState, useRef, useState } from "react";
import { FormField } from "@/app/ui/form-field";
import { confirmImportAction, type ImportState, previewImportAction } from "./actions";
import { ImportPreviewPanel } from "./import-preview";

interface Limits {
  maxBytes: number;
  maxCards: number;
}

/** Upload → preview (automatic on choosing a file) → confirm or cancel. Only confirm writes. */
export function ImportForm(limits: Limits) {
  // Cancelling remounts the steps, which forgets the file, the preview and any answer.
  const [generation, setGeneration] = useState(0);
  const [cancelled, setCancelled] = useState(false);
  return (
    <>
      <ImportSteps
        key={generation}
        {...limits}
        onCancel={() => {
          setCancelled(true);
          setGeneration((g) => g + 1);
        }}
        onStart={() => setCancelled(false)}
      />
      <p aria-live="polite" className="small">
        {cancelled ? "Import cancelled. Nothing was saved." : ""}
      </p>
    </>
  );
}

function ImportSteps({
  maxBytes,
  maxCards,
  onCancel,
  onStart,
}: Limits & { onCancel: () => void; onStart: () => void }) {
  const form = useRef<HTMLFormElement>(null);
  const delimiter = useRef<HTMLSelectElement>(null);
  const [preview, previewDispatch, previewPending] = useActionState<ImportState, FormData>(
    previewImportAction,
    null,
  );
  const [answer, confirmDispatch, confirmPending] = useActionState<ImportState, FormData>(
    confirmImportAction,
    null,
  );
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const [title, setTitle] = useState("");
  const [titleEdited, setTitleEdited] = useState(false);
  const [last, setLast] = useState<"preview" | "confirm">("preview");
  const megabytes = maxBytes / (1024 * 1024);

  // Forms with function actions are reset by React after each submit, which would drop the chosen
  // file before the confirm step; so both steps send the form's fields through a transition instead.
  const send = (dispatch: (data: FormData) => void, extra: Record<string, string> = {}) => {
    if (!form.current) return;
    const data = new FormData(form.current);
    for (const [name, value] of Object.entries(extra)) data.set(name, value);
    startTransition(() => dispatch(data));
  };

  const requestPreview = () => {
    const file = form.current?.querySelector<HTMLInputElement>('input[type="file"]')?.files?.[0];
    if (!file) return;
    onStart();
    // Checked here before uploading; the server checks again before reading the file.
    if (file.size > maxBytes) {
      setTooLarge(`"${file.name}" is larger than ${megabytes} MB. Split it into smaller files.`);
      return;
    }
    setTooLarge(null);
    if (!titleEdited) setTitle(file.name.replace(/\.(csv|tsv|txt)$/i, "").slice(0, 100));
    setLast("preview");
    send(previewDispatch);
  };

  // The step answered last decides what is shown: a failed confirm may carry a fresher preview.
  const latest = last === "confirm" && answer ? answer : preview;
  const current = latest?.ok
    ? latest.preview
    : (latest?.preview ?? (preview?.ok ? preview.preview : undefined));
  const errors = latest && !latest.ok ? latest.errors : {};
  const message = latest && !latest.ok ? latest.message : null;
  const pending = previewPending || confirmPending;

  return (
    <form
      ref={form}
      className="form card stack"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        requestPreview();
      }}
    >
      <div className="field">
        <label htmlFor="field-file">CSV or TSV file</label>
        <input
          id="field-file"
          name="file"
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          aria-describedby="field-file-hint"
          aria-invalid={tooLarge || errors.file ? true : undefined}
          onChange={requestPreview}
        />
        <p id="field-file-hint" className="hint">
          Up to {megabytes} MB and {maxCards.toLocaleString("en-GB")} cards. Columns: front, back, tags
          (optional, separated by spaces). Comma, semicolon or tab separated; UTF-8.
        </p>
        {(tooLarge || errors.file) && (
          <p className="field-error" role="alert">
            {tooLarge ?? errors.file?.join(" ")}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="field-delimiter">Separator</label>
        <select
          id="field-delimiter"
          ref={delimiter}
          name="delimiter"
          defaultValue="auto"
          onChange={requestPreview}
        >
          <option value="auto">Detect automatically</option>
          <option value="comma">Comma</option>
          <option value="semicolon">Semicolon</option>
          <option value="tab">Tab</option>
        </select>
      </div>
      <FormField
        name="title"
        label="Deck name"
        value={title}
        maxLength={100}
        onChange={(event) => {
          setTitle(event.target.value);
          setTitleEdited(true);
        }}
        errors={errors.title}
      />
      <div>
        <button type="submit" className="button secondary" disabled={pending}>
          {previewPending ? "Reading the file…" : "Preview"}
        </button>
      </div>

      <div aria-live="polite">{message && <p className="alert error">{message}</p>}</div>

      {current && !tooLarge && (
        <ImportPreviewPanel
          preview={current}
          pending={pending}
          onConfirm={(skipProblems) => {
            setLast("confirm");
            send(confirmDispatch, {
              digest: current.digest,
              ...(skipProblems ? { skipProblems: "on" } : {}),
            });
          }}
          onUseDelimiter={(value) => {
            if (!delimiter.current) return;
            delimiter.current.value = value;
            requestPreview();
          }}
          onCancel={onCancel}
        />
      )}
    </form>
  );
}
