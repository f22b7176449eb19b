import { z } from 'zod';
import { ITEM_IDS } from './checklist/items';

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
  platform: z.enum(['jitsi', 'zoom', 'google-meet', 'teams', 'webex', 'bigbluebutton', 'whereby', 'google-classroom', 'classdojo', 'seesaw', 'teams-education']),
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

/** A page sample's metadata (utils/sample/sanitize.ts SampleMeta): in the file's <meta name="vigie:sample">. */
export const SampleMetaSchema = z.object({
  format: z.number().int().positive(),
  platform: z.string().max(40).nullable(),
  url: z.string().max(4096),
  uiLang: z.string().max(12),
  pageLang: z.string().max(12),
  extensionVersion: z.string().max(32),
  capturedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/**
 * A page sample as the injected reader returns it (entrypoints/sample-capture.ts): built by Vigie's code, but from a
 * page that may be hostile, so its shape and size are checked before the sample page shows it.
 */
export const SampleResultSchema = z.union([
  z.object({
    ok: z.literal(true),
    file: z.string().min(1).max(5_000_000),
    meta: SampleMetaSchema,
    stats: z.object({ elements: z.number(), keptTexts: z.number(), maskedTexts: z.number(), droppedElements: z.number() }),
  }),
  z.object({ ok: z.literal(false), error: z.enum(['no-args', 'read-failed']) }),
]);
