import { z } from 'zod';
import { FINDING_CATEGORIES, PRODUCT_CATEGORIES, SEVERITIES, TEXT_SOURCES } from './taxonomy.ts';

// Rules are data of a few types (term, pattern, proximity). Every field a pack author writes is
// validated here, so a malformed imported pack is refused with a path and a reason instead of
// reaching the checker.

export const severitySchema = z.enum(SEVERITIES);
export const findingCategorySchema = z.enum(FINDING_CATEGORIES);
export const productCategorySchema = z.enum(PRODUCT_CATEGORIES);
export const textSourceSchema = z.enum(TEXT_SOURCES);

const phrase = z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters');

export const localizedSchema = z.object({
  zh: z.string().trim().min(1).max(500),
  en: z.string().trim().min(1).max(500),
});

/**
 * An example is a text the rule must flag (with the exact span marked as [[...]]) or must pass.
 * `product` and `source` set the context the example is checked in.
 */
export const exampleSchema = z.union([
  z.string().min(1),
  z.object({
    text: z.string().min(1),
    product: productCategorySchema.optional(),
    source: textSourceSchema.optional(),
  }),
]);
export type Example = z.infer<typeof exampleSchema>;

const ruleCommon = {
  /** `<pack>/<file>`; filled from the file path when a pack is built from a folder. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/, 'lower-case letters, digits, dashes, slashes')
    .optional(),
  category: findingCategorySchema,
  /** Defaults to the category's severity in taxonomy.json. */
  severity: severitySchema.optional(),
  /** Severity per product category, e.g. superlatives are errors for health food and education. */
  severityFor: z.partialRecord(productCategorySchema, severitySchema).optional(),
  message: localizedSchema,
  /** The law and article (or platform rule) the rule enforces, shown to the user. */
  basis: z.string().trim().min(1).max(300),
  /** Compliant rewrites a host can say instead. */
  suggestions: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  /** Product categories the rule applies to (all when absent) and ones it never applies to. */
  products: productCategorySchema.array().min(1).optional(),
  exceptProducts: productCategorySchema.array().optional(),
  /** Text sources the rule reads; host speech (script, captions) when absent, chat only by opting in. */
  sources: textSourceSchema.array().min(1).optional(),
  /** A negation just before the hit (不是, 没有, 不能...) makes it lawful: 这不是全网最低价. */
  negatable: z.boolean().default(true),
  /** Phrases that contain a hit and make it lawful (最近, 第一次, 最佳赏味期). */
  exceptions: z.array(phrase).max(500).default([]),
  /**
   * Phrases that, anywhere in the same sentence, make the rule's hits lawful: a named certificate
   * (国妆特字 for 美白), a full patent number, a cited source. Unlike exceptions they need not
   * contain the hit.
   */
  qualifiers: z.array(phrase).max(500).default([]),
  examples: z.object({
    flag: z.array(exampleSchema).min(1, 'needs at least one text the rule must flag'),
    pass: z.array(exampleSchema).min(1, 'needs at least one lawful look-alike the rule must pass'),
  }),
  note: z.string().max(2000).optional(),
  enabled: z.boolean().default(true),
};

export const termRuleSchema = z.object({
  type: z.literal('term'),
  ...ruleCommon,
  terms: z.array(phrase).min(1).max(100_000),
});

export const patternRuleSchema = z.object({
  type: z.literal('pattern'),
  ...ruleCommon,
  /** Restricted, linear-time pattern language (see rules/engine/matchers/pattern.ts). */
  patterns: z.array(z.string().min(1).max(300)).min(1).max(200),
});

export const proximityRuleSchema = z.object({
  type: z.literal('proximity'),
  ...ruleCommon,
  a: z.array(phrase).min(1).max(10_000),
  b: z.array(phrase).min(1).max(10_000),
  /** Largest number of normalised characters between the two phrases. */
  within: z.number().int().min(0).max(40),
  /** When true, A must come before B. */
  ordered: z.boolean().default(false),
});

export const ruleSchema = z.discriminatedUnion('type', [termRuleSchema, patternRuleSchema, proximityRuleSchema]);
export type RuleInput = z.input<typeof ruleSchema>;
export type Rule = z.output<typeof ruleSchema>;

/** Spelling variants a pack declares, folded to the canonical character before matching. */
export const variantsSchema = z.record(
  z.string().length(1, 'variant keys are single characters'),
  z.object({
    homophones: z.array(z.string().length(1)).default([]),
    pinyin: z.array(z.string().regex(/^[a-z]{1,6}$/, 'toneless lower-case pinyin')).default([]),
  }),
);

export const packSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  version: z.string().min(1).max(40).default('1'),
  name: localizedSchema,
  description: localizedSchema.optional(),
  variants: variantsSchema.default({}),
  /** Pack-wide lawful phrases: a hit inside one of them is never reported. */
  allow: z.array(phrase).max(10_000).default([]),
  rules: z.array(ruleSchema).max(100_000),
});
export type PackInput = z.input<typeof packSchema>;
export type Pack = z.output<typeof packSchema>;

/** A piece of text read from a page: a script paragraph, a caption line or a chat message. */
export const textBlockSchema = z.object({
  id: z.string().min(1).max(200),
  text: z.string().max(1_000_000),
  source: textSourceSchema.default('script'),
  author: z.string().max(200).optional(),
  at: z.number().optional(),
});
export type TextBlockInput = z.input<typeof textBlockSchema>;
export type TextBlock = z.output<typeof textBlockSchema>;

export interface Finding {
  rule: string;
  category: (typeof FINDING_CATEGORIES)[number];
  severity: (typeof SEVERITIES)[number];
  message: string;
  /** UTF-16 offsets into the ORIGINAL text of the block. */
  start: number;
  end: number;
  match: string;
  basis: string;
  suggestions: string[];
  block: string;
}

/** Formats the first zod issue as `path: reason`, the shape every error message in the product uses. */
export function describeIssue(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
