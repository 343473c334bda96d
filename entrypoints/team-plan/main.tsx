// The manager's "Team plan" page (issue #7, item 6), opened in a tab from the manager's
// popup at browser.runtime.getURL('/team-plan.html'). Thin: it reads the team plan, the
// team's reps and the manager's own plan (the start of a first team plan), and hands them
// to TeamPlanView with the two calls that save.
import { render } from 'preact';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import '../../components/theme.css';
import '../../components/TeamPlan.css';
import { TeamPlanView } from '../../components/TeamPlan';
import { todayIn } from '../../components/PlanFields';
import { t, uiLocale } from '../../lib/i18n';
import type { Plan } from '../../lib/metrics/plan';
import { planSettings } from '../../lib/settings';
import type { RepRow, TeamPlanAnswer } from '../../lib/sync-client';
import { teamConnection, type TeamConnection } from '../../lib/sync-team-store';

interface Loaded {
  conn: TeamConnection;
  teamName: string;
  answer: TeamPlanAnswer;
  reps: Pick<RepRow, 'rep' | 'repName' | 'territory'>[];
  /** Why the reps without an allocation could not be listed, if they could not. */
  repsProblem: string | null;
  fallback: Plan;
}

type PageState = { status: 'loading' } | { status: 'message'; text: string; alert?: boolean } | { status: 'ready'; value: Loaded };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function load(): Promise<PageState> {
  const conn = await teamConnection();
  if (!conn) return { status: 'message', text: t('teamPlanSyncOff') };
  const who = await conn.client.whoami();
  if (who.role !== 'manager') return { status: 'message', text: t('teamPlanNotManager', who.teamName) };
  const [answer, fallback] = await Promise.all([conn.client.teamPlan(), planSettings.getValue()]);
  const zone = answer.plan?.timeZone ?? fallback.timeZone;
  const today = todayIn(zone);
  let reps: Loaded['reps'] = [];
  let repsProblem: string | null = null;
  try {
    reps = (await conn.client.teamSummary(today, nextDay(today))).reps;
  } catch (error) {
    repsProblem = t('teamPlanRepsProblem', errorText(error));
  }
  return { status: 'ready', value: { conn, teamName: who.teamName, answer, reps, repsProblem, fallback } };
}

function TeamPlanPage() {
  const state = useSignal<PageState>({ status: 'loading' });
  const refresh = async () => {
    try {
      state.value = await load();
    } catch (error) {
      state.value = { status: 'message', alert: true, text: t('teamPlanReadError', errorText(error)) };
    }
  };
  useEffect(() => void refresh(), []);

  const s = state.value;
  let body;
  if (s.status === 'loading') body = <p role="status" class="muted">{t('teamPlanLoading')}</p>;
  else if (s.status === 'message') body = <p role={s.alert ? 'alert' : 'status'} class={s.alert ? 'error' : undefined}>{s.text}</p>;
  else {
    const { conn, answer, reps, repsProblem, fallback } = s.value;
    const today = todayIn(answer.plan?.timeZone ?? fallback.timeZone);
    body = (
      <>
        {repsProblem && <p role="status" class="error">{repsProblem}</p>}
        <TeamPlanView
          answer={answer} reps={reps} fallback={fallback} today={today} locale={uiLocale()}
          setTeamPlan={(plan, effectiveFrom) => conn.client.setTeamPlan(plan, effectiveFrom)}
          setAllocation={args => conn.client.setAllocation(args)}
          reload={async () => {
            // Only the plan changed: keep the reps already listed if the summary cannot be read now.
            const fresh = await conn.client.teamPlan();
            state.value = { status: 'ready', value: { ...s.value, answer: fresh } };
          }}
        />
      </>
    );
  }
  return (
    <main class="team-plan">
      <h1>{s.status === 'ready' ? t('teamPlanHeadingTeam', s.value.teamName) : t('teamPlanHeading')}</h1>
      {body}
    </main>
  );
}

// The page's language is that of the words shown, so screen readers pronounce them right.
document.documentElement.lang = t('page_lang');
document.title = t('teamPlanPageTitle');
render(<TeamPlanPage />, document.getElementById('app')!);
