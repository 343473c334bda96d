// A thin uPlot wrapper: the chart is made in an effect, fed with setData, destroyed on
// unmount. The canvas says nothing to a screen reader, so the wrapper carries a summary.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface SparklineProps {
  /** uPlot AlignedData: [x seconds, y values]. */
  data: [number[], number[]];
  /** What the series shows, read instead of the canvas. */
  label: string;
  width?: number;
  height?: number;
}

const css = (name: string, fallback: string) =>
  (typeof getComputedStyle === 'function' ? getComputedStyle(document.documentElement).getPropertyValue(name).trim() : '') || fallback;

export function Sparkline({ data, label, width = 96, height = 24 }: SparklineProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);

  useEffect(() => {
    if (!host.current) return;
    const opts: uPlot.Options = {
      width,
      height,
      pxAlign: false,
      cursor: { show: false },
      legend: { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [{ show: false }, { show: false }],
      series: [{}, { stroke: css('--accent', '#0b5cab'), width: 1.5, points: { show: false } }],
    };
    chart.current = new uPlot(opts, data, host.current);
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
    // Made once per size; data changes go through setData below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [width, height]);

  useEffect(() => {
    chart.current?.setData(data);
  }, [data]);

  return <div class="sparkline" ref={host} role="img" aria-label={label} style={{ width: `${width}px`, height: `${height}px` }} />;
}
