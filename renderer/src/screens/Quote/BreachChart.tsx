import { useEffect, useId, useRef, useState } from 'react';
import { formatApproxManYen } from './formatYen.ts';

export interface BreachChartLine {
  label: string;
  sublabel: string;
  flyerYen: number;
  flyerLabel: string;
  estimateYen: number;
}

const font = 17;
const small = 16;
const labelWidth = 230;
const valueSpace = 150;
const barHeight = 26;
const barGap = 6;
const groupGap = 22;
const legendHeight = 48;
const fallbackWidth = 900;

/**
 * Grouped horizontal bars, the flyer's case against the clerk's inputs. The two series differ by
 * pattern and outline, not by colour alone, and every bar carries its amount as text, so the chart
 * reads the same in black and white.
 */
export function BreachChart({ lines, title, description }: { lines: BreachChartLine[]; title: string; description: string }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallbackWidth);
  const rawId = useId();
  const id = rawId.replace(/[^A-Za-z0-9_-]/g, '');
  const hatchId = `${id}-hatch`;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const measure = () => setWidth(Math.max(560, Math.floor(box.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const groupHeight = barHeight * 2 + barGap + groupGap;
  const height = legendHeight + lines.length * groupHeight + 8;
  const barArea = width - labelWidth - valueSpace;
  const max = Math.max(1, ...lines.flatMap((l) => [l.flyerYen, l.estimateYen]));
  const barLength = (yen: number) => (yen <= 0 ? 0 : Math.max(2, (yen / max) * barArea));

  return (
    <div ref={boxRef} className="breach-chart">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        <defs>
          <pattern id={hatchId} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#1a1a1a" strokeWidth="2.5" />
          </pattern>
        </defs>

        <g className="chart-legend" fontSize={small}>
          <rect x={2} y={10} width={34} height={20} fill={`url(#${hatchId})`} stroke="#1a1a1a" strokeWidth="2" />
          <text x={46} y={26}>
            チラシの事例（斜線）
          </text>
          <rect x={250} y={10} width={34} height={20} className="chart-bar-estimate" strokeWidth="2" />
          <text x={294} y={26}>
            入力した条件での試算（塗りつぶし）
          </text>
        </g>

        <line x1={labelWidth} y1={legendHeight - 4} x2={labelWidth} y2={height - 4} stroke="#1a1a1a" strokeWidth="2" />

        {lines.map((line, index) => {
          const top = legendHeight + index * groupHeight + groupGap / 2;
          const flyer = barLength(line.flyerYen);
          const estimate = barLength(line.estimateYen);
          const changed = line.estimateYen !== line.flyerYen;
          return (
            <g key={`${line.label}-${index}`}>
              <text x={labelWidth - 12} y={top + barHeight - 2} textAnchor="end" fontSize={font} fontWeight="700">
                {line.label}
              </text>
              <text x={labelWidth - 12} y={top + barHeight * 2} textAnchor="end" fontSize={small} className="chart-sublabel">
                （{line.sublabel}）
              </text>
              <rect x={labelWidth} y={top} width={flyer} height={barHeight} fill={`url(#${hatchId})`} stroke="#1a1a1a" strokeWidth="2" />
              <text x={labelWidth + flyer + 8} y={top + barHeight - 7} fontSize={small}>
                {line.flyerLabel}
              </text>
              <rect
                x={labelWidth}
                y={top + barHeight + barGap}
                width={estimate}
                height={barHeight}
                className="chart-bar-estimate"
                strokeWidth="2"
              />
              <text x={labelWidth + estimate + 8} y={top + barHeight * 2 + barGap - 7} fontSize={small} fontWeight={changed ? '700' : '400'}>
                {formatApproxManYen(line.estimateYen)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
