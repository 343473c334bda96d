/** @vitest-environment happy-dom */
// The composer fixture has the email composer's (empty, about:blank) <iframe>: with page
// loading off, happy-dom logs an error for it. Nothing here is fetched either way.
// @vitest-environment-options {"settings": {"enableIframePageLoading": true}}
import { describe, expect, test } from 'vitest';
import { deepQuery, deepQueryAll } from '../../lib/sites/dom';
import { actionFor, salesforce, selectors } from '../../lib/sites/salesforce';
import type { RepAction } from '../../lib/sites/types';
import { loadFixture } from '../helpers/fixtures';

// Dates in the composer are read as local wall time; compute expectations the same way.
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();

/** When the rep clicks: Wednesday 25 November 2026, 15:00 local. */
const now = new Date(2026, 10, 25, 15, 0);

const origin = 'https://acme.lightning.force.com';
const oppUrl = new URL(`${origin}/lightning/r/Opportunity/0065e00000Gq7TZAAZ/view`);
const deal = { id: 'salesforce:0065e00000Gq7TZAAZ', name: 'Acme — 500 Widgets' };

const composerPage = () => loadFixture('salesforce/opportunity-composer.html');

/** The docked composer whose header title is `title`. */
function composer(doc: Document, title: string): Element {
  const found = deepQueryAll(doc, selectors.dockedComposer).find(c => deepQuery(c, selectors.composerTitle)?.getAttribute('title') === title);
  if (!found) throw new Error(`no ${title} composer`);
  return found;
}
const primaryButton = (c: Element) => deepQuery(c, selectors.publisherButton)!;

/** The action without its confirm function, for toEqual. */
const plain = (action: RepAction | undefined) => {
  if (!action) return action;
  const { confirm, ...rest } = action;
  expect(typeof confirm).toBe('function');
  return rest;
};

describe('Log a Call', () => {
  test('Save reads the type, subject and date, and the deal from the page', () => {
    const doc = composerPage();
    const action = actionFor(primaryButton(composer(doc, 'Log a Call')), doc, oppUrl, now);
    expect(plain(action)).toEqual({
      type: 'call',
      recordKey: 'salesforce:0065e00000Gq7TZAAZ',
      deal,
      subject: 'Pricing follow-up',
      at: local(2026, 11, 24), // the Date field: 11/24/2026, logged the next day
    });
  });

  test('never reads the Comments body', () => {
    const doc = composerPage();
    const action = actionFor(primaryButton(composer(doc, 'Log a Call')), doc, oppUrl, now);
    expect(JSON.stringify(action)).not.toMatch(/discount|CFO|Walked/);
  });

  test("a call dated today has no `at`: the click time is closer than today's midnight", () => {
    const doc = composerPage();
    const c = composer(doc, 'Log a Call');
    deepQuery(c, '[data-target-selection-name="sfdc:RecordField.Task.ActivityDate"] input')!.setAttribute('value', '11/25/2026');
    expect(plain(actionFor(primaryButton(c), doc, oppUrl, now))).not.toHaveProperty('at');
  });

  test('a click on the label inside the button is the same Save', () => {
    const doc = composerPage();
    const label = deepQuery(primaryButton(composer(doc, 'Log a Call')), 'span')!;
    expect(plain(actionFor(label, doc, oppUrl, now))).toMatchObject({ type: 'call', subject: 'Pricing follow-up' });
  });

  test.each(['Minimize window', 'Expand Composer', 'Close'])('%s is not an action', title => {
    const doc = composerPage();
    const button = deepQuery(composer(doc, 'Log a Call'), `button[title="${title}"]`)!;
    expect(actionFor(button, doc, oppUrl, now)).toBeUndefined();
  });

  test('clicks outside a composer or modal are not actions', () => {
    const doc = composerPage();
    for (const el of [
      deepQuery(doc, 'button[title="Log a Call"]')!, // opens the composer; nothing is saved yet
      deepQuery(doc, '.slds-path__mark-complete')!, // a stage change: read from the page, not the click
      deepQuery(doc, 'button.inline-edit-trigger')!,
      deepQuery(doc, 'h1')!,
    ]) {
      expect(actionFor(el, doc, oppUrl, now), el.outerHTML.slice(0, 60)).toBeUndefined();
    }
  });

  test('New Task is a Task form too, but not an action Pacer records', () => {
    const doc = composerPage();
    const c = composer(doc, 'Log a Call');
    const title = deepQuery(c, selectors.composerTitle)!;
    title.setAttribute('title', 'New Task');
    title.textContent = 'New Task';
    expect(actionFor(primaryButton(c), doc, oppUrl, now)).toBeUndefined();
  });

  test('confirm: pending while the composer shows what was typed', () => {
    const doc = composerPage();
    const action = actionFor(primaryButton(composer(doc, 'Log a Call')), doc, oppUrl, now)!;
    expect(action.confirm(doc, oppUrl)).toEqual({ status: 'pending' });
  });

  test('confirm: saved once Lightning closes the docked composer', () => {
    const doc = composerPage();
    const c = composer(doc, 'Log a Call');
    const action = actionFor(primaryButton(c), doc, oppUrl, now)!;
    c.closest('.forceDockingPanel')!.remove();
    expect(action.confirm(doc, oppUrl)).toEqual({ status: 'saved' });
  });

  test('confirm: saved once Lightning clears the form for the next call', () => {
    const doc = composerPage();
    const c = composer(doc, 'Log a Call');
    const action = actionFor(primaryButton(c), doc, oppUrl, now)!;
    const subject = deepQuery(c, 'input[aria-label="Subject"]') as HTMLInputElement;
    subject.value = '';
    expect(action.confirm(doc, oppUrl)).toEqual({ status: 'saved' });
  });

  test('confirm: minimising the composer is not saving', () => {
    const doc = composerPage();
    const c = composer(doc, 'Log a Call');
    const action = actionFor(primaryButton(c), doc, oppUrl, now)!;
    c.classList.remove('slds-is-open');
    c.closest('.forceDockingPanel')!.classList.replace('DOCKED', 'MINIMIZED');
    expect(action.confirm(doc, oppUrl)).toEqual({ status: 'pending' });
  });

  test('confirm: failed when the composer shows a page-level error', () => {
    const doc = composerPage();
    const c = composer(doc, 'Log a Call');
    const action = actionFor(primaryButton(c), doc, oppUrl, now)!;
    deepQuery(c, '.slds-docked-composer__body')!.insertAdjacentHTML(
      'afterbegin',
      '<div class="pageLevelErrors"><ul class="errorsList"><li>Review the errors on this page.</li></ul></div>',
    );
    expect(action.confirm(doc, oppUrl)).toEqual({ status: 'failed' });
  });

  test('confirm: failed when a field shows an SLDS error', () => {
    const doc = composerPage();
    const c = composer(doc, 'Log a Call');
    const action = actionFor(primaryButton(c), doc, oppUrl, now)!;
    const field = deepQuery(c, '[data-target-selection-name="sfdc:RecordField.Task.Subject"]')!;
    field.classList.add('slds-has-error');
    field.insertAdjacentHTML('beforeend', '<div class="slds-form-element__help" role="alert">Complete this field.</div>');
    expect(action.confirm(doc, oppUrl)).toEqual({ status: 'failed' });
  });

  test('an empty live region is not an error', () => {
    const doc = composerPage();
    const c = composer(doc, 'Log a Call');
    const action = actionFor(primaryButton(c), doc, oppUrl, now)!;
    c.insertAdjacentHTML('beforeend', '<div role="alert"></div>');
    expect(action.confirm(doc, oppUrl)).toEqual({ status: 'pending' });
  });

  test('a Save button inside a native shadow root is found from the click target', () => {
    const doc = composerPage();
    const c = composer(doc, 'Log a Call');
    const footer = deepQuery(c, '.slds-docked-composer__footer > div')!;
    footer.attachShadow({ mode: 'open' }).append(...footer.childNodes);
    const label = footer.shadowRoot!.querySelector('span')!;
    expect(plain(actionFor(label, doc, oppUrl, now))).toMatchObject({ type: 'call', subject: 'Pricing follow-up' });
  });

  test('on a lead page the call is about the lead, with its LinkedIn profile', () => {
    const doc = loadFixture('salesforce/lead.html');
    const panel = composerPage().querySelector('.forceDockingPanel')!;
    doc.body.append(doc.importNode(panel, true));
    const leadUrl = new URL(`${origin}/lightning/r/Lead/00Q5e00000Rb7NqEAJ/view`);
    expect(plain(actionFor(primaryButton(composer(doc, 'Log a Call')), doc, leadUrl, now))).toEqual({
      type: 'call',
      recordKey: 'salesforce:00Q5e00000Rb7NqEAJ',
      person: {
        name: 'Priya Natarajan',
        profileUrl: 'https://www.linkedin.com/in/priya-natarajan-4b2a1c/',
        crmId: 'salesforce:00Q5e00000Rb7NqEAJ',
      },
      subject: 'Pricing follow-up',
      at: local(2026, 11, 24),
    });
  });

  test('on a page about no deal or person (an Account) the call has no record key', () => {
    const doc = composerPage();
    const accountUrl = new URL(`${origin}/lightning/r/Account/0015e00000Ab1CdAAJ/view`);
    expect(plain(actionFor(primaryButton(composer(doc, 'Log a Call')), doc, accountUrl, now))).toEqual({
      type: 'call',
      subject: 'Pricing follow-up',
      at: local(2026, 11, 24),
    });
  });
});

describe('New Event and Email', () => {
  test('New Event Save is a meeting at the event start', () => {
    const doc = composerPage();
    const action = actionFor(primaryButton(composer(doc, 'New Event')), doc, oppUrl, now);
    expect(plain(action)).toEqual({
      type: 'meeting',
      recordKey: 'salesforce:0065e00000Gq7TZAAZ',
      deal,
      subject: 'Contract walkthrough',
      at: local(2026, 11, 26, 10, 0), // Start: 11/26/2026 10:00 AM
    });
    expect(JSON.stringify(action)).not.toMatch(/Agenda|redlines/);
  });

  test('Email Send is an email with its subject line, never its body', () => {
    const doc = composerPage();
    const c = composer(doc, 'Email');
    const action = actionFor(primaryButton(c), doc, oppUrl, now);
    expect(plain(action)).toEqual({
      type: 'email',
      recordKey: 'salesforce:0065e00000Gq7TZAAZ',
      deal,
      subject: 'Revised order form',
    });
    expect(action!.confirm(doc, oppUrl)).toEqual({ status: 'pending' });
    c.closest('.forceDockingPanel')!.remove();
    expect(action!.confirm(doc, oppUrl)).toEqual({ status: 'saved' });
  });

  test('Email Send with a recipient error fails', () => {
    const doc = composerPage();
    const c = composer(doc, 'Email');
    const action = actionFor(primaryButton(c), doc, oppUrl, now)!;
    deepQuery(c, 'ul[aria-label="To"]')!.closest('.slds-form-element')!.classList.add('slds-has-error');
    expect(action.confirm(doc, oppUrl)).toEqual({ status: 'failed' });
  });
});

describe('record-create modal', () => {
  const newOppUrl = new URL(`${origin}/lightning/o/Opportunity/new?count=1&nooverride=1&useRecordTypeCheck=1&navigationLocation=LIST_VIEW`);
  const createdUrl = new URL(`${origin}/lightning/r/Opportunity/0065e00000Sf8BcAAJ/view`);
  const modalPage = () => loadFixture('salesforce/record-create-modal.html');
  const save = (doc: Document) => deepQuery(doc, `${selectors.saveButton} button`)!;
  const modal = (doc: Document) => deepQuery(doc, selectors.modal)!;

  test('Save in New Opportunity is a lead_created with nothing else read from the form', () => {
    const doc = modalPage();
    // The pipeline keys the event by the record Salesforce creates (confirm's recordId).
    expect(plain(actionFor(save(doc), doc, newOppUrl, now))).toEqual({ type: 'lead_created' });
  });

  test('saved with the new record id once Lightning closes the modal and opens the record', () => {
    const doc = modalPage();
    const action = actionFor(save(doc), doc, newOppUrl, now)!;
    expect(action.confirm(doc, newOppUrl)).toEqual({ status: 'pending' });
    modal(doc).remove();
    expect(action.confirm(doc, createdUrl)).toEqual({ status: 'saved', recordId: '0065e00000Sf8BcAAJ' });
  });

  test('a 15-char id in the new URL gives the case-safe record id', () => {
    const doc = modalPage();
    const action = actionFor(save(doc), doc, newOppUrl, now)!;
    modal(doc).remove();
    expect(action.confirm(doc, new URL(`${origin}/lightning/r/Opportunity/0065e00000Sf8Bc/view`))).toEqual({
      status: 'saved',
      recordId: '0065e00000Sf8BcAAJ',
    });
  });

  test('an Aura modal that loses its "open" class is closed too', () => {
    const doc = modalPage();
    const action = actionFor(save(doc), doc, newOppUrl, now)!;
    modal(doc).classList.remove('open', 'active');
    expect(action.confirm(doc, createdUrl)).toEqual({ status: 'saved', recordId: '0065e00000Sf8BcAAJ' });
  });

  test('failed when the form shows a page-level error', () => {
    const doc = modalPage();
    const action = actionFor(save(doc), doc, newOppUrl, now)!;
    deepQuery(doc, 'records-base-record-form')!.insertAdjacentHTML(
      'afterbegin',
      '<records-record-edit-error><div class="pageLevelErrors"><ul class="errorsList"><li>These required fields must be completed: Close Date</li></ul></div></records-record-edit-error>',
    );
    expect(action.confirm(doc, newOppUrl)).toEqual({ status: 'failed' });
  });

  test('failed when a field shows an SLDS error', () => {
    const doc = modalPage();
    const action = actionFor(save(doc), doc, newOppUrl, now)!;
    deepQuery(doc, 'records-record-layout-item[field-label="Close Date"] .slds-form-element')!.classList.add('slds-has-error');
    expect(action.confirm(doc, newOppUrl)).toEqual({ status: 'failed' });
  });

  test('created from a related list: Lightning stays on the page and links the new record in a toast', () => {
    const doc = modalPage();
    const accountUrl = new URL(`${origin}/lightning/r/Account/0015e00000Ab1CdAAJ/view`);
    const action = actionFor(save(doc), doc, new URL(`${origin}/lightning/o/Opportunity/new?navigationLocation=RELATED_LIST`), now)!;
    modal(doc).remove();
    expect(action.confirm(doc, accountUrl)).toEqual({ status: 'pending' });
    doc.body.insertAdjacentHTML(
      'beforeend',
      '<div class="forceToastMessage" role="alert"><span class="toastMessage">Opportunity "<a href="/lightning/r/Opportunity/0065e00000Sf8BcAAJ/view">Globex — Expansion</a>" was created.</span></div>',
    );
    expect(action.confirm(doc, accountUrl)).toEqual({ status: 'saved', recordId: '0065e00000Sf8BcAAJ' });
  });

  test('closed without opening a record of that object (Cancel, another record): still pending, never saved', () => {
    const doc = modalPage();
    const action = actionFor(save(doc), doc, newOppUrl, now)!;
    modal(doc).remove();
    expect(action.confirm(doc, new URL(`${origin}/lightning/o/Opportunity/list?filterName=Recent`))).toEqual({ status: 'pending' });
    expect(action.confirm(doc, new URL(`${origin}/lightning/r/Lead/00Q5e00000Rb8KdEAJ/view`))).toEqual({ status: 'pending' });
  });

  test.each(['cancel-button', 'save-and-new-button'])('%s is not an action', cls => {
    const doc = modalPage();
    expect(actionFor(deepQuery(doc, `lightning-button.${cls} button`)!, doc, newOppUrl, now)).toBeUndefined();
  });

  test('New Lead from a global action: the object comes from the modal title when the URL does not name it', () => {
    const doc = modalPage();
    deepQuery(doc, selectors.modalTitle)!.textContent = 'New Lead';
    const listUrl = new URL(`${origin}/lightning/o/Opportunity/list?filterName=Recent`);
    const action = actionFor(save(doc), doc, listUrl, now)!;
    expect(plain(action)).toEqual({ type: 'lead_created' });
    modal(doc).remove();
    expect(action.confirm(doc, new URL(`${origin}/lightning/r/Opportunity/0065e00000Sf8BcAAJ/view`))).toEqual({ status: 'pending' });
    expect(action.confirm(doc, new URL(`${origin}/lightning/r/Lead/00Q5e00000Rb8KdEAJ/view`))).toEqual({
      status: 'saved',
      recordId: '00Q5e00000Rb8KdEAJ',
    });
  });

  test('a modal creating another object (New Contact) is not an action', () => {
    const doc = modalPage();
    deepQuery(doc, selectors.modalTitle)!.textContent = 'New Contact';
    expect(actionFor(save(doc), doc, new URL(`${origin}/lightning/o/Contact/new?count=1`), now)).toBeUndefined();
  });
});

test('the adapter exposes actionFor', () => {
  const doc = composerPage();
  expect(salesforce.actionFor?.(primaryButton(composer(doc, 'Log a Call')), doc, oppUrl)?.type).toBe('call');
});
