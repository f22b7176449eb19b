import { z } from 'zod';
import { ITEM_IDS } from './checklist/items';
import { PLATFORM_IDS } from './platforms/ids';

/** zod schemas where trust ends: what content scripts (running beside hostile pages) send to the background. */

const evidence = z.string().max(400);

export const FindingSchema = z.object({
  state: z.enum(['pass', 'fail', 'unknown', 'n/a']),
  evidence,
  via: z.enum(['state', 'config', 'dom', 'aria', 'label', 'url', 'settings-page', 'policy', 'none']),
  fixable: z.boolean().optional(),
  readAt: z.string().max(40).optional(),
});

export const FindingsSchema = z.partialRecord(z.enum(ITEM_IDS), FindingSchema);

export const ObservationReportSchema = z.object({
  platform: z.enum(PLATFORM_IDS),
  // Only web pages: a content script never runs on javascript:, data: or extension URLs.
  url: z.url({ protocol: /^https?$/ }).max(2048),
  roomKey: z.string().min(1).max(512),
  isMeeting: z.boolean(),
  role: z.enum(['host', 'participant', 'unknown']),
  findings: FindingsSchema,
  settingsScope: z.string().min(1).max(300).optional(),
  rememberedScopes: z.array(z.string().min(1).max(300)).max(5).optional(),
});

export const ConfirmationRequestSchema = z.object({
  tabId: z.number().int().nonnegative(),
  itemId: z.enum(ITEM_IDS),
  confirmed: z.boolean(),
});
