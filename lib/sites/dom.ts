// Pure DOM helpers shared by the site readers. They run unchanged in happy-dom
// (tests) and Chromium (content scripts).
//
// Lightning renders components in shadow roots: synthetic ones look like light
// DOM to a content script's isolated world, native open ones do not, so every
// lookup here also descends into open shadow roots. Closed roots stay invisible
// to us by design.

/** Visits every element under `root` in tree order; a host's shadow tree comes before its light children. */
function walk(root: ParentNode, visit: (el: Element) => void): void {
  if (isElement(root) && root.shadowRoot) walk(root.shadowRoot, visit);
  for (const el of root.querySelectorAll('*')) {
    visit(el);
    if (el.shadowRoot) walk(el.shadowRoot, visit);
  }
}

function isElement(node: ParentNode): node is Element {
  return (node as Node).nodeType === 1;
}

/** A root's trees: itself and every open shadow root under it, and all their elements in tree order. */
interface DeepTree {
  scopes: ParentNode[];
  order: Element[];
  /** Each element's index in `order`, built when first needed. */
  position?: Map<Element, number>;
}

function deepTree(root: ParentNode): DeepTree {
  const cached = session?.get(root);
  if (cached) return cached;
  const scopes: ParentNode[] = [root];
  const order: Element[] = [];
  walk(root, el => {
    order.push(el);
    if (el.shadowRoot) scopes.push(el.shadowRoot);
  });
  if (isElement(root) && root.shadowRoot) scopes.push(root.shadowRoot);
  const tree = { scopes, order };
  session?.set(root, tree);
  return tree;
}

let session: WeakMap<ParentNode, DeepTree> | undefined;

/**
 * Runs `read` with each root's trees walked once. A reading asks dozens of deep queries of
 * one page, and walking the whole document for each was most of a read's time in Chromium
 * (issue #9, `npm run bench:page`). Only for code that leaves the DOM alone while it runs,
 * which readers always do: the page cannot change between two synchronous queries.
 */
export function withTreeCache<T>(read: () => T): T {
  if (session) return read();
  session = new WeakMap();
  try {
    return read();
  } finally {
    session = undefined;
  }
}

/**
 * `querySelectorAll` that also searches open shadow roots, in tree order. A
 * selector is matched within one tree at a time: a descendant combinator never
 * crosses a shadow boundary, so chain calls for that (find the host, then
 * search inside it).
 */
export function deepQueryAll(root: ParentNode, selector: string): Element[] {
  const tree = deepTree(root);
  // One tree: native order is tree order already.
  if (tree.scopes.length === 1) return [...root.querySelectorAll(selector)];
  // Native querySelectorAll per tree is far cheaper than `matches` on every
  // element of a Lightning page; only hits from several trees need ordering.
  const lists = tree.scopes.map(scope => scope.querySelectorAll(selector)).filter(list => list.length > 0);
  if (lists.length === 0) return [];
  if (lists.length === 1) return [...lists[0]!];
  // Sorted by position rather than filtering the whole tree: a query finds a few
  // elements of thousands (issue #9: the 2026 LinkedIn page has a shadow root).
  const position = positionsOf(tree);
  return [...new Set(lists.flatMap(list => [...list]))].sort((a, b) => position.get(a)! - position.get(b)!);
}

function positionsOf(tree: DeepTree): Map<Element, number> {
  if (!tree.position) tree.position = new Map(tree.order.map((el, i) => [el, i]));
  return tree.position;
}

/** First match of `deepQueryAll`, or null. */
export function deepQuery(root: ParentNode, selector: string): Element | null {
  return deepQueryAll(root, selector)[0] ?? null;
}

/**
 * Elements whose tag is `name`, open shadow roots included. Exists because
 * happy-dom 21 rejects type selectors containing `_`
 * (`runtime_sales_pathassistant-path-step`) that Chromium accepts.
 */
export function byLocalName(root: ParentNode, name: string): Element[] {
  const wanted = name.toLowerCase();
  return deepTree(root).order.filter(el => el.localName === wanted);
}

/** Trimmed, whitespace-collapsed textContent ('' for null). */
export function text(el: Node | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * `Element.closest` that climbs out of shadow roots: from a button inside a
 * component up to the dialog around the component. Null when no ancestor matches.
 */
export function closestDeep(el: Element | null | undefined, selector: string): Element | null {
  let node: Element | null = el ?? null;
  while (node) {
    const hit = node.closest(selector);
    if (hit) return hit;
    const root = node.getRootNode() as Node & { host?: Element };
    // A shadow root (nodeType 11 with a host); `instanceof ShadowRoot` would need a DOM global.
    node = root.nodeType === 11 && root.host ? root.host : null;
  }
  return null;
}

/**
 * What an element renders as text, open shadow roots included (a host's shadow
 * tree, then its light children), whitespace-collapsed. `text()` is enough for
 * synthetic shadow DOM; cells and fields that may sit in native shadow roots use this.
 */
export function deepText(el: Node | null | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    if (node.nodeType === 1) {
      const name = (node as Element).localName;
      if (name === 'script' || name === 'style' || name === 'template') return;
      const shadow = (node as Element).shadowRoot;
      if (shadow) for (const child of shadow.childNodes) visit(child);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(el);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
