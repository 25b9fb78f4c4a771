import { z } from 'zod';

// Elements a user pointed at on a page no adapter knows, remembered per site (origin), and the
// messages that carry them between the side panel, the background (entrypoints/background/picks/)
// and the content script. Schemas only: no side effects.

export const PICK_KINDS = ['script', 'chat'] as const;
export type PickKind = (typeof PICK_KINDS)[number];

export const pickTargetSchema = z.object({
  /** CSS selector; ' >>> ' steps into an open shadow root. */
  selector: z.string().min(1).max(2000),
  /** What the user saw when picking (tag and a text excerpt), shown in the panel. */
  label: z.string().max(200).default(''),
  pickedAt: z.number().int().nonnegative(),
});
export type PickTarget = z.output<typeof pickTargetSchema>;

export const sitePicksSchema = z.object({
  script: pickTargetSchema.optional(),
  chat: pickTargetSchema.optional(),
});
export type SitePicks = z.output<typeof sitePicksSchema>;

const origin = z.string().max(300).regex(/^https?:\/\/[^/]+$/, 'an origin like https://example.com');

export const picksGetSchema = z.object({ type: z.literal('livelint:picks-get'), origin });
export const picksSetSchema = z.object({
  type: z.literal('livelint:picks-set'),
  origin,
  kind: z.enum(PICK_KINDS),
  target: pickTargetSchema,
});
export const picksClearSchema = z.object({ type: z.literal('livelint:picks-clear'), origin });
/** side panel -> background: start the picker in a tab (after the panel obtained the permission). */
export const pickStartSchema = z.object({
  type: z.literal('livelint:pick-start'),
  tabId: z.number().int().nonnegative(),
  kind: z.enum(PICK_KINDS),
});
/** background -> content script */
export const pickerCommandSchema = z.object({
  type: z.literal('livelint:picker'),
  kind: z.enum(PICK_KINDS),
});
export const picksChangedSchema = z.object({ type: z.literal('livelint:picks-changed'), picks: sitePicksSchema });
