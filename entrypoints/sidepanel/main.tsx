import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { CountsTable } from '../../components/CountsTable';
import { ThisPage } from '../../components/ThisPage';
import '../../components/theme.css';
import { CaptureToggle } from '../../components/CaptureToggle';
import { activeDeal, activePage, activeTouches, now, watchActiveDeal, watchClock, watchWeekCounts, weekCounts } from '../../lib/store';

function SidePanel() {
  useEffect(() => {
    const stops = [watchClock(), watchWeekCounts(), watchActiveDeal()];
    return () => stops.forEach(stop => stop());
  }, []);
  return (
    <main>
      <h1>Pacer</h1>
      <CaptureToggle />
      <section class="card" aria-labelledby="this-page">
        <h2 id="this-page">This page</h2>
        <ThisPage page={activePage.value} deal={activeDeal.value} touches={activeTouches.value} now={now.value} />
      </section>
      <section class="card" aria-labelledby="this-week">
        <h2 id="this-week">This week</h2>
        <CountsTable
          caption="Activity this week by type"
          counts={weekCounts.value}
          emptyHint="Nothing recorded this week yet. Log a call or move a deal's stage in Salesforce and it appears here within a second."
        />
      </section>
    </main>
  );
}

render(<SidePanel />, document.getElementById('app')!);
