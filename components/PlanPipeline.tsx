// Targets per activity, and the pipeline: stages in order with the days a deal should
// stay in each, win probabilities and which stages count as early.
import { DRIVERS, DRIVER_LABELS, type Driver } from '../lib/metrics/drivers';
import { NumberField, TextAreaField, stageLines, stageTargetText, type PlanDraft } from './PlanFields';
import type { SectionProps } from './PlanRevisions';

type DriverField = 'weeklyTargets' | 'dailyTargets' | 'activityWeights';

export function PlanTargets({ draft, set, loc }: Omit<SectionProps, 'focusLater'>) {
  const update = (field: DriverField, d: Driver, v: string) => set(x => ({ ...x, [field]: { ...x[field], [d]: v } }));
  const cell = (field: DriverField, d: Driver, label: string) => (
    <td><NumberField k={`${field}.${d}`} hiddenLabel label={label} loc={loc} value={draft[field][d]} onInput={v => update(field, d, v)} /></td>
  );
  return (
    <fieldset>
      <legend>Activity targets and score weights</legend>
      <p class="hint">Leave a target empty for none. Points make the activity score: a meeting worth 5 counts as five calls worth 1.</p>
      <table class="plan-table targets">
        <thead>
          <tr><th scope="col">Activity</th><th scope="col" class="num">Per week</th><th scope="col" class="num">Per day</th><th scope="col" class="num">Points each</th></tr>
        </thead>
        <tbody>
          {DRIVERS.map(d => {
            const name = DRIVER_LABELS[d];
            return (
              <tr key={d}>
                <th scope="row">{name}</th>
                {cell('weeklyTargets', d, `${name} per week`)}
                {cell('dailyTargets', d, `${name} per day`)}
                {cell('activityWeights', d, `${name}: points each`)}
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}

export function PlanPipeline({ draft, set, loc }: Omit<SectionProps, 'focusLater'>) {
  const stages = stageLines(draft.stages);
  const patch = (p: (d: PlanDraft) => Partial<PlanDraft>) => set(d => ({ ...d, ...p(d) }));
  return (
    <fieldset>
      <legend>Pipeline stages</legend>
      <TextAreaField k="stages" label="Open stages, in order, one per line" rows={Math.min(12, Math.max(4, stages.length + 1))}
        hint="As your CRM names them; leave out Closed Won and Closed Lost." value={draft.stages} onInput={v => patch(() => ({ stages: v }))} />
      {stages.length > 0 && (
        <table class="plan-table">
          <caption>Targets per stage</caption>
          <thead>
            <tr><th scope="col">Stage</th><th scope="col" class="num">Days at most</th><th scope="col" class="num">Win probability (%)</th><th scope="col">Early stage</th></tr>
          </thead>
          <tbody>
            {stages.map((s, i) => (
              <tr key={`${i}:${s}`}>
                <th scope="row">{s}</th>
                <td><NumberField k={`stageTargets[${i}]`} hiddenLabel label={`${s}: days at most`} loc={loc} value={stageTargetText(draft, s, loc)}
                  onInput={v => patch(d => ({ stageTargets: { ...d.stageTargets, [s]: v } }))} /></td>
                <td><NumberField k={`stageProbabilities[${i}]`} hiddenLabel label={`${s}: win probability (%)`} loc={loc} digits={4}
                  placeholder={loc.format(((i + 1) / (stages.length + 1)) * 100, 0)} value={draft.stageProbabilities[s] ?? ''}
                  onInput={v => patch(d => ({ stageProbabilities: { ...d.stageProbabilities, [s]: v } }))} /></td>
                <td class="center">
                  <input type="checkbox" id={`plan-early-${i}`} aria-label={`${s} is an early stage`} checked={draft.earlyStages.includes(s)}
                    onChange={e => {
                      const on = e.currentTarget.checked;
                      patch(d => ({ earlyStages: on ? [...d.earlyStages.filter(x => x !== s), s] : d.earlyStages.filter(x => x !== s) }));
                    }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="hint">An empty probability takes the default by position, shown in grey. Early stages count as leads on deck; none ticked means the first third.</p>
    </fieldset>
  );
}
