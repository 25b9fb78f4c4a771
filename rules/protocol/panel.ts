import { z } from 'zod';
import {
  findingCategorySchema,
  productCategorySchema,
  severitySchema,
  textSourceSchema,
} from '../engine/schema.ts';

// Side panel <-> background, over one runtime Port named PANEL_PORT. Both ends validate what
// arrives: the panel is an extension page, but a bug on one side should be a warning, not a crash.

export { PANEL_PORT, MAX_SNAPSHOT_FINDINGS } from './panel-port.ts';

/** One finding as the panel shows it: the engine's Finding plus where it was seen and its sentence. */
export const liveFindingSchema = z.object({
  /** Stable across re-checks of the same text: rule + block + offsets. */
  key: z.string(),
  rule: z.string(),
  category: findingCategorySchema,
  severity: severitySchema,
  /** The rule's message in both languages, so the language toggle needs no re-check. */
  message: z.object({ zh: z.string(), en: z.string() }),
  basis: z.string(),
  suggestions: z.array(z.string()),
  match: z.string(),
  block: z.string(),
  source: textSourceSchema,
  author: z.string().optional(),
  /** The sentence around the match, and the match's span inside it (UTF-16). */
  sentence: z.string(),
  hlStart: z.number().int().min(0),
  hlEnd: z.number().int().min(0),
  /** ms epoch when this finding first appeared (newest first in the feed). */
  seenAt: z.number(),
});
export type LiveFinding = z.infer<typeof liveFindingSchema>;

export const engineStatusSchema = z.object({
  ready: z.boolean(),
  error: z.string().optional(),
  /** What checks while the stored packs do not compile (the panel says which). */
  using: z.enum(['previous', 'without-overrides', 'builtin']).optional(),
  errorPack: z.object({ zh: z.string(), en: z.string() }).optional(),
  compileMs: z.number().optional(),
});

export const snapshotSchema = z.object({
  type: z.literal('snapshot'),
  /** The tab whose page the findings come from; null when nothing has been read yet. */
  tabId: z.number().int().nullable(),
  site: z.string().optional(),
  url: z.string().optional(),
  productName: z.string().optional(),
  productCategory: productCategorySchema.nullable(),
  /** Newest first, capped (the panel shows a live feed, not an archive). */
  findings: z.array(liveFindingSchema),
  /** Warnings + errors not ignored: the number on the toolbar badge. */
  count: z.number().int().min(0),
  /** Chat messages the content script dropped under a flood. */
  dropped: z.number().int().min(0),
  engine: engineStatusSchema,
});
export type PanelSnapshot = z.infer<typeof snapshotSchema>;

export const backgroundToPanelSchema = z.discriminatedUnion('type', [snapshotSchema]);
export type BackgroundToPanel = z.infer<typeof backgroundToPanelSchema>;

export const panelToBackgroundSchema = z.discriminatedUnion('type', [
  /** Start receiving snapshots. tabId null: follow the page being checked (active tab, else latest). */
  z.object({ type: z.literal('subscribe'), tabId: z.number().int().nullable(), windowId: z.number().int().optional() }),
  /** 'Ignore once': hide this finding (until its text changes) and drop it from the badge. */
  z.object({ type: z.literal('ignore'), tabId: z.number().int(), key: z.string().max(1000) }),
  z.object({ type: z.literal('set-product-category'), category: productCategorySchema.nullable() }),
  z.object({ type: z.literal('clear'), tabId: z.number().int() }),
  /**
   * Rehearsal's "import from page": the script paragraphs the background holds for a tab. tabId null:
   * the page being checked, as for 'subscribe'. The reply is a pageScriptReply with the same requestId.
   */
  z.object({
    type: z.literal('page-script'),
    requestId: z.number().int(),
    tabId: z.number().int().nullable(),
    windowId: z.number().int().optional(),
  }),
  /** Session recording runs in the background; the report's controls drive it. tabId null: the page being checked. */
  z.object({ type: z.literal('session-start'), tabId: z.number().int().nullable() }),
  z.object({ type: z.literal('session-stop') }),
  z.object({ type: z.literal('session-auto'), on: z.boolean() }),
]);
export type PanelToBackground = z.infer<typeof panelToBackgroundSchema>;

/**
 * Answer to 'page-script', sent only to the port that asked (so it is not part of the snapshot
 * union the live feed parses). blocks: the tab's script paragraphs in page order.
 */
export const pageScriptReplySchema = z.object({
  type: z.literal('page-script'),
  requestId: z.number().int(),
  tabId: z.number().int().nullable(),
  blocks: z.array(z.string()),
});
export type PageScriptReply = z.infer<typeof pageScriptReplySchema>;
