// The commission plan as CommissionPlan in lib/metrics/plan.ts has it: marginal tiers,
// an accelerator above quota, a decelerator below a threshold, caps. Attainments and
// rates are shown in % (the plan stores fractions: 1 = 100 %).
import { t, type MessageKey } from '../lib/i18n';
import { NumberField, SelectField, fieldId, rowKey, type PlanDraft } from './PlanFields';
import type { SectionProps } from './PlanRevisions';

type Commission = PlanDraft['commission'];

const PERIODS: readonly (readonly [Commission['period'], MessageKey])[] = [['month', 'plan_commission_month'], ['quarter', 'plan_commission_quarter'], ['fiscalYear', 'plan_commission_fiscal_year']];

export function PlanCommission({ draft, set, loc, focusLater }: SectionProps) {
  const c = draft.commission;
  const currency = draft.currency.trim().toUpperCase() || draft.base.currency;
  // Updates apply to the latest draft: several keystrokes can land before the next render.
  const patch = (p: (c: Commission) => Partial<Commission>) => set(d => ({ ...d, commission: { ...d.commission, ...p(d.commission) } }));
  const tier = (i: number, p: Partial<Commission['tiers'][number]>) => patch(c => ({ tiers: c.tiers.map((row, j) => (j === i ? { ...row, ...p } : row)) }));
  const accelerator = (p: Partial<Commission['accelerator']>) => patch(c => ({ accelerator: { ...c.accelerator, ...p } }));
  const decelerator = (p: Partial<Commission['decelerator']>) => patch(c => ({ decelerator: { ...c.decelerator, ...p } }));
  const addTier = () => {
    const last = loc.parse(c.tiers.at(-1)?.from ?? '');
    const from = last === undefined || Number.isNaN(last) ? '' : loc.format(last + 50, 4);
    patch(c => ({ tiers: [...c.tiers, { key: rowKey(), from, rate: '' }] }));
    focusLater(fieldId(`commission.tiers[${c.tiers.length}].rate`));
  };
  const removeTier = (i: number) => {
    patch(c => ({ tiers: c.tiers.filter((_, j) => j !== i) }));
    focusLater('plan-tiers-add');
  };

  return (
    <fieldset>
      <legend>{t('plan_commission_legend')}</legend>
      <p class="hint">{t('plan_commission_hint')}</p>
      <SelectField k="commission.period" label={t('plan_commission_period')} value={c.period} options={PERIODS.map(([v, key]) => [v, t(key)] as const)}
        onChange={v => patch(() => ({ period: v as Commission['period'] }))} />
      <div class="table-scroll">
        <table class="plan-table">
          <caption>{t('plan_commission_tiers')}</caption>
          <thead>
            <tr><th scope="col">{t('plan_commission_from')}</th><th scope="col">{t('plan_commission_rate')}</th><th scope="col"><span class="sr-only">{t('plan_commission_actions')}</span></th></tr>
          </thead>
          <tbody>
            {c.tiers.map((row, i) => (
              <tr key={row.key}>
                <td><NumberField k={`commission.tiers[${i}].fromAttainment`} hiddenLabel label={t('plan_commission_tier_from_label', i + 1)} loc={loc} digits={4} value={row.from} onInput={v => tier(i, { from: v })} suffix="%" /></td>
                <td><NumberField k={`commission.tiers[${i}].rate`} hiddenLabel label={t('plan_commission_tier_rate_label', i + 1)} loc={loc} digits={4} value={row.rate} onInput={v => tier(i, { rate: v })} suffix="%" /></td>
                <td>{c.tiers.length > 1 && <button type="button" class="secondary" onClick={() => removeTier(i)}>{t('plan_commission_remove')}<span class="sr-only"> {t('plan_commission_remove_which', i + 1)}</span></button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p><button type="button" class="secondary" id="plan-tiers-add" onClick={addTier}>{t('plan_commission_add_tier')}</button></p>

      <label class="switch">
        <input type="checkbox" checked={c.accelerator.on} onChange={e => accelerator({ on: e.currentTarget.checked })} />
        <span>{t('plan_commission_accelerator')}</span>
      </label>
      {c.accelerator.on && (
        <div class="row indent">
          <NumberField k="commission.accelerator.above" label={t('plan_commission_above')} loc={loc} digits={4} value={c.accelerator.above} suffix="%"
            onInput={v => accelerator({ above: v })} />
          <NumberField k="commission.accelerator.multiplier" label={t('plan_commission_rate_multiplier')} loc={loc} value={c.accelerator.multiplier} suffix="×"
            onInput={v => accelerator({ multiplier: v })} />
        </div>
      )}
      <label class="switch">
        <input type="checkbox" checked={c.decelerator.on} onChange={e => decelerator({ on: e.currentTarget.checked })} />
        <span>{t('plan_commission_decelerator')}</span>
      </label>
      {c.decelerator.on && (
        <div class="row indent">
          <NumberField k="commission.decelerator.below" label={t('plan_commission_below')} loc={loc} digits={4} value={c.decelerator.below} suffix="%"
            onInput={v => decelerator({ below: v })} />
          <NumberField k="commission.decelerator.multiplier" label={t('plan_commission_payout_multiplier')} loc={loc} value={c.decelerator.multiplier} suffix="×"
            onInput={v => decelerator({ multiplier: v })} />
        </div>
      )}
      <div class="row">
        <NumberField k="commission.cap.maxAttainment" label={t('plan_commission_cap_attainment')} hint={t('plan_commission_cap_attainment_hint')} loc={loc} digits={4}
          value={c.capAttainment} suffix="%" onInput={v => patch(() => ({ capAttainment: v }))} />
        <NumberField k="commission.cap.maxPayout" label={t('plan_commission_cap_payout', currency)} hint={t('plan_commission_optional')} loc={loc} digits={2}
          value={c.capPayout} onInput={v => patch(() => ({ capPayout: v }))} />
      </div>
    </fieldset>
  );
}
