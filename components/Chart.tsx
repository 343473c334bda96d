// A thin uPlot wrapper for the scorecard's charts (issue #6): made in an effect, fed with
// setData, remade when its width or the colour scheme changes, destroyed on unmount. The
// canvas is hidden from screen readers; ChartFigure carries a caption, a legend and a
// visually hidden table with every number the canvas draws.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './chart.css';

/** Colours read from the page's CSS variables, so the charts follow light and dark. */
export interface ChartColors {
  fg: string;
  muted: string;
  line: string;
  accent: string;
  good: string;
  bad: string;
  /** The categorical palette (--chart-1 … --chart-5). */
  series: string[];
}

const FALLBACK: ChartColors = {
  fg: '#181818',
  muted: '#555a60',
  line: '#d8dde3',
  accent: '#0b5cab',
  good: '#1e6b34',
  bad: '#a4262c',
  series: ['#0b5cab', '#a34f00', '#1e6b34', '#7a3db8', '#5c6670'],
};

export function chartColors(el: Element | null): ChartColors {
  if (!el || typeof getComputedStyle !== 'function') return FALLBACK;
  const style = getComputedStyle(el);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    fg: v('--fg', FALLBACK.fg),
    muted: v('--muted', FALLBACK.muted),
    line: v('--line', FALLBACK.line),
    accent: v('--accent', FALLBACK.accent),
    good: v('--good', FALLBACK.good),
    bad: v('--bad', FALLBACK.bad),
    series: FALLBACK.series.map((c, i) => v(`--chart-${i + 1}`, c)),
  };
}

export const AXIS_FONT = '11px system-ui, sans-serif';

/** The axis look shared by every chart. */
export function axis(c: ChartColors, extra: uPlot.Axis = {}): uPlot.Axis {
  return { stroke: c.muted, font: AXIS_FONT, grid: { stroke: c.line, width: 1 }, ticks: { stroke: c.line, width: 1, size: 4 }, ...extra };
}

/** Follows prefers-color-scheme, so a chart can redraw in the other palette. */
function useColorScheme(): string {
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = () => setDark(query.matches);
    query.addEventListener?.('change', onChange);
    return () => query.removeEventListener?.('change', onChange);
  }, []);
  return dark ? 'dark' : 'light';
}

/** The host's width, followed with a ResizeObserver (the panel is 320–600 px wide). */
function useWidth(host: { current: HTMLElement | null }, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.clientWidth);
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return width;
}

export interface UPlotChartProps {
  /** uPlot options for a size and the theme's colours. */
  options: (size: { width: number; height: number }, colors: ChartColors) => uPlot.Options;
  data: uPlot.AlignedData;
  height?: number;
}

export function UPlotChart({ options, data, height = 160 }: UPlotChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const width = useWidth(host, 280);
  const scheme = useColorScheme();
  // The options close over the x values (axis splits and labels): new x, new chart.
  const shape = `${data[0].length}:${data[0][0] ?? ''}:${data[0][data[0].length - 1] ?? ''}`;
  const latest = useRef({ options, data });
  latest.current = { options, data };

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    chart.current = new uPlot(latest.current.options({ width, height }, chartColors(el)), latest.current.data, el);
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
    // Remade for a new size, scheme or x; new values go through setData below.
  }, [width, height, scheme, shape]);

  useEffect(() => {
    chart.current?.setData(data);
  }, [data]);

  return <div class="chart-canvas" ref={host} aria-hidden="true" style={{ height: `${height}px` }} />;
}

export interface ChartFigureProps {
  /** For data-chart and ids. */
  id: string;
  title: string;
  /** The numbers in one sentence, read first by a screen reader. */
  summary: string;
  /** Swatches under the chart; each label says what its colour means. */
  legend?: { label: string; color: string; dashed?: boolean }[];
  /** The visually hidden table with every number drawn. */
  table: ComponentChildren;
  children: ComponentChildren;
}

export function ChartFigure({ id, title, summary, legend, table, children }: ChartFigureProps) {
  return (
    <figure class="chart" data-chart={id} aria-labelledby={`chart-${id}-title`} aria-describedby={`chart-${id}-summary`}>
      <figcaption>
        <span id={`chart-${id}-title`} class="chart-title">
          {title}
        </span>
        <span id={`chart-${id}-summary`} class="chart-summary" data-testid="chart-summary">
          {summary}
        </span>
      </figcaption>
      {children}
      {legend && legend.length > 0 && (
        <ul class="chart-legend" aria-hidden="true">
          {legend.map(l => (
            <li key={l.label}>
              <span class={`chart-swatch${l.dashed ? ' dashed' : ''}`} style={{ [l.dashed ? 'borderColor' : 'background']: l.color }} />
              {l.label}
            </li>
          ))}
        </ul>
      )}
      <div class="sr-only">{table}</div>
    </figure>
  );
}
