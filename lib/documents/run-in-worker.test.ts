import { describe, expect, it } from "vitest";
import { extractInWorker } from "./run-in-worker";
import { DocumentError } from "./types";

const utf8 = (s: string) => new TextEncoder().encode(s);

// Starting a worker loads the parsers and the NLP model: seconds on a busy 2-core machine.
describe("extractInWorker", { timeout: 30_000 }, () => {
  it("extracts and proposes in a worker thread, reporting each stage", async () => {
    const stages: string[] = [];
    const text =
      "# Notes\n\nA randomized trial in older adults found that 180 mcg of MK-7 over 8 weeks reduced cramps.\n";
    const result = await extractInWorker(utf8(text), {
      fileName: "notes.md",
      propose: { document: "notes" },
      onProgress: (stage, fraction) => stages.push(fraction === undefined ? stage : `${stage} ${fraction}`),
    });
    expect(stages).toEqual(["extracting", "extracting 1", "proposing"]);
    expect(result.document.title).toBe("Notes");
    const card = result.proposals?.cards.find((c) => c.front.includes("{{c1::180 mcg}}"));
    expect(card?.evidence).toBe("human-rct");
  });

  it("rejects bad input with the same DocumentError as the plain function", async () => {
    const error = await extractInWorker(new Uint8Array([0, 1, 2, 3]), { fileName: "a.txt" }).catch((e) => e);
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).code).toBe("binary");
  });

  it("stops a job that runs past its time limit, and the next job gets a new worker", async () => {
    const text = utf8(
      `Notes\n\n${"A randomized trial in older adults found fewer cramps after 8 weeks. ".repeat(400)}`,
    );
    const error = await extractInWorker(text, {
      fileName: "long.md",
      propose: { document: "long" },
      timeoutMs: 1,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).code).toBe("timeout");
    const after = await extractInWorker(utf8("Notes\n\nNatto is a fermented soybean food rich in MK-7."), {
      fileName: "short.md",
    });
    expect(after.document.words).toBeGreaterThan(5);
  });
});
