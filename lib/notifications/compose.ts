/**
 * The words of every notice: pure functions from figures to subject, text and HTML (issue 19).
 * HTML is built from escaped text only; every email ends with the preferences link and its
 * one-click unsubscribe link.
 */

export interface Composed {
  title: string;
  /** In-app text. */
  body: string;
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

function dayLabel(date: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-GB", {
      weekday: "short",
      day: "numeric",
      month: "short",
      timeZone,
    }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

interface Section {
  heading?: string;
  lines: string[];
}

function render(
  greeting: string,
  sections: Section[],
  action: { label: string; url: string },
  footer: { preferencesUrl: string; unsubscribeUrl: string; what: string },
): { text: string; html: string } {
  const textParts = [greeting, ""];
  for (const section of sections) {
    if (section.heading) textParts.push(`${section.heading}:`);
    for (const line of section.lines) textParts.push(section.heading ? `- ${line}` : line);
    textParts.push("");
  }
  textParts.push(`${action.label}: ${action.url}`, "", "--");
  textParts.push(`Choose what Retain sends you: ${footer.preferencesUrl}`);
  textParts.push(`Stop ${footer.what} (one click, no sign-in): <${footer.unsubscribeUrl}>`);
  const htmlSections = sections
    .map((section) =>
      section.heading
        ? `<h2 style="font-size:16px">${escapeHtml(section.heading)}</h2><ul>${section.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>`
        : section.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join(""),
    )
    .join("");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a">
<p>${escapeHtml(greeting)}</p>${htmlSections}
<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</a></p>
<hr><p style="font-size:13px;color:#555"><a href="${escapeHtml(footer.preferencesUrl)}">Choose what Retain sends you</a> ·
<a href="${escapeHtml(footer.unsubscribeUrl)}">Stop ${escapeHtml(footer.what)}</a></p>
</body></html>`;
  return { text: textParts.join("\n"), html };
}

export interface DigestFigures {
  name: string;
  timeZone: string;
  dueCards: number;
  deadlines: { deckTitle: string; dueAt: Date }[];
}

export function composeDigest(figures: DigestFigures, appUrl: string, unsubscribeUrl: string): Composed {
  const parts: string[] = [];
  if (figures.dueCards > 0) parts.push(`${plural(figures.dueCards, "card")} due`);
  if (figures.deadlines.length > 0)
    parts.push(`${plural(figures.deadlines.length, "deadline")} within 3 days`);
  const summary = parts.join(", ");
  const sections: Section[] = [];
  if (figures.dueCards > 0)
    sections.push({ lines: [`You have ${plural(figures.dueCards, "card")} due for review today.`] });
  if (figures.deadlines.length > 0)
    sections.push({
      heading: "Deadlines within 3 days",
      lines: figures.deadlines.map((d) => `${d.deckTitle}: due ${dayLabel(d.dueAt, figures.timeZone)}`),
    });
  const { text, html } = render(
    `Hi ${figures.name},`,
    sections,
    { label: "Study now", url: `${appUrl}/study` },
    { preferencesUrl: `${appUrl}/settings#notifications`, unsubscribeUrl, what: "the daily digest" },
  );
  return {
    title: `Today: ${summary}`,
    body: sections.flatMap((s) => (s.heading ? [`${s.heading}: ${s.lines.join("; ")}`] : s.lines)).join(" "),
    subject: `Retain: ${summary}`,
    text,
    html,
  };
}

export interface SummaryFigures {
  trainerName: string;
  week: string;
  onTrack: string[];
  slipped: string[];
  finished: string[];
  left: string[];
}

export function composeWeeklySummary(
  figures: SummaryFigures,
  appUrl: string,
  unsubscribeUrl: string,
): Composed {
  const counts = `${figures.onTrack.length} on track, ${figures.slipped.length} slipped, ${figures.finished.length} finished, ${figures.left.length} left`;
  const group = (heading: string, names: string[]): Section => ({
    heading: `${heading} (${names.length})`,
    lines: names.length ? names : ["nobody"],
  });
  const sections = [
    { lines: [`Your clients in the week of ${figures.week}: ${counts}.`] },
    group("Slipped (at risk or overdue)", figures.slipped),
    group("On track", figures.onTrack),
    group("Finished", figures.finished),
    group("Left", figures.left),
  ];
  const { text, html } = render(
    `Hi ${figures.trainerName},`,
    sections,
    { label: "Open your clients", url: `${appUrl}/trainer` },
    { preferencesUrl: `${appUrl}/settings#notifications`, unsubscribeUrl, what: "the weekly summary" },
  );
  return {
    title: `Week of ${figures.week}: ${counts}`,
    body: sections
      .slice(1)
      .map((s) => `${s.heading}: ${s.lines.join(", ")}`)
      .join(". "),
    subject: `Retain weekly summary: ${counts}`,
    text,
    html,
  };
}

export interface AtRiskFigures {
  trainerName: string;
  clientName: string;
  deckTitle: string;
  /** The on-track rule's reason (lib/trainer/on-track), computed under the client's consent. */
  reason: string;
  overdue: boolean;
}

export function composeAtRisk(
  figures: AtRiskFigures,
  link: string,
  appUrl: string,
  unsubscribeUrl: string,
): Composed {
  const state = figures.overdue ? "is overdue" : "is at risk";
  const headline = `${figures.clientName} ${state} on ${figures.deckTitle}`;
  const { text, html } = render(
    `Hi ${figures.trainerName},`,
    [{ lines: [`${headline}.`, figures.reason] }],
    { label: "Open the client", url: `${appUrl}${link}` },
    { preferencesUrl: `${appUrl}/settings#notifications`, unsubscribeUrl, what: "at-risk alerts" },
  );
  return { title: headline, body: figures.reason, subject: `Retain: ${headline}`, text, html };
}
