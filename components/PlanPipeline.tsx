// Targets per activity, and the pipeline: stages in order with the days a deal should
// stay in each, win probabilities and which stages count as early.
import { DRIVERS, DRIVER_LABELS, type Driver } from '../lib/metrics/drivers';
import { t } from '../lib/i18n';
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
      <legend>{t('plan_targets_legend')}</legend>
      <p class="hint">{t('plan_targets_hint')}</p>
      {/* On a narrow page the table scrolls inside its box rather than the whole page sideways. */}
      <div class="table-scroll">
        <table class="plan-table targets">
          <thead>
            <tr><th scope="col">{t('plan_targets_activity')}</th><th scope="col" class="num">{t('plan_targets_per_week')}</th><th scope="col" class="num">{t('plan_targets_per_day')}</th><th scope="col" class="num">{t('plan_targets_points')}</th></tr>
          </thead>
          <tbody>
            {DRIVERS.map(d => {
              const name = DRIVER_LABELS[d];
              return (
                <tr key={d}>
                  <th scope="row">{name}</th>
                  {cell('weeklyTargets', d, t('plan_targets_per_week_label', name))}
                  {cell('dailyTargets', d, t('plan_targets_per_day_label', name))}
                  {cell('activityWeights', d, t('plan_targets_points_label', name))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}

export function PlanPipeline({ draft, set, loc }: Omit<SectionProps, 'focusLater'>) {
  const stages = stageLines(draft.stages);
  const patch = (p: (d: PlanDraft) => Partial<PlanDraft>) => set(d => ({ ...d, ...p(d) }));
  return (
    <fieldset>
      <legend>{t('plan_stages_legend')}</legend>
      <TextAreaField k="stages" label={t('plan_stages_label')} rows={Math.min(12, Math.max(4, stages.length + 1))}
        hint={t('plan_stages_hint')} value={draft.stages} onInput={v => patch(() => ({ stages: v }))} />
      {stages.length > 0 && (
        <div class="table-scroll">
          <table class="plan-table">
            <caption>{t('plan_stages_caption')}</caption>
            <thead>
              <tr><th scope="col">{t('plan_stages_stage')}</th><th scope="col" class="num">{t('plan_stages_days')}</th><th scope="col" class="num">{t('plan_stages_probability')}</th><th scope="col">{t('plan_stages_early')}</th></tr>
            </thead>
            <tbody>
              {stages.map((s, i) => (
                <tr key={`${i}:${s}`}>
                  <th scope="row">{s}</th>
                  <td><NumberField k={`stageTargets[${i}]`} hiddenLabel label={t('plan_stages_days_label', s)} loc={loc} value={stageTargetText(draft, s, loc)}
                    onInput={v => patch(d => ({ stageTargets: { ...d.stageTargets, [s]: v } }))} /></td>
                  <td><NumberField k={`stageProbabilities[${i}]`} hiddenLabel label={t('plan_stages_probability_label', s)} loc={loc} digits={4}
                    placeholder={loc.format(((i + 1) / (stages.length + 1)) * 100, 0)} value={draft.stageProbabilities[s] ?? ''}
                    onInput={v => patch(d => ({ stageProbabilities: { ...d.stageProbabilities, [s]: v } }))} /></td>
                  <td class="center">
                    <input type="checkbox" id={`plan-early-${i}`} aria-label={t('plan_stages_early_label', s)} checked={draft.earlyStages.includes(s)}
                      onChange={e => {
                        const on = e.currentTarget.checked;
                        patch(d => ({ earlyStages: on ? [...d.earlyStages.filter(x => x !== s), s] : d.earlyStages.filter(x => x !== s) }));
                      }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="hint">{t('plan_stages_footer')}</p>
    </fieldset>
  );
}
