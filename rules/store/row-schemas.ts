import { z } from 'zod';
import { findingCategorySchema, packSchema, productCategorySchema, ruleSchema, severitySchema } from '../engine/schema.ts';

// The shape of every table's rows, checked before a restore writes anything. A row that fits the
// TypeScript type only by luck (an override severity the panel does not know, a product without a
// category) used to be written and break a view later; now the restore refuses and names the row.

const text = z.string().max(1_000_000);
const time = z.number().finite();
const id = z.number().int().nonnegative();
const phrases = z.array(z.string().max(400)).max(10_000);

const subscription = z
  .object({ url: z.string().url(), etag: z.string().optional(), lastModified: z.string().optional(), checkedAt: time.optional(), okAt: time.optional() })
  .passthrough();

export const ROW_SCHEMAS: Record<string, z.ZodType> = {
  packs: z
    .object({
      id: z.string().min(1),
      origin: z.enum(['builtin', 'custom', 'subscribed']),
      enabled: z.boolean(),
      meta: packSchema.omit({ rules: true }),
      ruleCount: z.number().int().nonnegative(),
      hash: z.string(),
      createdAt: time,
      updatedAt: time,
      subscription: subscription.optional(),
    })
    .passthrough(),
  rules: z.object({ id: z.string().min(1), packId: z.string().min(1), order: z.number().int(), category: findingCategorySchema, severity: severitySchema.optional(), rule: ruleSchema }).passthrough(),
  overrides: z
    .object({ ruleId: z.string().min(1), enabled: z.boolean().optional(), severity: severitySchema.optional(), extraTerms: phrases.optional(), allow: phrases.optional(), updatedAt: time })
    .passthrough(),
  products: z.object({ id: id.optional(), name: z.string().min(1).max(400), category: productCategorySchema, facts: z.record(z.string(), z.unknown()).optional(), updatedAt: time }).passthrough(),
  sessions: z.object({ id: id.optional(), startedAt: time, endedAt: time.optional(), site: z.string().optional(), url: z.string().optional(), productId: id.optional() }).passthrough(),
  findings: z.object({ id: id.optional(), sessionId: id, at: time, rule: z.string(), category: findingCategorySchema, severity: severitySchema, match: text }).passthrough(),
  drafts: z.object({ id: z.string().min(1), text, productId: id.optional(), updatedAt: time }).passthrough(),
  settings: z.object({ key: z.string().min(1), value: z.unknown() }).passthrough(),
  sitePicks: z.object({ origin: z.string().min(1), picks: z.record(z.string(), z.unknown()), updatedAt: time }).passthrough(),
};

const TABLE_ZH: Record<string, string> = {
  packs: '规则包',
  rules: '规则',
  overrides: '规则调整',
  products: '商品',
  sessions: '场次',
  findings: '提醒记录',
  drafts: '草稿',
  settings: '设置',
  sitePicks: '网站选区',
};

/** The first damaged row of a table, as a bilingual reason; undefined when every row fits. */
export function firstBadRow(table: string, rows: readonly unknown[]): { zh: string; en: string } | undefined {
  const schema = ROW_SCHEMAS[table];
  if (!schema) return undefined;
  for (let i = 0; i < rows.length; i++) {
    const r = schema.safeParse(rows[i]);
    if (!r.success) {
      const issue = r.error.issues[0];
      const where = issue?.path.join('.') || '';
      return {
        zh: `${TABLE_ZH[table] ?? table}第 ${i + 1} 行损坏${where ? `（${where}）` : ''}`,
        en: `${table} row ${i + 1} is damaged${where ? ` (${where}: ${issue.message})` : ''}`,
      };
    }
  }
  return undefined;
}
