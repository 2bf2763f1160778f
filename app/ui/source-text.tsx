import { Fragment, type ReactNode } from "react";
import { locateQuotes, type QuoteMark, segmentSpan } from "./quote-marks";
import { type ListItem, type SourceBlock, sourceBlocks, type TextSpan } from "./source-blocks";
import styles from "./source-text.module.css";

export interface MarkedQuote {
  quoteId: string;
  quote: string;
  citedBy: number;
}

interface MarkState {
  marks: QuoteMark[];
  citedBy: Map<string, number>;
  current: string | null;
  /** Quote ids whose anchor (`id="q-…"`) is already placed: the first segment of a quote gets it. */
  anchored: Set<string>;
}

const WEB_ADDRESS = /(https?:\/\/[^\s)]*[^\s).,;:])/;

function Linkified({ text, start }: { text: string; start: number }) {
  let offset = start;
  return text.split(WEB_ADDRESS).map((part, i) => {
    const key = offset;
    offset += part.length;
    return i % 2 === 1 ? (
      <a key={key} href={part} rel="noreferrer">
        {part}
      </a>
    ) : (
      <Fragment key={key}>{part}</Fragment>
    );
  });
}

function citedByTitle(count: number): string {
  return `Quoted passage, cited by ${count} ${count === 1 ? "card or question" : "cards and questions"}`;
}

function renderSpan(span: TextSpan, state: MarkState): ReactNode {
  return segmentSpan(span, state.marks).map((segment) => {
    if (!segment.quoteIds.length)
      return <Linkified key={segment.start} text={segment.text} start={segment.start} />;
    const fresh = segment.quoteIds.filter((id) => !state.anchored.has(id));
    for (const id of fresh) state.anchored.add(id);
    // The followed quote's anchor goes on the mark itself, so focusing it shows the highlight.
    const own = state.current && fresh.includes(state.current) ? state.current : fresh[0];
    const isCurrent = state.current !== null && segment.quoteIds.includes(state.current);
    const cited = segment.quoteIds.reduce((sum, id) => sum + (state.citedBy.get(id) ?? 0), 0);
    return (
      <Fragment key={segment.start}>
        {fresh
          .filter((id) => id !== own)
          .map((id) => (
            <span key={id} id={`q-${id}`} className="quote-anchor" />
          ))}
        <mark
          id={own ? `q-${own}` : undefined}
          tabIndex={own ? -1 : undefined}
          className={isCurrent ? "quote is-current" : "quote"}
          data-quotes={segment.quoteIds.join(" ")}
          title={citedByTitle(cited)}
        >
          {segment.text}
        </mark>
      </Fragment>
    );
  });
}

function renderList(items: ListItem[], state: MarkState): ReactNode {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.span.start}>
          {renderSpan(item.span, state)}
          {item.children.length > 0 && renderList(item.children, state)}
        </li>
      ))}
    </ul>
  );
}

function renderBlock(block: SourceBlock, index: number, state: MarkState): ReactNode {
  switch (block.type) {
    case "heading":
      return <h2 key={index}>{renderSpan(block.span, state)}</h2>;
    case "caption":
      return (
        <p key={index} className={styles.sourceCaption}>
          {renderSpan(block.span, state)}
        </p>
      );
    case "paragraph":
      return <p key={index}>{renderSpan(block.span, state)}</p>;
    case "list":
      return <Fragment key={index}>{renderList(block.items, state)}</Fragment>;
    case "table":
      return (
        // A keyboard-scrollable region: wide comparison tables overflow on phones.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable regions must be reachable by keyboard
        <section key={index} className={styles.tableScroll} aria-label="Comparison table" tabIndex={0}>
          <table>
            <thead>
              <tr>
                {block.head.map((cell) => (
                  <th key={cell.start} scope="col">
                    {renderSpan(cell, state)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row) => (
                <tr key={row[0]?.start}>
                  {row.map((cell, column) =>
                    column === 0 ? (
                      <th key={cell?.start ?? `empty-${column}`} scope="row">
                        {cell && renderSpan(cell, state)}
                      </th>
                    ) : (
                      <td key={cell?.start ?? `empty-${column}`}>{cell && renderSpan(cell, state)}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      );
  }
}

/**
 * A source document as readable HTML, with every cited passage in a `<mark>` (id `q-<quoteId>`)
 * and the followed one (`current`) marked strongly. Marks are placed on the server from body
 * offsets, so they show without JavaScript and survive quotes that cross table cells or lines.
 */
export function SourceText({
  body,
  quotes,
  current,
}: {
  body: string;
  quotes: readonly MarkedQuote[];
  current: string | null;
}) {
  const state: MarkState = {
    marks: locateQuotes(body, quotes),
    citedBy: new Map(quotes.map((quote) => [quote.quoteId, quote.citedBy])),
    current,
    anchored: new Set(),
  };
  return (
    <div className={styles.sourceText}>
      {sourceBlocks(body).map((block, i) => renderBlock(block, i, state))}
    </div>
  );
}
