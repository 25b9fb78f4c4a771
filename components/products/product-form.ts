import { productSchema, type Product, type ProductInput } from '../../rules/engine/product/schema.ts';

// The editor works on plain strings (what inputs hold); this file turns a record into that form and
// back, and validates with the engine's own product schema so the panel and the CSV/JSON import
// accept exactly the same records. Registrations have no fields in the compact editor: they are
// carried over untouched so editing a price never drops a certificate.

export interface FactRow { attribute: string; value: string; unit: string }
export interface PointRow { text: string; priority: string; says: string }
export interface FaqRow { questions: string; answer: string }

export interface ProductForm {
  name: string;
  aliases: string;
  category: string;
  live: string;
  refAmount: string;
  refFrom: string;
  refTo: string;
  facts: FactRow[];
  approved: string;
  forbidden: string;
  points: PointRow[];
  disclosures: string;
  faq: FaqRow[];
}

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
/** Words and patterns inside one cell: | or ； as in the spreadsheet layout. */
const cells = (s: string) => s.split(/[|；]/).map((l) => l.trim()).filter(Boolean);

export function toForm(p: Product): ProductForm {
  return {
    name: p.name,
    aliases: p.aliases.join('\n'),
    category: p.category,
    live: p.price.live === undefined ? '' : String(p.price.live),
    refAmount: p.price.reference ? String(p.price.reference.amount) : '',
    refFrom: p.price.reference?.from ?? '',
    refTo: p.price.reference?.to ?? '',
    facts: p.facts.map((f) => ({ attribute: f.attribute, value: f.value, unit: f.unit ?? '' })),
    approved: p.approvedClaims.join('\n'),
    forbidden: p.forbiddenClaims.map((f) => f.text).join('\n'),
    points: p.sellingPoints.map((s) => ({ text: s.text, priority: String(s.priority), says: s.says.join(' | ') })),
    disclosures: p.disclosures.map((d) => d.text).join('\n'),
    faq: p.faq.map((f) => ({ questions: f.questions.join(' | '), answer: f.answer })),
  };
}

/** The form as schema input; `base` supplies what the editor does not show (id, registrations, reasons, kinds). */
export function fromForm(form: ProductForm, base: Product): ProductInput {
  const hasRef = [form.refAmount, form.refFrom, form.refTo].some((v) => v.trim() !== '');
  const forbiddenBefore = new Map(base.forbiddenClaims.map((f) => [f.text, f]));
  const disclosuresBefore = new Map(base.disclosures.map((d) => [d.text, d]));
  return {
    ...(base.id !== undefined ? { id: base.id } : {}),
    name: form.name,
    aliases: lines(form.aliases),
    category: form.category as Product['category'],
    price: {
      ...(form.live.trim() ? { live: form.live } : {}),
      ...(hasRef ? { reference: { amount: form.refAmount, from: form.refFrom.trim(), to: form.refTo.trim() } } : {}),
    },
    facts: form.facts.map((f) => ({ attribute: f.attribute, value: f.value, ...(f.unit.trim() ? { unit: f.unit } : {}) })),
    registrations: base.registrations,
    approvedClaims: lines(form.approved),
    forbiddenClaims: lines(form.forbidden).map((text) => forbiddenBefore.get(text) ?? { text }),
    sellingPoints: form.points.map((s) => ({ text: s.text, priority: s.priority.trim() || 3, says: cells(s.says) })),
    disclosures: lines(form.disclosures).map((text) => disclosuresBefore.get(text) ?? { text }),
    faq: form.faq.map((f) => ({ questions: cells(f.questions), answer: f.answer })),
  };
}

/** Schema issue paths mapped to the form field that shows them (list fields are one textarea). */
function fieldOf(path: PropertyKey[]): string {
  const [head, i, leaf] = path.map(String);
  if (head === 'price') return path.length > 2 ? `ref.${String(path[2])}` : path[1] === 'live' ? 'live' : 'ref.to';
  if (head === 'facts' || head === 'sellingPoints' || head === 'faq') return leaf ? `${head}.${i}.${leaf}` : `${head}.${i ?? ''}`;
  if (head === 'aliases' || head === 'approvedClaims' || head === 'forbiddenClaims' || head === 'disclosures') return head;
  return head ?? 'form';
}

export type FormResult = { ok: true; product: Product } | { ok: false; errors: Record<string, string> };

export function validateForm(form: ProductForm, base: Product): FormResult {
  const parsed = productSchema.safeParse(fromForm(form, base));
  if (parsed.success) return { ok: true, product: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[fieldOf(issue.path)] ??= issue.message;
  return { ok: false, errors };
}
