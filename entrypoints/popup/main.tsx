import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import { CaptureToggle } from '../../components/CaptureToggle';
import { total } from '../../lib/metrics/counts';
import { todayCounts, watchClock, watchTodayCounts, watchWeekCounts, weekCounts, type Loadable } from '../../lib/store';
import type { CountsByType } from '../../lib/metrics/counts';
import { CountsTable } from '../../components/CountsTable';

function Total({ label, counts }: { label: string; counts: Loadable<CountsByType> }) {
  const value = counts.status === 'ready' ? new Intl.NumberFormat().format(total(counts.value)) : '–';
  return (
    <div>
      <div class="muted">{label}</div>
      <div class="big" aria-label={`${label}: ${value} activities`}>{value}</div>
    </div>
  );
}

async function openSidePanel() {
  // Chrome's side panel; Firefox's sidebar. Both need the click's user gesture.
  const sidePanel = (browser as unknown as { sidePanel?: { open(o: { windowId: number }): Promise<void> } }).sidePanel;
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  if (sidebar) return sidebar.open();
  const win = await browser.windows.getCurrent();
  if (sidePanel && win.id !== undefined) await sidePanel.open({ windowId: win.id });
  window.close();
}

function Popup() {
  useEffect(() => {
    const stops = [watchClock(), watchTodayCounts(), watchWeekCounts()];
    return () => stops.forEach(stop => stop());
  }, []);
  return (
    <main style={{ width: '320px' }}>
      <h1>Your numbers</h1>
      <CaptureToggle />
      <div class="grid2">
        <Total label="Today" counts={todayCounts.value} />
        <Total label="This week" counts={weekCounts.value} />
      </div>
      <h2>Today</h2>
      <CountsTable caption="Activity today by type" counts={todayCounts.value} emptyHint="Nothing recorded today yet." />
      <p style={{ display: 'flex', gap: '8px', marginTop: '12px' }}>
        <button type="button" onClick={() => void openSidePanel()}>Open scorecard</button>
        <button type="button" class="secondary" onClick={() => void browser.runtime.openOptionsPage()}>Options</button>
      </p>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
