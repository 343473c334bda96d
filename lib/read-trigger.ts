// Which DOM mutations may change what an adapter reads (issue #9: a re-read costs
// 2–4 ms, and a CRM page mutates all day). A content script re-reads only when a
// batch of MutationRecords touches the adapter's anchors (`ReadAnchors`, declared
// next to each adapter's selectors):
// - a change of text or children inside an anchored region;
// - an anchored element added or removed, or a subtree holding one;
// - a class coming or going that a region's selectors or the reader name
//   (a toggled class nothing reads changes nothing, wherever it is);
// - another watched attribute changing inside a region, or one the selectors name.
// Everything else (spinners, tooltips, the feed, hover states) is skipped. The check is
// conservative: when in doubt, re-read. Pure DOM; runs in happy-dom and Chromium alike.
import type { ReadAnchors } from './sites/types';

/** Options every content script observes the page with: the old class is needed to see which class changed. */
export const observeOptions = (attributeFilter: string[]): MutationObserverInit => ({
  childList: true,
  subtree: true,
  characterData: true,
  // The old text and values show a re-render that wrote back what was there: no change.
  characterDataOldValue: true,
  attributes: true,
  attributeOldValue: true,
  attributeFilter,
});

const ELEMENT = 1;
const DOCUMENT_FRAGMENT = 11;

const classTokens = (value: string | null | undefined) => (value ?? '').split(/\s+/).filter(Boolean);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `[class*="x"]`, `[class^="x"]`, `[class$="x"]`, `[class~="x"]`: class fragments a selector matches on. */
const classFragments = (selectors: string) => [...selectors.matchAll(/\[class[*^$~|]?=["']?([^"'\]]+)["']?\]/g)].map(m => m[1]!);

/**
 * A function that says whether any of a callback's records may change the reading.
 * Absent anchors mean every record may (the adapter declares nothing it reads).
 * `isOwnNode` marks Pacer's own UI: changes there are never the page's.
 */
export function readingChanges(anchors: ReadAnchors | undefined, isOwnNode?: (node: Node) => boolean): (records: readonly MutationRecord[]) => boolean {
  if (!anchors) return records => records.some(r => !isOwnNode?.(r.target));
  const { regions } = anchors;
  const tags = new Set((anchors.tags ?? []).map(t => t.toLowerCase()));
  // Class names the regions' selectors name (`.slds-path__item`), the reader's own, and fragments (`[class*="x"]`).
  const named = new Set([...[...regions.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map(m => m[1]!), ...(anchors.classes ?? [])]);
  const fragments = classFragments(regions);
  const namedClass = (token: string) => named.has(token) || fragments.some(f => token.includes(f));
  // Whether a class attribute's value may hold a named class or a fragment at all: one native
  // test of the whole value, so the usual toggle of a class nothing reads is not split into
  // tokens (issue #9: that split was most of a batch's check on a CRM page).
  const mayName = new RegExp([...fragments.map(escapeRegExp), ...[...named].map(n => `(?:^|\\s)${escapeRegExp(n)}(?=\\s|$)`)].join('|') || '^');
  /** A class or attribute change that may make an element a region or stop it being one. */
  const namedAttributeChange = (r: MutationRecord, target: Element) => {
    if (r.attributeName !== 'class') return !!r.attributeName && regions.includes(r.attributeName);
    const was = r.oldValue ?? '';
    const is = target.getAttribute('class') ?? '';
    if (was === is || (!mayName.test(was) && !mayName.test(is))) return false;
    const before = classTokens(was);
    const after = classTokens(is);
    return before.some(t => !after.includes(t) && namedClass(t)) || after.some(t => !before.includes(t) && namedClass(t));
  };

  const isAnchor = (el: Element) => tags.has(el.localName) || el.matches(regions);

  // What is known of elements, kept across callbacks (a page's churn revisits the same
  // nodes, and matching a long selector list is most of this check's cost): whether an
  // element lies in a region, and whether a node is or holds one. What can make an answer
  // wrong is forgotten as it happens: a node added (it may have moved) loses its subtree's
  // answers before it is judged; a region added or removed inside a node, found relevant,
  // loses the answers of the node and its ancestors; a class or attribute that regions name,
  // changed, loses everything (a region may have appeared or gone around many nodes).
  let inRegion = new WeakMap<Element, boolean>();
  let holds = new WeakMap<Node, boolean>();
  const forget = () => {
    inRegion = new WeakMap();
    holds = new WeakMap();
  };
  const forgetSubtree = (node: Node) => {
    if (node.nodeType !== ELEMENT) return;
    const el = node as Element;
    inRegion.delete(el);
    holds.delete(el);
    if (el.firstElementChild) {
      for (const d of el.querySelectorAll('*')) {
        inRegion.delete(d);
        holds.delete(d);
      }
    }
  };
  const forgetHolders = (start: Node) => {
    for (let n: Node | null = start; n; n = n.parentNode ?? (n as Partial<ShadowRoot>).host ?? null) holds.delete(n);
  };
  /** After a callback found a change: what its records may have made wrong, all of them (the search stopped at the first). */
  const upkeep = (records: readonly MutationRecord[]) => {
    for (const r of records) {
      if (r.type === 'childList') {
        for (const n of r.addedNodes) forgetSubtree(n);
        forgetHolders(r.target);
      } else if (r.type === 'attributes' && r.target.nodeType === ELEMENT && namedAttributeChange(r, r.target as Element)) {
        forget();
        return;
      }
    }
  };

  const holdsAnchor = (node: Node): boolean => {
    if (node.nodeType !== ELEMENT) return false;
    const known = holds.get(node);
    if (known !== undefined) return known;
    const el = node as Element;
    let found = isAnchor(el);
    // A leaf (a row's text, a spinner) holds nothing: skip the subtree query.
    if (!found && el.firstElementChild) {
      found = el.querySelector(regions) !== null;
      for (const tag of tags) found ||= el.getElementsByTagName(tag).length > 0;
    }
    holds.set(node, found);
    return found;
  };

  const within = (start: Element | null): boolean => {
    const climbed: Element[] = [];
    let el = start;
    let found = false;
    while (el) {
      const known = inRegion.get(el);
      if (known !== undefined) {
        found = known;
        break;
      }
      climbed.push(el);
      if (isAnchor(el)) {
        found = true;
        break;
      }
      const parent: Element | null = el.parentElement;
      if (parent) el = parent;
      else {
        // Out of a shadow root to its host: the messenger lives in one on LinkedIn.
        const root = el.getRootNode() as Node & { host?: Element };
        el = root.nodeType === DOCUMENT_FRAGMENT && root.host ? root.host : null;
      }
    }
    for (const c of climbed) inRegion.set(c, found);
    return found;
  };

  /**
   * A text or an attribute written back with the value it had (frameworks re-render so): the
   * record's old value is what the node holds now. Only a record that says so is skipped:
   * the first record of a node in a batch holds its value before the batch, so a node whose
   * value differs at the end always has one record that does not say so, and counts.
   */
  const unchanged = (r: MutationRecord): boolean => {
    if (r.type === 'characterData') return r.oldValue !== null && r.oldValue === (r.target as CharacterData).data;
    return r.type === 'attributes' && !!r.attributeName && r.attributeNamespace === null && r.oldValue === (r.target as Element).getAttribute(r.attributeName);
  };
  /** Whether a record may change the reading, Pacer's own nodes aside. */
  const mayChange = (r: MutationRecord): boolean => {
    const target = r.target.nodeType === ELEMENT ? (r.target as Element) : r.target.parentElement;
    if (!target) return false;
    if (r.type === 'attributes') {
      // A class counts only when a region names it or the reader reads it, wherever it changes.
      if (r.attributeName === 'class') return namedAttributeChange(r, target);
      if (unchanged(r)) return false;
      return namedAttributeChange(r, target) || within(target);
    }
    if (r.type === 'characterData') return !unchanged(r) && within(target);
    // childList: inside a region, or a region arriving or leaving.
    for (const n of r.addedNodes) forgetSubtree(n);
    if (within(target)) return true;
    for (const n of r.addedNodes) if (holdsAnchor(n)) return true;
    for (const n of r.removedNodes) if (holdsAnchor(n)) return true;
    return false;
  };
  /** Pacer's own UI (the stage timer placed beside the Path): its changes are not the page's. Asked only of records that matter, as it climbs the tree. */
  const isOwn = (r: MutationRecord): boolean => {
    if (!isOwnNode) return false;
    if (isOwnNode(r.target)) return true;
    if (r.type !== 'childList') return false;
    const nodes = [...r.addedNodes, ...r.removedNodes];
    return nodes.length > 0 && nodes.every(isOwnNode);
  };

  const touches = (records: readonly MutationRecord[]) => records.some(r => mayChange(r) && !isOwn(r));
  return records => {
    try {
      const changed = touches(records);
      if (changed) upkeep(records);
      return changed;
    } catch {
      forget();
      // A selector this engine cannot parse, a node in an odd state: re-read rather than miss a change.
      return true;
    }
  };
}
