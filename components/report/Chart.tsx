import type { Locale } from '../i18n.ts';
import { CATEGORY_INFO, type FindingCategory } from '../../rules/engine/taxonomy.ts';
import type { Timeline } from './analyze.ts';
import { rt } from './messages.ts';

// Stacked bars per time bucket, one colour per category, drawn as inline SVG (no chart library).
// Colour is not the only signal: the legend lists each category with its count, and the same
// numbers are in a data table under the chart.

export const CATEGORY_COLOURS: Record<FindingCategory, string> = {
  'absolute-term': '#d32f2f',
  'false-price': '#f57c00',
  'medical-claim': '#7b1fa2',
  'health-food-claim': '#388e3c',
  'cosmetic-claim': '#c2185b',
  'efficacy-guarantee': '#1976d2',
  'false-endorsement': '#5d4037',
  'unverified-qualification': '#0097a7',
  superstition: '#afb42b',
  'fake-data': '#455a64',
  'pressure-tactic': '#e64a19',
  'emotional-coercion': '#8e24aa',
  'off-platform-deal': '#00796b',
  disparagement: '#6d4c41',
  'restricted-product': '#303f9f',
  'public-order': '#616161',
  'product-mismatch': '#0288d1',
  'missing-disclosure': '#9e9d24',
};

const W = 320;
const H = 120;
const PAD_L = 22;
const PAD_B = 16;

export function Chart({ locale, data }: { locale: Locale; data: Timeline }) {
  const bucketMin = data.bucketMs / 60_000;
  if (data.max === 0) return <p class="ll-muted">{rt(locale, 'chartEmpty')}</p>;
  const plotW = W - PAD_L - 4;
  const plotH = H - PAD_B - 6;
  const bw = plotW / data.buckets.length;
  const totalsByCat = data.categories.map((c) => [c, data.buckets.reduce((s, b) => s + (b[c] ?? 0), 0)] as const);
  const summary = totalsByCat.map(([c, n]) => `${CATEGORY_INFO[c][locale]} ${n}`).join(locale === 'zh' ? '，' : ', ');
  const label = (i: number) => rt(locale, 'minute', { from: i * bucketMin, to: (i + 1) * bucketMin });
  return (
    <figure class="ll-rp-chart">
      <figcaption class="ll-rp-h3">{rt(locale, 'chartTitle', { bucket: bucketMin })}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={rt(locale, 'chartLabel', { summary })} width="100%">
        <line x1={PAD_L} y1={H - PAD_B} x2={W} y2={H - PAD_B} class="ll-rp-axis" />
        <line x1={PAD_L} y1={4} x2={PAD_L} y2={H - PAD_B} class="ll-rp-axis" />
        <text x={PAD_L - 4} y={10} class="ll-rp-tick" text-anchor="end">
          {data.max}
        </text>
        <text x={PAD_L - 4} y={H - PAD_B} class="ll-rp-tick" text-anchor="end">
          0
        </text>
        {data.buckets.map((b, i) => {
          let y = H - PAD_B;
          return (
            <g key={i}>
              <title>
                {label(i)}: {data.categories.map((c) => (b[c] ? `${CATEGORY_INFO[c][locale]} ${b[c]}` : '')).filter(Boolean).join(', ') || '0'}
              </title>
              {data.categories.map((c) => {
                const n = b[c] ?? 0;
                if (!n) return null;
                const h = (n / data.max) * plotH;
                y -= h;
                return <rect key={c} x={PAD_L + i * bw + 1} y={y} width={Math.max(1, bw - 2)} height={h} fill={CATEGORY_COLOURS[c]} class="ll-rp-seg" data-category={c} />;
              })}
              {(i === 0 || i === data.buckets.length - 1 || data.buckets.length <= 6) && (
                <text x={PAD_L + i * bw + bw / 2} y={H - 3} class="ll-rp-tick" text-anchor="middle">
                  {i * bucketMin}′
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul class="ll-rp-legend">
        {totalsByCat.map(([c, n]) => (
          <li key={c}>
            <span class="ll-rp-swatch" style={{ background: CATEGORY_COLOURS[c] }} aria-hidden="true" />
            {CATEGORY_INFO[c][locale]} <strong>{n}</strong>
          </li>
        ))}
      </ul>
      <details class="ll-rp-table">
        <summary>{rt(locale, 'dataTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{rt(locale, 'category')}</th>
              {data.buckets.map((_, i) => (
                <th key={i} scope="col">
                  {i * bucketMin}′
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.categories.map((c) => (
              <tr key={c}>
                <th scope="row">{CATEGORY_INFO[c][locale]}</th>
                {data.buckets.map((b, i) => (
                  <td key={i}>{b[c] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
