export interface SparklineProps {
  values: readonly number[];
  /** What the line shows, for screen readers (the numbers, not the shape). */
  label: string;
  width?: number;
  height?: number;
}

/** A tiny inline SVG line of counts (oldest first); the last point is marked. */
export function Sparkline({ values, label, width = 120, height = 28 }: SparklineProps) {
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const pts = values.map((v, i) => [i * step, height - 2 - (v / max) * (height - 4)] as const);
  const last = pts.at(-1);
  return (
    <svg class="ll-spark" role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <polyline fill="none" stroke="currentColor" stroke-width="1.5" points={pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')} />
      {last && <circle cx={last[0]} cy={last[1]} r="2.5" fill="currentColor" />}
    </svg>
  );
}
