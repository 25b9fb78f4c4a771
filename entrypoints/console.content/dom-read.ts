import type { Selectors } from './sites/types.ts';

// Read-only DOM helpers shared by every adapter and the picker. Nothing here writes to the page.

/** Steps into open shadow roots: `wujie-app >>> .comment-list` (the syntax picks are stored in). */
export const SHADOW_STEP = ' >>> ';

function safeQuery(root: ParentNode, selector: string): Element | null {
  try {
    if (!selector.includes(SHADOW_STEP)) return root.querySelector(selector);
    let scope: ParentNode | null = root;
    let el: Element | null = null;
    for (const step of selector.split(SHADOW_STEP)) {
      if (!scope) return null;
      el = scope.querySelector(step);
      scope = el?.shadowRoot ?? null;
    }
    return el;
  } catch {
    return null; // a selector from a stored pick may be invalid on a newer page: skip it, don't throw
  }
}

function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** Open shadow roots under `root` (consoles built as web components, 视频号's wujie micro-frontend). */
export function openShadowRoots(root: ParentNode): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const stack: ParentNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    for (const el of safeQueryAll(node, '*')) {
      if (el.shadowRoot) {
        found.push(el.shadowRoot);
        stack.push(el.shadowRoot);
      }
    }
  }
  return found;
}

/**
 * First element matching the first selector that matches anything; searches open shadow roots
 * only when the light DOM has no match (a full walk is too costly to do first on big pages).
 */
export function queryFirst(root: ParentNode, selectors: Selectors, deep = true): Element | null {
  for (const s of selectors) {
    const el = safeQuery(root, s);
    if (el) return el;
  }
  if (!deep) return null;
  const shadows = openShadowRoots(root);
  if (!shadows.length) return null;
  for (const s of selectors) {
    for (const sr of shadows) {
      const el = safeQuery(sr, s);
      if (el) return el;
    }
  }
  return null;
}

/** Rows for the first selector that finds any: `root` itself when it is a row, else its descendants. */
export function readRows(root: ParentNode, selectors: Selectors): Element[] {
  for (const s of selectors) {
    if ((root as Element).matches) {
      try {
        if ((root as Element).matches(s)) return [root as Element];
      } catch {
        continue;
      }
    }
    const rows = safeQueryAll(root, s);
    if (rows.length) return rows;
  }
  return [];
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg']);

/**
 * Visible-ish text of an element with whitespace collapsed; emoji drawn as <img alt="[爱心]">
 * keep their alt text, because viewers write questions with them and the alt is what they mean.
 */
export function textOf(el: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
      else if (c.nodeType === 1) {
        const e = c as Element;
        if (SKIP.has(e.tagName)) continue;
        if (e.tagName === 'IMG') parts.push(e.getAttribute('alt') ?? '');
        else walk(e);
      }
    }
  };
  walk(el);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

const BLOCK_TAGS = new Set(['DIV', 'P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TR']);

/** Text of an editor: value for textarea/input, line-aware text for contenteditable. */
export function editableText(el: Element): string {
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'INPUT') return (el as HTMLTextAreaElement).value ?? '';
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
      else if (c.nodeType === 1) {
        const e = c as Element;
        if (SKIP.has(e.tagName)) continue;
        if (e.tagName === 'BR') {
          parts.push('\n');
          continue;
        }
        const block = BLOCK_TAGS.has(e.tagName);
        if (block && parts.length && !parts[parts.length - 1].endsWith('\n')) parts.push('\n');
        if (e.tagName === 'IMG') parts.push(e.getAttribute('alt') ?? '');
        else walk(e);
        if (block) parts.push('\n');
      }
    }
  };
  walk(el);
  return parts.join('').replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '');
}

/** True for elements a host can type a script into. */
export function isEditable(el: Element | null): boolean {
  if (!el) return false;
  if (el.tagName === 'TEXTAREA') return true;
  if (el.tagName === 'INPUT') {
    const t = ((el as HTMLInputElement).type || 'text').toLowerCase();
    return t === 'text' || t === 'search' || t === '';
  }
  return (el as HTMLElement).isContentEditable === true || el.getAttribute('contenteditable') === 'true' || el.getAttribute('contenteditable') === '';
}
