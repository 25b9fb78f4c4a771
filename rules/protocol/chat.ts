import { z } from 'zod';
import { chatTopicSchema } from '../engine/classify/index.ts';
import { productCategorySchema } from '../engine/schema.ts';

// Side panel <-> background for chat insights and the product being presented. Its own Port
// (INSIGHTS_PORT) next to the Live feed's, so neither feature's messages slow the other; both
// ends validate what arrives, like panel.ts.

export { INSIGHTS_PORT } from './chat-port.ts';

const localized = z.object({ zh: z.string(), en: z.string() });

export const questionSummarySchema = z.object({
  text: z.string(),
  count: z.number().int().min(0),
  topic: chatTopicSchema,
  /** A ready answer from the product's FAQ or facts; absent when nothing answers it. */
  answer: z.string().optional(),
});
export type QuestionSummary = z.infer<typeof questionSummarySchema>;

export const riskySummarySchema = z.object({
  text: z.string(),
  count: z.number().int().min(0),
  topic: chatTopicSchema,
  /** What the host must not say in reply, and a reply that stays within the law. */
  avoid: localized,
  answer: localized,
});
export type RiskySummary = z.infer<typeof riskySummarySchema>;

export const insightsSnapshotSchema = z.object({
  type: z.literal('chat-insights'),
  tabId: z.number().int().nullable(),
  /** Chat messages read since the page was opened. */
  total: z.number().int().min(0),
  questions: z.number().int().min(0),
  topics: z.array(z.object({ topic: chatTopicSchema, count: z.number().int().min(0), examples: z.array(questionSummarySchema) })),
  unanswered: z.array(questionSummarySchema),
  risky: z.array(riskySummarySchema),
  riskyCount: z.number().int().min(0),
  complaints: z.object({ count: z.number().int().min(0), examples: z.array(z.object({ text: z.string(), topic: chatTopicSchema })) }),
  offPlatform: z.object({ count: z.number().int().min(0), examples: z.array(z.string()) }),
  /** Most frequent words of the last 5 minutes. */
  hotWords: z.array(z.object({ word: z.string(), count: z.number().int().min(0) })),
  /** Purchase signals per minute, oldest first, the last entry being the current minute. */
  purchases: z.array(z.number().int().min(0)),
  purchaseTotal: z.number().int().min(0),
  /** Whether a product is selected (answers come from it). */
  hasProduct: z.boolean(),
});
export type InsightsSnapshot = z.infer<typeof insightsSnapshotSchema>;

export const productStateSchema = z.object({
  type: z.literal('product-state'),
  tabId: z.number().int().nullable(),
  products: z.array(z.object({ id: z.number().int(), name: z.string(), category: productCategorySchema })),
  current: z.object({ id: z.number().int(), name: z.string(), category: productCategorySchema }).nullable(),
  /** Who chose it: the host in the panel, or the console's "now presenting" card. */
  source: z.enum(['panel', 'console']).nullable(),
  /** The name the console shows, when it matched no product. */
  consoleName: z.string().optional(),
  checklist: z.array(z.object({ id: z.string(), kind: z.enum(['disclosure', 'selling-point']), text: z.string(), said: z.boolean() })),
  talkingPoints: z.array(z.object({ text: z.string(), kind: z.string() })),
});
export type ProductState = z.infer<typeof productStateSchema>;

export const insightsToPanelSchema = z.discriminatedUnion('type', [insightsSnapshotSchema, productStateSchema]);
export type InsightsToPanel = z.infer<typeof insightsToPanelSchema>;

export const panelToInsightsSchema = z.discriminatedUnion('type', [
  /** tabId null: follow the page the Live feed follows (latest checked). */
  z.object({ type: z.literal('subscribe'), tabId: z.number().int().nullable() }),
  z.object({ type: z.literal('select-product'), id: z.number().int().nullable() }),
  /** The panel saved or deleted a product in the store: read the list again. */
  z.object({ type: z.literal('products-changed'), select: z.number().int().optional() }),
]);
export type PanelToInsights = z.infer<typeof panelToInsightsSchema>;
