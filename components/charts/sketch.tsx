// A chart's first paint, drawn from the same data without Recharts: plain SVG bars (or the
// spend curve) in the chart's plot area, server-rendered with the page and cheap to hydrate.
// deferred.tsx shows it in the chart's box until Recharts draws the real chart (axes, legend,
// tooltips) over the same place. Decorative, like the chart: the table alternative follows it.

type Pad = { top: number; right: number; bottom: number; left: number };

const GRID = [0, 25, 50, 75];

function Frame({ pad, grid, below, children }: { pad: Pad; grid: "rows" | "columns"; below?: React.ReactNode; children: React.ReactNode }) {
  return (
    <div aria-hidden="true" className="h-full w-full" style={{ padding: `${pad.top}px ${pad.right}px ${pad.bottom}px ${pad.left}px` }} data-chart-sketch="">
      <div className="relative h-full w-full">
        <svg viewBox="0 0 100 100" preserveAspectRatio="none" className="h-full w-full overflow-visible" focusable="false">
          {GRID.map((at) =>
            grid === "rows" ? (
              <line key={at} x1={0} y1={at} x2={100} y2={at} stroke="#e5e7eb" strokeDasharray="3 3" vectorEffect="non-scaling-stroke" />
            ) : (
              <line key={at} x1={100 - at} y1={0} x2={100 - at} y2={100} stroke="#e5e7eb" strokeDasharray="3 3" vectorEffect="non-scaling-stroke" />
            ),
          )}
          {children}
          <line x1={0} y1={100} x2={100} y2={100} stroke="#d1d5db" vectorEffect="non-scaling-stroke" />
        </svg>
        {below}
      </div>
    </div>
  );
}

/**
 * The category labels under columns, where the chart's x axis puts them, so the first paint
 * says which bar is which. Where they would not fit (more than eight, or a phone's width), only
 * the first and the last, at the two ends, as the axis keeps them.
 */
function ColumnLabels({ labels }: { labels: readonly string[] }) {
  const each = labels.length <= 8;
  return (
    <>
      {each && (
        <div className="absolute inset-x-0 top-full hidden pt-1.5 text-xs text-gray-500 sm:flex">
          {labels.map((label, i) => (
            <span key={i} className="min-w-0 flex-1 truncate text-center">
              {label}
            </span>
          ))}
        </div>
      )}
      <div className={`absolute inset-x-0 top-full flex justify-between gap-2 pt-1.5 text-xs whitespace-nowrap text-gray-500 ${each ? "sm:hidden" : ""}`}>
        <span>{labels[0]}</span>
        {labels.length > 1 && <span>{labels[labels.length - 1]}</span>}
      </div>
    </>
  );
}

const positive = (v: number) => (Number.isFinite(v) && v > 0 ? v : 0);

/** Vertical bars, one stack per point (series in order, bottom up). */
export function ColumnsSketch({ stacks, colors, pad, labels }: { stacks: number[][]; colors: readonly string[]; pad: Pad; labels?: readonly string[] }) {
  const max = Math.max(0, ...stacks.map((s) => s.reduce((a, v) => a + positive(v), 0))) || 1;
  const slot = 100 / Math.max(1, stacks.length);
  const width = slot * 0.8;
  return (
    <Frame pad={pad} grid="rows" below={labels && <ColumnLabels labels={labels} />}>
      {stacks.flatMap((stack, i) => {
        let y = 100;
        return stack.map((v, j) => {
          const h = (positive(v) / max) * 100;
          y -= h;
          return <rect key={`${i}.${j}`} x={i * slot + (slot - width) / 2} y={y} width={width} height={h} fill={colors[j]} />;
        });
      })}
    </Frame>
  );
}

/**
 * The category labels beside rows, in the left padding where the chart's y axis puts them
 * (right-aligned against the plot, one per bar, cut short as the chart cuts them).
 */
function RowLabels({ labels, width }: { labels: readonly string[]; width: number }) {
  const slot = 100 / Math.max(1, labels.length);
  return (
    <div className="absolute inset-y-0 right-full text-xs text-gray-500" style={{ width }}>
      {labels.map((label, i) => (
        <span key={i} className="absolute right-0 block max-w-full -translate-y-1/2 truncate pr-2 text-right" style={{ top: `${(i + 0.5) * slot}%` }}>
          {label}
        </span>
      ))}
    </div>
  );
}

/** Horizontal bars, one per row, longest = full width; `labels` name the rows. */
export function RowsSketch({ values, color, pad, labels }: { values: number[]; color: string; pad: Pad; labels?: readonly string[] }) {
  const max = Math.max(0, ...values.map(positive)) || 1;
  const slot = 100 / Math.max(1, values.length);
  const height = slot * 0.7;
  return (
    <Frame pad={pad} grid="columns" below={labels && <RowLabels labels={labels} width={pad.left} />}>
      {values.map((v, i) => (
        <rect key={i} x={0} y={i * slot + (slot - height) / 2} width={(positive(v) / max) * 100} height={height} fill={color} />
      ))}
    </Frame>
  );
}

/** A step curve filled down to the axis (cumulative spend). */
export function StepAreaSketch({ values, stroke, fill, pad }: { values: number[]; stroke: string; fill: string; pad: Pad }) {
  const max = Math.max(0, ...values.map(positive)) || 1;
  const step = 100 / Math.max(1, values.length - 1);
  const y = (v: number) => 100 - (positive(v) / max) * 100;
  const line = values.map((v, i) => (i === 0 ? `M0,${y(v)}` : `H${i * step}V${y(v)}`)).join("");
  return (
    <Frame pad={pad} grid="rows">
      {values.length > 0 && (
        <>
          <path d={`${line}H100V100H0Z`} fill={fill} />
          <path d={`${line}H100`} fill="none" stroke={stroke} strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
        </>
      )}
    </Frame>
  );
}
