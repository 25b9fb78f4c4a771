import { useMemo, useState } from 'preact/hooks';
import type { Rule, RuleInput } from '../../rules/engine/schema.ts';
import { CATEGORY_INFO, FINDING_CATEGORIES, PRODUCT_CATEGORIES, SEVERITIES, type Severity } from '../../rules/engine/taxonomy.ts';
import type { Locale } from '../i18n.ts';
import { LiveTestBox } from './LiveTestBox.tsx';
import { tp } from './messages.ts';
import { exampleFailures, type PackContext } from './rule-lab.ts';
import { formFromRule, formIssues, ruleFromForm, type RuleForm } from './rule-form.ts';
import type { OverridePatch, OverrideView } from './types.ts';

export interface RuleEditorProps {
  locale: Locale;
  pack: PackContext;
  /** undefined: a new rule. */
  rule?: Rule;
  /** 'full' for custom packs; 'override' for built-in and subscribed rules. */
  mode: 'full' | 'override';
  override?: OverrideView;
  /** Ids already used in the pack (a new rule must not take one). */
  takenIds: string[];
  onSave(rule: RuleInput): void;
  onSaveOverride(patch: OverridePatch): void;
  /** Custom rules only: removes the rule from its pack. */
  onDelete?: () => void;
  onCancel(): void;
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

function Field({ label, children }: { label: string; children: preact.ComponentChildren }) {
  return (
    <label class="ll-field">
      <span>{label}</span>
      {children}
    </label>
  );
}

function Area({ label, value, onInput, rows = 3 }: { label: string; value: string; onInput(v: string): void; rows?: number }) {
  return (
    <Field label={label}>
      <textarea rows={rows} value={value} onInput={(e) => onInput((e.currentTarget as HTMLTextAreaElement).value)} />
    </Field>
  );
}

export function RuleEditor(props: RuleEditorProps) {
  return props.mode === 'full' ? <FullEditor {...props} /> : <OverrideEditor {...props} />;
}

function FullEditor({ locale, pack, rule, takenIds, onSave, onDelete, onCancel }: RuleEditorProps) {
  const [form, setForm] = useState<RuleForm>(() => formFromRule(rule, pack.id, takenIds.length + 1));
  const set = <K extends keyof RuleForm>(key: K) => (value: RuleForm[K]) => setForm({ ...form, [key]: value });
  const draft = useMemo(() => ruleFromForm(form, rule), [form, rule]);
  // Schema first (cheap), then the examples through the real engine: both run on every edit.
  const issues = useMemo(() => {
    const list = formIssues(draft);
    if (!draft.id?.startsWith(`${pack.id}/`)) list.push(`id: ${tp(locale, 'pack.newId')} — “${pack.id}/…”`);
    if (!rule && takenIds.includes(draft.id ?? '')) list.push(`id: “${draft.id}” ✗`);
    return list;
  }, [draft, pack.id, rule, takenIds, locale]);
  const failures = useMemo(() => (issues.length ? [] : exampleFailures(pack, draft)), [issues, pack, draft]);
  const canSave = issues.length === 0 && failures.length === 0;
  return (
    <form
      class="ll-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSave) onSave(draft);
      }}
    >
      <h2>{rule ? tp(locale, 'editor.title') : tp(locale, 'rule.new')}</h2>
      <Field label="ID">
        <input value={form.id} readOnly={!!rule} onInput={(e) => set('id')((e.currentTarget as HTMLInputElement).value)} />
      </Field>
      <Field label={tp(locale, 'editor.type')}>
        <select value={form.type} onChange={(e) => set('type')((e.currentTarget as HTMLSelectElement).value as RuleForm['type'])}>
          <option value="term">term</option>
          <option value="pattern">pattern</option>
          <option value="proximity">proximity</option>
        </select>
      </Field>
      {form.type === 'term' && <Area label={tp(locale, 'editor.terms')} value={form.terms} onInput={set('terms')} />}
      {form.type === 'pattern' && <Area label={tp(locale, 'editor.patterns')} value={form.patterns} onInput={set('patterns')} />}
      {form.type === 'proximity' && (
        <>
          <Area label={tp(locale, 'editor.a')} value={form.a} onInput={set('a')} />
          <Area label={tp(locale, 'editor.b')} value={form.b} onInput={set('b')} />
          <Field label={tp(locale, 'editor.within')}>
            <input type="number" min={0} max={40} value={form.within} onInput={(e) => set('within')((e.currentTarget as HTMLInputElement).value)} />
          </Field>
        </>
      )}
      <Area label={tp(locale, 'editor.exceptions')} value={form.exceptions} onInput={set('exceptions')} rows={2} />
      <Field label={tp(locale, 'editor.category')}>
        <select value={form.category} onChange={(e) => set('category')((e.currentTarget as HTMLSelectElement).value as RuleForm['category'])}>
          {FINDING_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_INFO[c][locale]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={tp(locale, 'editor.severity')}>
        <select value={form.severity} onChange={(e) => set('severity')((e.currentTarget as HTMLSelectElement).value as RuleForm['severity'])}>
          <option value="">{tp(locale, 'editor.severityDefault')}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </Field>
      <Field label={tp(locale, 'editor.messageZh')}>
        <input value={form.messageZh} onInput={(e) => set('messageZh')((e.currentTarget as HTMLInputElement).value)} />
      </Field>
      <Field label={tp(locale, 'editor.messageEn')}>
        <input value={form.messageEn} onInput={(e) => set('messageEn')((e.currentTarget as HTMLInputElement).value)} />
      </Field>
      <Area label={tp(locale, 'editor.suggestions')} value={form.suggestions} onInput={set('suggestions')} rows={2} />
      <Field label={tp(locale, 'editor.basis')}>
        <input value={form.basis} onInput={(e) => set('basis')((e.currentTarget as HTMLInputElement).value)} />
      </Field>
      <fieldset class="ll-products">
        <legend>{tp(locale, 'editor.products')}</legend>
        {PRODUCT_CATEGORIES.map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              checked={form.products.includes(c)}
              onChange={(e) =>
                set('products')((e.currentTarget as HTMLInputElement).checked ? [...form.products, c] : form.products.filter((x) => x !== c))
              }
            />
            {c}
          </label>
        ))}
      </fieldset>
      <Area label={tp(locale, 'editor.flag')} value={form.flag} onInput={set('flag')} />
      <Area label={tp(locale, 'editor.pass')} value={form.pass} onInput={set('pass')} />
      <LiveTestBox locale={locale} pack={pack} rule={issues.length ? (rule ?? draft) : draft} />
      <div class="ll-verdict" role="status" aria-live="polite">
        {issues.length > 0 && (
          <div class="ll-error" data-testid="rule-issues">
            {tp(locale, 'editor.invalid')}
            <ul>{issues.map((i) => <li key={i}>{i}</li>)}</ul>
          </div>
        )}
        {failures.length > 0 && (
          <div class="ll-error" data-testid="rule-failures">
            {tp(locale, 'editor.examplesFail')}
            <ul>{failures.map((f) => <li key={f}>{f}</li>)}</ul>
          </div>
        )}
        {canSave && <span class="ll-ok">✓ {tp(locale, 'editor.examplesOk')}</span>}
      </div>
      <div class="ll-buttons">
        <button type="submit" disabled={!canSave}>
          {tp(locale, 'editor.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {tp(locale, 'editor.cancel')}
        </button>
        {rule && onDelete && (
          <button type="button" class="ll-danger" onClick={onDelete}>
            {tp(locale, 'rule.delete')}
          </button>
        )}
      </div>
    </form>
  );
}

function OverrideEditor({ locale, pack, rule, override, onSaveOverride, onCancel }: RuleEditorProps) {
  const [enabled, setEnabled] = useState(override?.enabled !== false);
  const [severity, setSeverity] = useState<Severity | ''>(override?.severity ?? '');
  const [extra, setExtra] = useState((override?.extraTerms ?? []).join('\n'));
  const [allow, setAllow] = useState((override?.allow ?? []).join('\n'));
  const patch: OverridePatch = {
    enabled: enabled ? undefined : false,
    severity: severity || undefined,
    extraTerms: lines(extra).length ? lines(extra) : undefined,
    allow: lines(allow).length ? lines(allow) : undefined,
  };
  const live = useMemo(() => ({ ...patch }), [enabled, severity, extra, allow]);
  if (!rule) return null;
  const literals = rule.type === 'term' ? rule.terms : rule.type === 'pattern' ? rule.patterns : rule.type === 'proximity' ? [...rule.a, '/', ...rule.b] : rule.parts.flatMap((p, i) => (i ? ['/', ...p] : p));
  return (
    <form
      class="ll-editor"
      onSubmit={(e) => {
        e.preventDefault();
        onSaveOverride(patch);
      }}
    >
      <h2>{tp(locale, 'editor.title')}</h2>
      <p class="ll-muted">{tp(locale, 'editor.readonlyNote')}</p>
      <dl class="ll-rule-facts">
        <dt>ID</dt>
        <dd>{rule.id}</dd>
        <dt>{tp(locale, 'editor.messageZh')}</dt>
        <dd>{rule.message[locale]}</dd>
        <dt>{tp(locale, 'editor.category')}</dt>
        <dd>{CATEGORY_INFO[rule.category][locale]}</dd>
        <dt>{tp(locale, 'editor.basis')}</dt>
        <dd>{rule.basis}</dd>
        <dt>{rule.type}</dt>
        <dd>{literals.join('、')}</dd>
        {rule.exceptions.length > 0 && (
          <>
            <dt>{tp(locale, 'editor.exceptions')}</dt>
            <dd>{rule.exceptions.join('、')}</dd>
          </>
        )}
        {rule.suggestions.length > 0 && (
          <>
            <dt>{tp(locale, 'editor.suggestions')}</dt>
            <dd>{rule.suggestions.join('、')}</dd>
          </>
        )}
      </dl>
      <label class="ll-field ll-inline">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled((e.currentTarget as HTMLInputElement).checked)} />
        <span>{tp(locale, 'enabled')}</span>
      </label>
      <Field label={tp(locale, 'editor.severity')}>
        <select value={severity} onChange={(e) => setSeverity((e.currentTarget as HTMLSelectElement).value as Severity | '')}>
          <option value="">{tp(locale, 'editor.severityDefault')}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </Field>
      {rule.type !== 'pattern' && <Area label={tp(locale, 'editor.extraTerms')} value={extra} onInput={setExtra} rows={2} />}
      <Area label={tp(locale, 'editor.allow')} value={allow} onInput={setAllow} rows={2} />
      <LiveTestBox locale={locale} pack={pack} rule={rule} override={live} />
      <div class="ll-buttons">
        <button type="submit">{tp(locale, 'editor.save')}</button>
        <button type="button" onClick={onCancel}>
          {tp(locale, 'editor.cancel')}
        </button>
      </div>
    </form>
  );
}
