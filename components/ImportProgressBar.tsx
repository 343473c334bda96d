import { formatNumber } from '../lib/i18n';

/** A labelled progress bar for a long import: role progressbar with its value for assistive tech. */
export function ImportProgressBar({ label, fraction }: { label: string; fraction: number }) {
  const percent = Math.round(Math.min(Math.max(fraction, 0), 1) * 100);
  return (
    <div class="import-progress">
      <span id="import-progress-label">{label}… {formatNumber(percent)} %</span>
      <div role="progressbar" aria-labelledby="import-progress-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} class="import-progress-track">
        <div class="import-progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
