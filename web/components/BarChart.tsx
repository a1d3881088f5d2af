import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const COLORS = ['#1f5fa8', '#c2571a', '#2e7d32', '#6a3d9a', '#8a6d00'];

export type Series = { label: string; values: number[] };

/**
 * A bar chart (chart.js on a canvas) and, under it, a table of the same figures: the chart is a
 * picture for the eye, the table is what a screen reader reads and what a phone can scroll.
 */
export function BarChart({
  title,
  categories,
  categoryLabel,
  series,
}: {
  title: string;
  categories: string[];
  /** The table's first column heading ("Month", "Answer"). */
  categoryLabel: string;
  series: Series[];
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Drawn again only when the figures change, not on every render.
  const figures = JSON.stringify([categories, series]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the figures' text stands for categories and series
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: categories,
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.values,
          backgroundColor: COLORS[i % COLORS.length],
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { display: series.length > 1 } },
      },
    });
    return () => chart.destroy();
  }, [figures]);
  return (
    <figure className="c-chart">
      <figcaption>{title}</figcaption>
      <div className="c-chart-canvas">
        <canvas
          ref={canvas}
          role="img"
          aria-label={`${title}: chart; the table below gives the same figures`}
        />
      </div>
      {/* Focusable, so a keyboard can scroll a table wider than a phone. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the keyboard's focus */}
      <section className="c-chart-table" aria-label={`${title}: table`} tabIndex={0}>
        <table className="table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryLabel}</th>
              {series.map((s) => (
                <th scope="col" key={s.label}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((c, row) => (
              <tr key={c}>
                <th scope="row" className="nowrap">
                  {c}
                </th>
                {series.map((s) => (
                  <td key={s.label}>{s.values[row]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </figure>
  );
}
