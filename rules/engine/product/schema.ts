import { z } from 'zod';
import { productCategorySchema } from '../schema.ts';

// A product record: what the shop manager knows to be true about the item on sale. Every product
// check compares what the host says against this record, so each field is validated with a path
// and a reason (a CSV row or JSON field the manager can find and fix).

const text = (max = 500) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const phrases = z.array(text(200)).max(200).default([]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');
/** Numbers arrive as strings from CSV and forms: 599, "599", "¥599" and "599元" all mean 599. */
const amount = z.preprocess(
  (v) => (typeof v === 'string' ? Number(v.replace(/[¥￥元,\s]/g, '')) : v),
  z.number({ error: 'must be a number' }).positive('must be more than 0').max(10_000_000),
);

export const factSchema = z.object({
  /** 面料 / 成分, 净含量 / 重量 / 容量, 产地, 保质期, 尺码, 颜色, 配料, 证书... (free text, aliases recognised) */
  attribute: text(60),
  value: z.union([z.string(), z.number()]).transform((v) => String(v).trim()).pipe(text(1000)),
  unit: z.string().trim().max(20).optional(),
});
export type Fact = z.output<typeof factSchema>;

const DEVICE_CLASS: Record<string, 'I' | 'II' | 'III'> = {
  i: 'I', '1': 'I', 一: 'I', 一类: 'I', 第一类: 'I', ⅰ: 'I',
  ii: 'II', '2': 'II', 二: 'II', 二类: 'II', 第二类: 'II', ⅱ: 'II',
  iii: 'III', '3': 'III', 三: 'III', 三类: 'III', 第三类: 'III', ⅲ: 'III',
};

/** A list cell written as one string (防晒、美白 / 血糖检测;家用). */
const listOf = (v: unknown): unknown => (typeof v === 'string' ? v.split(/[、,，;；|/]+/).map((x) => x.trim()).filter(Boolean) : v);

/**
 * Managers writing JSON by hand list certificates as an array of {type, number, ...}; read that
 * shape too. A type that is none of the three (备案, 配方注册, SC) carries no efficacy claim here.
 */
function registrationList(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  const out: Record<string, unknown> = {};
  for (const item of v) {
    if (!item || typeof item !== 'object') return v; // let the object schema report it
    const r = item as Record<string, unknown>;
    const type = String(r.type ?? r.kind ?? r.类型 ?? '');
    const words = r.efficacies ?? r.functions ?? r.claims ?? r.scope ?? r.功效 ?? r.功能 ?? r.范围;
    if (/特殊化妆品|国妆特|special.?cosmetic/i.test(type)) out.specialCosmetic = { number: r.number, efficacies: listOf(words) };
    else if (/保健食品|蓝帽|health.?food/i.test(type)) out.healthFood = { number: r.number, functions: listOf(words) };
    else if (/医疗器械|械|medical.?device/i.test(type)) out.medicalDevice = { number: r.number, class: r.class, scope: listOf(r.scope ?? words ?? []) };
  }
  return out;
}

export const registrationsSchema = z
  .preprocess(registrationList, z.object({
    /** 特殊化妆品注册证 (国妆特字) and the efficacies it registers (美白, 祛斑, 防晒, 防脱...). */
    specialCosmetic: z.object({ number: text(100), efficacies: z.array(text(60)).min(1, 'list at least one registered efficacy') }).optional(),
    /** 保健食品批准文号 (国食健注/食健备) and its registered functions (增强免疫力...). */
    healthFood: z.object({ number: text(100), functions: z.array(text(60)).min(1, 'list at least one registered function') }).optional(),
    medicalDevice: z
      .object({
        number: text(100),
        class: z.preprocess(
          (v) => (typeof v === 'string' || typeof v === 'number' ? DEVICE_CLASS[String(v).trim().toLowerCase()] ?? v : v),
          z.enum(['I', 'II', 'III'], { error: 'I, II or III (一类/二类/三类)' }),
        ),
        scope: z.preprocess(listOf, z.array(text(200))).default([]),
      })
      .optional(),
  }))
  .default({});

// A bare string is shorthand for { text } (hand-written JSON); one object shape keeps error paths plain.
const shorthand = (v: unknown) => (typeof v === 'string' ? { text: v } : v);
const forbiddenSchema = z.preprocess(shorthand, z.object({ text: text(200), reason: z.string().trim().max(300).optional() }));

export const sellingPointSchema = z.preprocess(
  shorthand,
  z.object({
    text: text(200),
    /** 1 = must be said (shows on the checklist), 5 = nice to have. */
    priority: z.coerce.number({ error: 'a number 1 (must say) to 5' }).int().min(1, '1 (must say) to 5').max(5, '1 (must say) to 5').default(3),
    /** Words that count as having said it; the text itself always counts. */
    says: phrases,
  }),
);
export type SellingPoint = z.output<typeof sellingPointSchema>;

export const DISCLOSURE_KINDS = ['health-food', 'medical-device', 'presale', 'gift', 'other'] as const;
export const disclosureSchema = z.object({
  text: text(300),
  kind: z.enum(DISCLOSURE_KINDS).default('other'),
  says: phrases,
});
export type Disclosure = z.output<typeof disclosureSchema>;

export const faqSchema = z.object({
  /** Question patterns: words separated by spaces must all appear; a/b means either. */
  questions: z.array(text(200)).min(1, 'needs at least one question pattern').max(50),
  answer: text(1000),
});
export type FaqEntry = z.output<typeof faqSchema>;

export const priceSchema = z
  .object({
    /** 直播间到手价 (one unit). */
    live: amount.optional(),
    /** 划线价 / 原价 and the dates it was really charged (明码标价和禁止价格欺诈规定 第16条, 第17条). */
    reference: z
      .object({ amount, from: isoDate, to: isoDate })
      .refine((r) => r.from <= r.to, { message: '"from" must not be after "to"', path: ['to'] })
      .optional(),
  })
  .default({});

export const productSchema = z.object({
  id: z.string().trim().max(100).optional(),
  name: text(200),
  aliases: phrases,
  category: productCategorySchema,
  price: priceSchema,
  facts: z.array(factSchema).max(500).default([]),
  registrations: registrationsSchema,
  approvedClaims: phrases,
  forbiddenClaims: z.array(forbiddenSchema).max(500).default([]),
  sellingPoints: z.array(sellingPointSchema).max(200).default([]),
  disclosures: z.array(disclosureSchema).max(100).default([]),
  faq: z.array(faqSchema).max(500).default([]),
});
export type ProductInput = z.input<typeof productSchema>;
export type Product = z.output<typeof productSchema>;
