import { useMemo, useState } from 'preact/hooks';
import type { RuleInput } from '../../rules/engine/schema.ts';
import { PRODUCT_CATEGORIES, type ProductCategory } from '../../rules/engine/taxonomy.ts';
import type { Locale } from '../i18n.ts';
import { tp } from './messages.ts';
import { testRule, type PackContext } from './rule-lab.ts';
import type { OverrideView } from './types.ts';

export interface LiveTestBoxProps {
  locale: Locale;
  pack: PackContext;
  rule: RuleInput;
  override?: OverrideView;
}

/** Type a sentence, see at once whether and where the rule flags it, and why not when it does not. */
export function LiveTestBox({ locale, pack, rule, override }: LiveTestBoxProps) {
  const [text, setText] = useState('');
  const [product, setProduct] = useState<ProductCategory | ''>('');
  const result = useMemo(() => testRule(pack, rule, text, product || undefined, override), [pack, rule, text, product, override]);
  const spans = [...result.findings].sort((a, b) => a.start - b.start);
  const pieces: preact.ComponentChildren[] = [];
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue;
    pieces.push(text.slice(at, f.start));
    pieces.push(
      <mark class="ll-mark" key={f.start} title={f.message}>
        {text.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  pieces.push(text.slice(at));
  return (
    <fieldset class="ll-lab">
      <legend>{tp(locale, 'lab.title')}</legend>
      <textarea
        rows={2}
        placeholder={tp(locale, 'lab.placeholder')}
        aria-label={tp(locale, 'lab.title')}
        value={text}
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <label>
        {tp(locale, 'lab.product')}{' '}
        <select value={product} onChange={(e) => setProduct((e.currentTarget as HTMLSelectElement).value as ProductCategory | '')}>
          <option value="">{tp(locale, 'lab.anyProduct')}</option>
          {PRODUCT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <output class="ll-lab-result" aria-live="polite" data-hits={result.findings.length}>
        {result.error && <span class="ll-error">{result.error}</span>}
        {!result.error && result.findings.length > 0 && (
          <>
            <strong>{tp(locale, 'lab.hit', { n: result.findings.length })}</strong>
            <span class="ll-sentence">{pieces}</span>
          </>
        )}
        {!result.error && result.why && <span>{tp(locale, 'lab.none', { why: tp(locale, `lab.${result.why}`) })}</span>}
      </output>
    </fieldset>
  );
}
