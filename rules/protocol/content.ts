import { z } from 'zod';
import { textBlockSchema } from '../engine/schema.ts';

// Every message crossing a context boundary is validated here on arrival: a page can talk to the
// content script's DOM, so nothing the content script sends is trusted blindly.

export const MAX_BLOCKS_PER_BATCH = 500;
export const MAX_BLOCK_CHARS = 200_000;

/** content script -> background: text read from the page. */
export const blocksMessageSchema = z.object({
  type: z.literal('livelint:blocks'),
  site: z.string().max(64),
  url: z.string().max(4096),
  blocks: z
    .array(
      textBlockSchema.extend({
        text: z.string().max(MAX_BLOCK_CHARS),
        /** How the sensor read it: DOM of a known console, the console's own network response, or a user-picked element. */
        via: z.enum(['dom', 'network', 'picked']).optional(),
      }),
    )
    .max(MAX_BLOCKS_PER_BATCH),
  /** Chat messages the content script dropped under a flood since the last batch (never silent loss). */
  dropped: z.number().int().min(0).default(0),
  /** Blocks that no longer exist on the page (a script paragraph deleted). */
  removed: z.array(z.string().max(200)).max(MAX_BLOCKS_PER_BATCH).default([]),
  /** Diagnostics from the sensor: when it sent this (ms since epoch) and its longest main-thread task since the last batch. */
  sentAt: z.number().optional(),
  sensorMaxTaskMs: z.number().min(0).optional(),
  sensorBusyMs: z.number().min(0).optional(),
});
export type BlocksMessage = z.output<typeof blocksMessageSchema>;

/** content script -> background: the product the console says is being presented. */
export const productMessageSchema = z.object({
  type: z.literal('livelint:product'),
  site: z.string().max(64),
  url: z.string().max(4096),
  name: z.string().max(500),
});

export const contentMessageSchema = z.discriminatedUnion('type', [blocksMessageSchema, productMessageSchema]);
export type ContentMessage = z.output<typeof contentMessageSchema>;
