import { z } from 'zod';
import { FINDING_CATEGORIES, PRODUCT_CATEGORIES, SEVERITIES, TEXT_SOURCES } from './taxonomy.ts';

// Rules are data of a few types (term, pattern, proximity, frame). Every field a pack author writes
// is validated here, so a malformed imported pack is refused with a path and a reason instead of
// reaching the checker. Phrase lists may name a vocabulary (`@disease`): a word class defined once,
// in rules/packs/vocabularies/ (built in) or in a pack's `vocabularies` (see vocabulary.ts).

export const severitySchema = z.enum(SEVERITIES);
export const findingCategorySchema = z.enum(FINDING_CATEGORIES);
export const productCategorySchema = z.enum(PRODUCT_CATEGORIES);
export const textSourceSchema = z.enum(TEXT_SOURCES);

const phrase = z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters');

/** A vocabulary's name: what `@name` refers to. The file name of a built-in vocabulary. */
export const vocabularyNameSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and single dashes (used as @name)');

/** A built-in vocabulary file, rules/packs/vocabularies/<name>.yaml. */
export const vocabularyFileSchema = z.object({
  /** Chinese display name, shown instead of the id where a shop manager sees the rule. */
  zh: z.string().trim().min(1).max(60).optional(),
  /** What belongs in the class and the law it serves, so a contributor knows what to add. */
  note: z.string().trim().min(1, 'say what belongs here and which law it serves').max(2000),
  words: z.array(phrase).min(1).max(20_000),
});
export type VocabularyFile = z.output<typeof vocabularyFileSchema>;

/** A pack-local vocabulary: a plain word list, or the same shape as a built-in file. */
export const packVocabularySchema = z.union([
  z.array(phrase).min(1).max(20_000),
  vocabularyFileSchema.extend({ note: z.string().trim().max(2000).optional() }),
]);

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
  /**
   * Phrases that, anywhere in the same clause as the hit, veto it: a question cue (吗, 能不能) makes
   * a claim a viewer's question, a refusal cue (没法证明) makes it a refusal.
   */
  unless: z.array(phrase).max(500).optional(),
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

/** Largest number of slots of a frame; unordered frames try every order, so they stay smaller. */
export const MAX_FRAME_SLOTS = 6;
export const MAX_UNORDERED_SLOTS = 4;
const gap = z.number().int().min(0).max(40);

/**
 * A claim as an ordered chain of slots (a disease word, then a relief word): each slot is a list of
 * phrases and @vocabularies; consecutive slots at most `within` normalised characters apart, all
 * in one clause (or sentence). The finding runs from the first slot to the last.
 */
export const frameRuleSchema = z
  .object({
    type: z.literal('frame'),
    ...ruleCommon,
    parts: z.array(z.array(phrase).min(1).max(10_000)).min(2, 'a frame needs at least two slots').max(MAX_FRAME_SLOTS),
    /** Largest gap between consecutive slots: one number for every gap, or one per gap. */
    within: z.union([gap, z.array(gap).min(1)]),
    /** When false, the slots may come in any order (like an unordered proximity rule). */
    ordered: z.boolean().default(true),
    /** All slots in one clause (，、： end one) or one sentence (。！？； end one). */
    scope: z.enum(['clause', 'sentence']).default('clause'),
  })
  .superRefine((r, ctx) => {
    if (Array.isArray(r.within) && r.within.length !== r.parts.length - 1) {
      ctx.addIssue({ code: 'custom', path: ['within'], message: `needs one gap per pair of slots (${r.parts.length - 1}), or a single number` });
    }
    if (!r.ordered && r.parts.length > MAX_UNORDERED_SLOTS) {
      ctx.addIssue({ code: 'custom', path: ['parts'], message: `an unordered frame has at most ${MAX_UNORDERED_SLOTS} slots` });
    }
  });

export const ruleSchema = z.discriminatedUnion('type', [termRuleSchema, patternRuleSchema, proximityRuleSchema, frameRuleSchema]);
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
  /** Pack-wide lawful phrases: a hit of one of this pack's rules inside one of them is never reported. */
  allow: z.array(phrase).max(10_000).default([]),
  /**
   * The allow list silences every pack's rules, not only this pack's own. Set on the shipped packs
   * (their lawful phrases, 最后一步 or 本品不能代替药物, hold for all rules) and by a shop manager
   * who means it; an imported pack never silences the others on its own say (issue 12).
   */
  global: z.boolean().optional(),
  /** Word classes for this pack's rules (`@name`); a built-in vocabulary of the same name is shadowed for this pack only. */
  vocabularies: z.record(vocabularyNameSchema, packVocabularySchema).optional(),
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

/** Every phrase list of a rule's matching part, whatever its type (for editors, search, previews). */
export function rulePhrases(rule: RuleInput | Rule): string[] {
  switch (rule.type) {
    case 'term': return rule.terms;
    case 'pattern': return rule.patterns;
    case 'proximity': return [...rule.a, ...rule.b];
    case 'frame': return rule.parts.flat();
  }
}

/** Formats the first zod issue as `path: reason`, the shape every error message in the product uses. */
export function describeIssue(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
