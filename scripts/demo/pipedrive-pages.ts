// Pipedrive pages for the demo: the hand-assembled fixtures of tests/fixtures/pipedrive,
// served at acme.pipedrive.com exactly as the browser tests serve them
// (tests/browser/sites/pipedrive.ts), so what the demo shows is what is tested.
// The forms behave as Pipedrive's do (the same page scripts the tests use), so a
// demo user can schedule an activity or add a deal and see Pacer record it once.
//
// Wiring (scripts/demo.ts): add `...pipedriveDemoRoutes` to the demo server's routes,
// `...PIPEDRIVE_DEMO_HOSTS` to its hostResolverRules hosts, and list `pipedriveDemoLinks`
// on the index page.
import type { Route } from '../lib/https-server';
import { fixture } from '../../tests/browser/sites/fixture-route';
import {
  PIPEDRIVE_HOST,
  PIPEDRIVE_URLS,
  pipedriveActivityFormScript,
  pipedriveAddDealScript,
} from '../../tests/browser/sites/pipedrive';

/** Host names the demo browser must resolve to the demo server. */
export const PIPEDRIVE_DEMO_HOSTS = [PIPEDRIVE_HOST];

/**
 * No Pipedrive stylesheet ships with the fixtures (their CSS and icon sprites are
 * Pipedrive's), so the demo adds this sketch of its look: header, stage bar, cards,
 * feed, modal. Unstyled, every sprite-less <svg> would take 300x150 px; activity-type
 * buttons, which hold only an icon, get their type's name instead. Only selectors from
 * the fixtures; Pacer's own `pacer-cycle-timer` host is left alone.
 */
const DEMO_STYLE = `
body { margin: 0; background: #f5f6f7; color: #21232c; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
nav { display: flex; align-items: center; padding: 8px 16px; background: #1b1c23; }
nav::before { content: "pipedrive"; margin-right: auto; color: #fff; font-weight: 800; font-size: 18px; }
nav .cui5-button { background: none; border: 0; color: #fff; }
svg, .input.markAsDone, .flowItemIcon { display: none; }
a { color: #317ae2; text-decoration: none; }
#application { max-width: 1180px; margin: 0 auto; padding: 16px; }
.cui5-button { font: inherit; padding: 4px 12px; border: 1px solid #c4c6cc; border-radius: 4px; background: #fff; color: inherit; cursor: pointer; }
.cui5-button--variant-primary, [data-testid="won-button"] { background: #08a742; border-color: #08a742; color: #fff; }
.cui5-button--active { background: #317ae2; border-color: #317ae2; color: #fff; }
[data-testid="header-title"] + div { display: flex; gap: 6px; align-items: center; }
#application > div:first-child { display: flex; justify-content: space-between; align-items: center; }
.cui5-editable-text__box { margin: 0; }
.cui5-editable-text__input { font-family: inherit; font-size: 22px; font-weight: 700; border: 0; background: none; resize: none; width: 40ch; color: inherit; }
.cui5-badge__label { padding: 2px 10px; border-radius: 10px; background: #e3e5e8; font-weight: 600; }
.cui5-stage-selector { display: flex; gap: 3px; margin: 12px 0 20px; }
.cui5-stage-selector__stage { flex: 1; min-width: 0; padding: 6px 8px; border: 0; background: #dfe3e8; font: inherit; font-size: 12px;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; cursor: pointer; }
.cui5-stage-selector__stage[aria-selected="true"], .cui5-stage-selector__stage:has(~ [aria-selected="true"]) { background: #08a742; color: #fff; }
#application > div:nth-of-type(3), section, [data-test="pipeline-view"] > div:first-child, .grid {
  margin: 0 0 12px; padding: 12px 16px; background: #fff; border: 1px solid #e3e5e8; border-radius: 6px; }
[data-testid="fields-list-row"] { display: grid; grid-template-columns: 180px 1fr; padding: 4px 0; border-bottom: 1px solid #f0f1f3; }
[data-testid="field-name"] { color: #6a6e79; }
[data-testid="block-collapse"] { border: 0; padding: 0; font-weight: 700; margin: 8px 0 4px; }
section > div:first-child { display: flex; gap: 4px; margin-bottom: 12px; }
[aria-pressed="true"] { background: #e8f0fc; border-color: #317ae2; }
.sectionTag { margin: 12px 0 6px; color: #6a6e79; font-size: 12px; font-weight: 700; text-transform: uppercase; }
.flowItemContainer { margin: 0 0 8px; padding: 8px 12px; border: 1px solid #e3e5e8; border-radius: 6px; background: #fff; }
.flowItemContainer.note { background: #fff8d8; }
.flowItemContainer.change { background: #f5f6f7; color: #6a6e79; }
.flowComponent h3 { margin: 0 0 2px; font-size: 14px; }
.flowItemDetails { color: #6a6e79; font-size: 12px; }
.flowItemDetails .separator { margin: 0 4px; }
.relatedItems ul { list-style: none; margin: 0; padding: 0; }
[data-test="pipeline-view"] > div:first-child { display: flex; gap: 12px; align-items: center; }
[data-test="pipeline-view"] > div:nth-child(2) { display: flex; gap: 8px; align-items: flex-start; }
[data-test-stage-index] { flex: 1; min-width: 0; background: #eceef1; border-radius: 6px; padding: 8px; min-height: 240px; }
[data-test^="stage-header-"] { font-weight: 700; margin-bottom: 8px; }
[data-test="stage-summary"] { font-weight: 400; color: #6a6e79; font-size: 12px; }
[data-test="pipeline-deal-tile"] { margin: 0 0 6px; padding: 8px; background: #fff; border-radius: 4px; box-shadow: 0 1px 2px rgba(0,0,0,.12); }
[data-test="pipeline-deal-tile"] a > div { color: #6a6e79; font-size: 12px; }
[data-test="stage-add-deal-button"] .cui5-button::after { content: "+"; }
.gridContent__table { width: 100%; border-collapse: collapse; }
.gridContent__table td, .gridContent__table th { padding: 6px 10px; border-bottom: 1px solid #e3e5e8; text-align: left; }
.cui5-modal { position: fixed; inset: 0; display: flex; align-items: center; justify-content: center; background: rgba(27,28,35,.45); z-index: 10; }
.cui5-modal__wrap { width: 520px; max-width: calc(100vw - 32px); padding: 16px 20px; border-radius: 8px; background: #fff; box-shadow: 0 8px 32px rgba(0,0,0,.3); }
.cui5-modal__header h3 { margin: 0 0 12px; }
.cui5-modal__content { display: grid; gap: 10px; margin-bottom: 16px; }
.cui5-modal__wrap > div:last-child { display: flex; justify-content: flex-end; gap: 8px; }
.cui5-input__box input { box-sizing: border-box; width: 100%; padding: 6px 8px; font: inherit; border: 1px solid #c4c6cc; border-radius: 4px; }
.cui5-input__error-message { margin-top: 4px; color: #c62f2f; font-size: 12px; }
.cui5-button-group { display: flex; gap: 4px; }
.cui5-button-group .cui5-button:has(use[href="#icon-sm-ac-call"])::after { content: "Call"; }
.cui5-button-group .cui5-button:has(use[href="#icon-sm-ac-meeting"])::after { content: "Meeting"; }
.cui5-button-group .cui5-button:has(use[href="#icon-sm-ac-task"])::after { content: "Task"; }
.cui5-button-group .cui5-button:has(use[href="#icon-sm-ac-deadline"])::after { content: "Deadline"; }
.cui5-button-group .cui5-button:has(use[href="#icon-sm-ac-email"])::after { content: "Email"; }
.cui5-button-group .cui5-button:has(use[href="#icon-sm-ac-lunch"])::after { content: "Lunch"; }
[data-test="activity-note"] { min-height: 48px; padding: 6px 8px; border: 1px solid #c4c6cc; border-radius: 4px; }
[data-test="add-modals-visibility-field"] .cui5-button { width: 100%; text-align: left; }
.cui5-snackbar { position: fixed; left: 16px; bottom: 16px; padding: 10px 16px; border-radius: 6px; background: #1b1c23; color: #fff; }
.cui5-snackbar__message { margin: 0; }
`;

const host = new RegExp(`^${PIPEDRIVE_HOST.replace(/\./g, '\\.')}$`);

/** A fixture with the demo's look, and the page's own behaviour script when it has a form. */
const page = (file: string, script?: string) => {
  let html = fixture(file).replace(/<\/head>/i, `<style>${DEMO_STYLE}</style></head>`);
  if (script) html = html.replace(/<\/body>/i, `<script>${script}</script></body>`);
  return html;
};

/** Serves `file` at `path`, or `modalFile` with its behaviour script when `?modal=<modal>` asks for the open form. */
const route = (path: RegExp, file: string, modal?: { name: string; file: string; script: string }): Route => ({
  host,
  path,
  handle: ({ query }) => ({ body: modal && query.get('modal') === modal.name ? page(modal.file, modal.script) : page(file) }),
});

/** The path of `url` (letters, digits and slashes), with or without a trailing slash. */
const exactly = (url: string) => new RegExp(`^${new URL(url).pathname}/?$`);

export const pipedriveDemoRoutes: Route[] = [
  route(exactly(PIPEDRIVE_URLS.deal), 'pipedrive/deal-proposal.html', {
    name: 'add-activity',
    file: 'pipedrive/deal-add-activity.html',
    script: pipedriveActivityFormScript(),
  }),
  route(exactly(PIPEDRIVE_URLS.won), 'pipedrive/deal-won.html'),
  route(exactly(PIPEDRIVE_URLS.lost), 'pipedrive/deal-lost.html'),
  route(exactly(PIPEDRIVE_URLS.person), 'pipedrive/person.html'),
  route(exactly(PIPEDRIVE_URLS.board), 'pipedrive/pipeline-board.html', {
    name: 'add-deal',
    file: 'pipedrive/pipeline-add-deal.html',
    script: pipedriveAddDealScript(),
  }),
  route(exactly(PIPEDRIVE_URLS.list), 'pipedrive/deals-list.html'),
];

export const pipedriveDemoLinks: { label: string; url: string }[] = [
  { label: 'Pipedrive: open deal at Proposal Made (timer beside the stage bar)', url: PIPEDRIVE_URLS.deal },
  { label: 'Pipedrive: schedule an activity on that deal (type a subject, Save)', url: PIPEDRIVE_URLS.addActivity },
  { label: 'Pipedrive: won deal', url: PIPEDRIVE_URLS.won },
  { label: 'Pipedrive: lost deal', url: PIPEDRIVE_URLS.lost },
  { label: 'Pipedrive: person', url: PIPEDRIVE_URLS.person },
  { label: 'Pipedrive: pipeline board', url: PIPEDRIVE_URLS.board },
  { label: 'Pipedrive: add a deal from the board (Save)', url: PIPEDRIVE_URLS.addDeal },
  { label: 'Pipedrive: deals list', url: PIPEDRIVE_URLS.list },
];
