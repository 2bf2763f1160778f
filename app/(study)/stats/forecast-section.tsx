import type { DayCount } from "@/lib/srs";
import { type ForecastBar, ForecastChart } from "./forecast-chart";
import { longDay, plural, shortDay } from "./format";

function forecastSummary(days: readonly DayCount[]): string {
  const total = days.reduce((sum, day) => sum + day.count, 0);
  if (total === 0) return "Nothing is scheduled for the next 30 days.";
  const busiest = days.reduce((top, day) => (day.count > top.count ? day : top));
  const week = days.slice(0, 7).reduce((sum, day) => sum + day.count, 0);
  return [
    `${plural(total, "card")} fall due in the next 30 days: ${days[0]?.count ?? 0} today and ${week} within 7 days.`,
    `Busiest day: ${longDay(busiest.day)} with ${plural(busiest.count, "card")}.`,
  ].join(" ");
}

export function ForecastSection({ days }: { days: readonly DayCount[] }) {
  const bars: ForecastBar[] = days.map((day, i) => ({
    label: i === 0 ? "Today" : shortDay(day.day),
    title: i === 0 ? `Today, ${longDay(day.day)}` : longDay(day.day),
    count: day.count,
  }));
  const busy = days.filter((day) => day.count > 0);
  return (
    <section aria-labelledby="forecast-heading">
      <div className="section-title">
        <h2 id="forecast-heading">Due in the next 30 days</h2>
      </div>
      <div className="card">
        <p id="forecast-summary">{forecastSummary(days)}</p>
        {busy.length > 0 && (
          <>
            <ForecastChart bars={bars} summaryId="forecast-summary" />
            <details className="small">
              <summary>Show as a table</summary>
              <table className="stats-table compact">
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col" className="numeric">
                      Cards due
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {busy.map((day) => (
                    <tr key={day.day}>
                      <td>{longDay(day.day)}</td>
                      <td className="numeric">{day.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        )}
      </div>
    </section>
  );
}
