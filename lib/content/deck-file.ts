import { z } from "zod";
import type { IssueLog } from "./issues";
import { type CardInput, cardSchema, deckSchema, type QuizInput, quizSchema } from "./schema";
import { slugOfPath } from "./source-file";
import { readYaml, validateYaml, type YamlPath } from "./yaml-file";

/** A deck item that passed its schema, with a way to find the line of any of its fields. */
export type LocatedItem<T> = { value: T; line: number; lineOf: (path: YamlPath) => number };

export type ParsedDeck = {
  file: string;
  slug: string;
  title: string;
  description: string;
  order: number;
  /** Card ids from other decks this deck also teaches. */
  include: string[];
  lineOf: (path: YamlPath) => number;
  cards: Array<LocatedItem<CardInput>>;
  quiz: Array<LocatedItem<QuizInput>>;
};

// The deck's own fields are checked first with items left open, so one bad card is reported
// without hiding the rest of the deck from the cross-deck checks.
const deckHeader = deckSchema.extend({ cards: z.array(z.unknown()), quiz: z.array(z.unknown()) });

/** Parses and schema-checks `content/decks/<slug>.yaml`, logging every problem with its line. */
export function parseDeckFile(file: string, text: string, log: IssueLog): ParsedDeck | null {
  const yaml = readYaml(file, text, log);
  if (!yaml) return null;
  const header = validateYaml(yaml, deckHeader, log);
  if (!header) return null;
  if (header.slug !== slugOfPath(file)) {
    log.error(file, yaml.lineOf(["slug"]), `slug "${header.slug}" must match the file name`);
  }
  const locate = <T>(list: "cards" | "quiz", schema: z.ZodType<T>) =>
    (header[list] as unknown[]).flatMap((raw, i): Array<LocatedItem<T>> => {
      const value = validateYaml(yaml, schema, log, raw, [list, i]);
      if (!value) return [];
      const lineOf = (path: YamlPath) => yaml.lineOf([list, i, ...path]);
      return [{ value, line: lineOf(["id"]), lineOf }];
    });
  return {
    file,
    slug: header.slug,
    title: header.title,
    description: header.description,
    order: header.order,
    include: header.include ?? [],
    lineOf: yaml.lineOf,
    cards: locate("cards", cardSchema),
    quiz: locate("quiz", quizSchema),
  };
}
