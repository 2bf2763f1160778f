import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { listPresets } from "@/lib/data/deck-presets";
import { visibleDecks } from "@/lib/data/deck-presets-decks";
import { getStudySettings } from "@/lib/data/settings";
import { DeckChoices } from "./deck-choices";
import { PresetForm } from "./preset-form";

export const metadata: Metadata = { title: "Deck options" };

export default async function DeckOptionsPage() {
  const user = await requirePageUser("/settings/decks");
  const [presets, settings, decks] = await Promise.all([
    listPresets(user.id),
    getStudySettings(user.id),
    visibleDecks(user.id),
  ]);
  return (
    <>
      <p>
        <Link href="/settings">← Study settings</Link>
      </p>
      <h1>Deck options</h1>
      <p className="muted">
        A preset gives the decks that use it their own new cards and reviews a day, desired retention and
        steps. Decks without one use your <Link href="/settings">study settings</Link> (the Default options:{" "}
        {settings.newPerDay} new cards a day per deck, {settings.maxReviewsPerDay} reviews). Your limits for
        all decks ({settings.newPerDayTotal} new cards, {settings.maxReviewsPerDay} reviews a day) stay the
        ceiling.
      </p>
      <DeckChoices decks={decks} presets={presets.map((p) => ({ id: p.id, name: p.name, decks: p.decks }))} />
      <h2>Presets</h2>
      {presets.map((preset) => (
        <PresetForm key={preset.id} preset={preset} />
      ))}
      <PresetForm preset={null} />
    </>
  );
}
