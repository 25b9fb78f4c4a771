import { isEditable, SHADOW_STEP, textOf } from './dom-read.ts';
import type { PickKind } from '../../rules/protocol/picks.ts';

// The element picker: hover highlights, click chooses, Esc cancels. The only thing it adds to the
// page is one overlay element whose closed shadow root holds the highlight box; it is removed when
// picking ends. The overlay ignores the pointer, and the click that chooses is swallowed so the
// page doesn't act on it.

const STABLE_ATTRS = ['data-e2e', 'data-testid', 'data-test-selector', 'data-a-target', 'data-livelint', 'name', 'aria-label', 'placeholder', 'role'];

/** Ids and classes minted by CSS modules / emotion (`NkS2Invn`, `css-1x2y3z`, `a_b_c3f9d`) change per build. */
export function looksHashed(token: string): boolean {
  if (/^(css|sc|jsx|emotion)-/.test(token)) return true;
  if (/[0-9]/.test(token) && /[a-z]/i.test(token) && !/^[a-z]+(-[a-z]+)*-?\d{1,2}$/i.test(token)) return true;
  return /^[A-Za-z0-9_-]{8}$/.test(token) && /[A-Z]/.test(token) && /[a-z]/.test(token);
}

function attrValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

function unique(scope: ParentNode, selector: string, el: Element): boolean {
  try {
    const found = scope.querySelectorAll(selector);
    return found.length === 1 && found[0] === el;
  } catch {
    return false;
  }
}

/** One step of a selector for `el`: stable id or attribute, else tag + stable classes + position. */
function step(el: Element): string {
  const tag = el.tagName.toLowerCase();
  if (el.id && !looksHashed(el.id) && /^[A-Za-z][\w-]*$/.test(el.id)) return `#${el.id}`;
  for (const a of STABLE_ATTRS) {
    const v = el.getAttribute(a);
    if (v && v.length <= 80) return `${tag}[${a}="${attrValue(v)}"]`;
  }
  const classes = Array.from(el.classList).filter((c) => !looksHashed(c) && /^[A-Za-z_][\w-]*$/.test(c)).slice(0, 2);
  let s = tag + classes.map((c) => `.${c}`).join('');
  const parent = el.parentElement;
  if (parent) {
    const same = Array.from(parent.children).filter((c) => c.tagName === el.tagName);
    if (same.length > 1) s += `:nth-of-type(${same.indexOf(el) + 1})`;
  }
  return s;
}

/** A selector unique within the element's own root (document or shadow root). */
function selectorInRoot(el: Element): string {
  const scope = el.getRootNode() as ParentNode;
  const parts: string[] = [];
  let cur: Element | null = el;
  while (cur) {
    parts.unshift(step(cur));
    const sel = parts.join(' > ');
    if (unique(scope, sel, el)) return sel;
    cur = cur.parentElement;
  }
  return parts.join(' > ');
}

/** Selector that finds `el` again after a reload, stepping into open shadow roots with ' >>> '. */
export function buildSelector(el: Element): string {
  const chain: string[] = [];
  let cur: Element | null = el;
  while (cur) {
    chain.unshift(selectorInRoot(cur));
    const root = cur.getRootNode();
    cur = root instanceof ShadowRoot || (root as ShadowRoot).host ? (root as ShadowRoot).host : null;
  }
  return chain.join(SHADOW_STEP);
}

/** The element the user means: the editor around the pointer for a script, the row list for chat. */
export function snapTarget(el: Element, kind: PickKind): Element {
  if (kind === 'script') {
    for (let cur: Element | null = el; cur; cur = cur.parentElement) {
      if (isEditable(cur) && (cur.tagName !== 'INPUT' || cur === el)) {
        // The root of a contenteditable region, not the paragraph inside it.
        let root = cur;
        while (root.parentElement && isEditable(root.parentElement) && root.tagName !== 'TEXTAREA') root = root.parentElement;
        return root;
      }
    }
    return el;
  }
  // Chat: the nearest ancestor whose children look like rows (3+ siblings sharing a tag and class).
  for (let cur: Element | null = el; cur && cur !== el.ownerDocument.body; cur = cur.parentElement) {
    const kids = Array.from(cur.children);
    if (kids.length < 3) continue;
    const sig = (k: Element) => `${k.tagName}.${k.classList[0] ?? ''}`;
    const counts = new Map<string, number>();
    for (const k of kids) counts.set(sig(k), (counts.get(sig(k)) ?? 0) + 1);
    if (Math.max(...counts.values()) >= Math.max(3, kids.length * 0.6)) return cur;
  }
  return el;
}

export interface PickerOptions {
  doc: Document;
  kind: PickKind;
  onPick: (el: Element, selector: string, label: string) => void;
  onCancel?: () => void;
}

const HINT = {
  script: { zh: '点击选择话术/脚本输入框 · Esc 取消', en: 'Click the script box · Esc to cancel' },
  chat: { zh: '点击选择评论区 · Esc 取消', en: 'Click the chat list · Esc to cancel' },
};

/** Starts picking; returns a function that ends it (also called on pick and on Esc). */
export function startPicker({ doc, kind, onPick, onCancel }: PickerOptions): () => void {
  const win = doc.defaultView!;
  const host = doc.createElement('livelint-picker');
  host.style.cssText = 'all:initial;position:fixed;inset:0;z-index:2147483647;pointer-events:none;';
  const shadow = host.attachShadow({ mode: 'closed' });
  const box = doc.createElement('div');
  box.style.cssText =
    'position:fixed;border:2px solid #e5484d;background:rgba(229,72,77,.12);border-radius:3px;pointer-events:none;display:none;box-sizing:border-box;';
  const hint = doc.createElement('div');
  const lang = (doc.documentElement.lang || win.navigator.language || 'zh').toLowerCase().startsWith('zh') ? 'zh' : 'en';
  hint.textContent = `LiveLint: ${HINT[kind][lang]}`;
  hint.style.cssText =
    'position:fixed;top:8px;left:50%;transform:translateX(-50%);background:#1c1c1f;color:#fff;font:13px/1.4 system-ui,sans-serif;padding:6px 12px;border-radius:6px;pointer-events:none;';
  shadow.append(box, hint);
  doc.documentElement.append(host);

  let current: Element | null = null;
  const targetOf = (e: Event) => {
    const t = e.composedPath()[0];
    return t instanceof win.Element && t !== host ? snapTarget(t, kind) : null;
  };
  const onMove = (e: MouseEvent) => {
    current = targetOf(e);
    if (!current) return;
    const r = current.getBoundingClientRect();
    Object.assign(box.style, { display: 'block', left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
  };
  const swallow = (e: Event) => {
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  const onClick = (e: MouseEvent) => {
    swallow(e);
    const el = targetOf(e) ?? current;
    end();
    if (!el) return onCancel?.();
    const label = `${el.tagName.toLowerCase()} ${(isEditable(el) ? (el as HTMLTextAreaElement).value ?? textOf(el) : textOf(el)).slice(0, 60)}`.trim();
    onPick(el, buildSelector(el), label);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    swallow(e);
    end();
    onCancel?.();
  };
  const opts = { capture: true } as const;
  win.addEventListener('mousemove', onMove, opts);
  win.addEventListener('click', onClick, opts);
  for (const t of ['mousedown', 'mouseup', 'pointerdown', 'pointerup']) win.addEventListener(t, swallow, opts);
  win.addEventListener('keydown', onKey, opts);

  let ended = false;
  function end() {
    if (ended) return;
    ended = true;
    win.removeEventListener('mousemove', onMove, opts);
    win.removeEventListener('click', onClick, opts);
    for (const t of ['mousedown', 'mouseup', 'pointerdown', 'pointerup']) win.removeEventListener(t, swallow, opts);
    win.removeEventListener('keydown', onKey, opts);
    host.remove();
  }
  return end;
}
