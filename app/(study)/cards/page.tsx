import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { browseCards } from "@/lib/data/card-browser";
import { cardBrowserQuerySchema } from "@/lib/validations/card-browser";
import { BrowserFilters } from "./browser-filters";
import { BrowserTable } from "./browser-table";

export const metadata: Metadata = { title: "Cards" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CardsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("/cards");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([name, value]) => [
      name,
      Array.isArray(value) ? value[0] : value,
    ]),
  );
  const query = cardBrowserQuerySchema.parse(raw);
  const page = await browseCards(user.id, query, new Date());
  return (
    <>
      <h1>Cards</h1>
      <p className="muted">
        Every card you can study. Search, filter and sort them; tick cards to suspend, bury or flag them; open
        one for its history.
      </p>
      <BrowserFilters query={query} decks={page.decks} />
      <BrowserTable page={page} query={query} />
    </>
  );
}
