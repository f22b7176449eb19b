import { z } from 'zod';
import { ITEM_IDS } from './checklist/items';
import { PLATFORM_IDS } from './platforms/ids';

/** zod schemas where trust ends: what content scripts (running beside hostile pages) send to the background. */

const evidence = z.string().max(400);

/**
 * A finding as a content script may state it. `via: 'settings-page'`, `via: 'policy'` and `readAt` are the
 * background's alone (a remembered settings page, a check the school turned off): a report claiming them is
 * rejected whole, and so is any field the protocol does not have.
 */
export const FindingSchema = z.strictObject({
  state: z.enum(['pass', 'fail', 'unknown', 'n/a']),
  evidence,
  via: z.enum(['state', 'config', 'dom', 'aria', 'label', 'url', 'none']),
  fixable: z.boolean().optional(),
});

/** Only checklist item ids as keys: `__proto__`, `constructor` or any other own key rejects the report. */
const onlyItemKeys = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).every((k) => (ITEM_IDS as readonly string[]).includes(k));
export const FindingsSchema = z.custom<object>(onlyItemKeys, 'findings may only be keyed by checklist item ids').pipe(z.partialRecord(z.enum(ITEM_IDS), FindingSchema));

/**
 * What a content script reports about its page. `url`, `roomKey` and the scopes are claims: the background
 * recomputes or checks them against the sender's own tab URL (utils/background/sender.ts).
 */
export const ObservationReportSchema = z.strictObject({
  platform: z.enum(PLATFORM_IDS),
  // Only https pages: every content script's match pattern and every self-hosted origin is https.
  url: z.url({ protocol: /^https$/ }).max(2048),
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

/** The report as the background uses it (types inferred from the schema: one source, no cast). */
export type ObservationReportInput = z.infer<typeof ObservationReportSchema>;

/** A page sample's metadata (utils/sample/file.ts SampleMeta): in the file's <meta name="vigie:sample">. */
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
