import { useEffect, useRef } from 'preact/hooks';
import type { Severity } from '../../rules/engine/taxonomy.ts';

// A plain <textarea> over a mirror that paints the highlights. The textarea keeps native typing,
// IME composition, undo and the caret; the mirror (aria-hidden) draws the same text with <mark>s
// under the transparent textarea, so re-highlighting never touches the caret.

export interface EditorSpan {
  start: number;
  end: number;
  severity: Severity;
}

export interface ScriptEditorProps {
  value: string;
  spans: readonly EditorSpan[];
  label: string;
  placeholder: string;
  onInput(text: string): void;
  /** Select this range in the textarea (bump `nonce` to select the same range again). */
  select?: { start: number; end: number; nonce: number };
}

const RANK = { info: 0, warning: 1, error: 2 } as const;

/** Overlapping spans merge into one mark with the highest severity (还能治疗 + 治疗湿疹 = 还能治疗湿疹). */
export function mergeSpans(spans: readonly EditorSpan[], length: number): EditorSpan[] {
  const out: EditorSpan[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (s.start < 0 || s.end > length || s.end <= s.start) continue;
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      if (RANK[s.severity] > RANK[last.severity]) last.severity = s.severity;
    } else out.push({ start: s.start, end: s.end, severity: s.severity });
  }
  return out;
}

function mirror(text: string, spans: readonly EditorSpan[]) {
  const out: (string | preact.JSX.Element)[] = [];
  let at = 0;
  for (const s of mergeSpans(spans, text.length)) {
    out.push(text.slice(at, s.start));
    out.push(
      <mark key={s.start} class={`ll-rh-hl ll-rh-hl-${s.severity}`}>
        {text.slice(s.start, s.end)}
      </mark>,
    );
    at = s.end;
  }
  // A trailing newline needs a character after it, or the mirror is one line shorter than the textarea.
  out.push(text.slice(at) + '\u200b');
  return out;
}

export function ScriptEditor({ value, spans, label, placeholder, onInput, select }: ScriptEditorProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  const back = useRef<HTMLDivElement>(null);
  const sync = () => {
    if (area.current && back.current) back.current.scrollTop = area.current.scrollTop;
  };
  useEffect(() => {
    const el = area.current;
    if (!el || !select) return;
    el.focus();
    el.setSelectionRange(select.start, select.end);
    sync();
  }, [select?.nonce]);
  useEffect(sync, [value, spans]);
  return (
    <div class="ll-rh-editor">
      <div class="ll-rh-mirror" ref={back} aria-hidden="true">
        {mirror(value, spans)}
      </div>
      <textarea
        ref={area}
        class="ll-rh-input"
        aria-label={label}
        placeholder={placeholder}
        spellcheck={false}
        value={value}
        onInput={(e) => onInput((e.currentTarget as HTMLTextAreaElement).value)}
        onScroll={sync}
      />
    </div>
  );
}
