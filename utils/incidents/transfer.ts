import { z } from 'zod';
import { CATEGORIES, OTHER_KINDS, URGENCIES } from '../report/types';
import { b64, deriveKek, PBKDF2_ITERATIONS, random, unb64 } from './crypto';
import type { IncidentRecord } from './types';

/**
 * Export and import of the incident log. The export file is `{format:'vigie-incidents', version:1, exportedAt,
 * incidents:[…]}`; importing it back gives exactly the same records (tests/unit/report/incident-transfer.test.ts).
 * A file is untrusted input (it may be damaged, cut off, edited by hand or not ours at all): it is validated here
 * with zod, file-level problems refuse the whole file, and an entry that does not validate is rejected on its own
 * with the reason. Messages are i18n keys with substitutions, so the page shows them in the teacher's language.
 */

export const EXPORT_FORMAT = 'vigie-incidents';
export const EXPORT_VERSION = 1;
/** A log of thousands of reports is a few MB; anything much bigger is not an export of ours. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ENTRIES = 10_000;

const MAX_TEXT = 100_000;
const text = z.string().max(MAX_TEXT);
const iso = z.iso.datetime();

const ReportDataSchema = z.strictObject({
  category: z.union([z.enum(CATEGORIES), z.literal('')]),
  urgency: z.union([z.enum(URGENCIES), z.literal('')]),
  incidentAt: z.string().max(64),
  platform: z.string().max(500),
  url: z.string().max(10_000),
  child: text,
  otherPerson: text,
  otherKind: z.enum(OTHER_KINDS),
  facts: text,
  verbatim: text,
  actionsTaken: text,
  witnesses: text,
  selectedText: text,
  evidenceNotes: text,
  publicContent: z.boolean(),
  platformReported: z.boolean(),
  reporter: z.string().max(1_000),
  // Added with issue 16: optional in an import (older exports lack them), always written on export.
  incidentTz: z.string().max(64).default(''),
  reporterContact: z.string().max(1_000).default(''),
  organisation: z.string().max(500).default(''),
  childLocation: text.default(''),
  cameToLight: text.default(''),
  platformRef: z.string().max(1_000).default(''),
  noPromise: z.boolean().default(false),
  strangerPrivate: z.boolean().default(false),
  leadConcerned: z.boolean().default(false),
  altName: z.string().max(200).default(''),
  altEmail: z.string().max(254).default(''),
  altPhone: z.string().max(40).default(''),
});

const HandOffSchema = z.strictObject({
  destination: z.string().min(1).max(100),
  channel: z.enum(['mailto', 'form', 'tel', 'copy', 'download']),
  at: iso,
});

export const IncidentRecordSchema = z.strictObject({
  id: z.string().min(1).max(200),
  createdAt: iso,
  updatedAt: iso,
  report: ReportDataSchema,
  handOffs: z.array(HandOffSchema).max(200),
  status: z.enum(['saved', 'handed-off']),
}) satisfies z.ZodType<IncidentRecord>;

/** A message for the page: an i18n key and its substitutions. */
export interface Problem {
  key: string;
  subs?: string[];
}

export interface Rejected {
  /** 1-based position in the file. */
  index: number;
  id?: string;
  problem: Problem;
}

export type ParseResult = { ok: true; records: IncidentRecord[]; rejected: Rejected[] } | { ok: false; problem: Problem };

export function exportIncidents(rows: IncidentRecord[], now: Date = new Date()): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), incidents: rows }, null, 2);
}

/** Where an entry fails, in words a person can act on: the field's path (e.g. report.category) and what is wrong. */
function entryProblem(entry: unknown, issues: readonly z.core.$ZodIssue[]): Problem {
  const first = issues[0];
  if (!first || !entry || typeof entry !== 'object' || Array.isArray(entry)) return { key: 'report_import_entry_not_object' };
  const path = first.path.map(String).join('.');
  if (first.code === 'unrecognized_keys') return { key: 'report_import_entry_extra', subs: [first.keys.map((k) => (path ? `${path}.${k}` : k)).join(', ').slice(0, 200)] };
  const value = first.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined), entry);
  return { key: value === undefined ? 'report_import_entry_missing' : 'report_import_entry_invalid', subs: [path.slice(0, 200)] };
}

/** Parse an export file's text. Never throws. */
export function parseIncidentsFile(raw: string): ParseResult {
  if (raw.length > MAX_IMPORT_BYTES) return { ok: false, problem: { key: 'report_import_too_big', subs: [String(MAX_IMPORT_BYTES / 1024 / 1024)] } };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, problem: { key: 'report_import_not_json' } };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data) || (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, problem: { key: 'report_import_wrong_format' } };
  }
  const { version, incidents } = data as { version?: unknown; incidents?: unknown };
  if (version !== EXPORT_VERSION) {
    return { ok: false, problem: { key: 'report_import_wrong_version', subs: [String(typeof version === 'number' || typeof version === 'string' ? version : '?').slice(0, 20)] } };
  }
  if (!Array.isArray(incidents)) return { ok: false, problem: { key: 'report_import_no_entries' } };
  if (incidents.length > MAX_IMPORT_ENTRIES) return { ok: false, problem: { key: 'report_import_too_many', subs: [String(MAX_IMPORT_ENTRIES)] } };

  const records: IncidentRecord[] = [];
  const rejected: Rejected[] = [];
  const seen = new Set<string>();
  incidents.forEach((entry, i) => {
    const parsed = IncidentRecordSchema.safeParse(entry);
    const id = entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string' ? String((entry as { id: string }).id).slice(0, 200) : undefined;
    if (!parsed.success) return void rejected.push({ index: i + 1, id, problem: entryProblem(entry, parsed.error.issues) });
    if (seen.has(parsed.data.id)) return void rejected.push({ index: i + 1, id, problem: { key: 'report_import_entry_duplicate' } });
    seen.add(parsed.data.id);
    // The entry itself, not zod's copy: strict schemas mean it holds nothing else, and its key order is kept, so
    // exporting again gives the same bytes.
    records.push(entry as IncidentRecord);
  });
  return { ok: true, records, rejected };
}

/** DOMException name a full disk or a full origin quota gives (Chromium, Firefox; Firefox's legacy name too). */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/**
 * An encrypted export: the plain export text, AES-256-GCM under a key derived from a passphrase (PBKDF2-SHA-256,
 * PBKDF2_ITERATIONS, a new random salt per file), additional data ENCRYPTED_AAD. The page asks for the log's own
 * passphrase (checked against the log first), so one passphrase opens the log and its exports.
 * File: `{format:'vigie-incidents', version:1, exportedAt, encrypted:{kdf:{name,iterations,salt}, iv, ct}}`.
 */
const ENCRYPTED_AAD = 'vigie:export:v1';

export async function exportIncidentsEncrypted(rows: IncidentRecord[], passphrase: string, now: Date = new Date(), iterations: number = PBKDF2_ITERATIONS): Promise<string> {
  const salt = random(16);
  const iv = random(12);
  const key = await deriveKek(passphrase, salt, iterations);
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(ENCRYPTED_AAD) }, key, new TextEncoder().encode(exportIncidents(rows, now)));
  return JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), encrypted: { kdf: { name: 'PBKDF2-SHA-256', iterations, salt: b64(salt) }, iv: b64(iv), ct: b64(ct) } }, null, 2);
}

const EncryptedFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  encrypted: z.strictObject({
    kdf: z.strictObject({ name: z.literal('PBKDF2-SHA-256'), iterations: z.number().int().min(100_000).max(10_000_000), salt: z.base64().max(100) }),
    iv: z.base64().max(100),
    ct: z.base64().max(MAX_IMPORT_BYTES * 2),
  }),
});

/** Is this file an encrypted export (it needs a passphrase before parseIncidentsFile)? Never throws. */
export function isEncryptedExport(raw: string): boolean {
  if (raw.length > MAX_IMPORT_BYTES * 2) return false;
  try {
    const data = JSON.parse(raw) as { format?: unknown; encrypted?: unknown };
    return !!data && data.format === EXPORT_FORMAT && !!data.encrypted && typeof data.encrypted === 'object';
  } catch {
    return false;
  }
}

/** Decrypt an encrypted export to the plain export text, or a problem (wrong passphrase, damaged file). */
export async function decryptExport(raw: string, passphrase: string): Promise<{ ok: true; text: string } | { ok: false; problem: Problem }> {
  let data: z.infer<typeof EncryptedFileSchema>;
  try {
    const parsed = EncryptedFileSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return { ok: false, problem: { key: 'logexport_damaged' } };
    data = parsed.data;
  } catch {
    return { ok: false, problem: { key: 'report_import_not_json' } };
  }
  const { kdf, iv, ct } = data.encrypted;
  const key = await deriveKek(passphrase, unb64(kdf.salt), kdf.iterations);
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(iv), additionalData: new TextEncoder().encode(ENCRYPTED_AAD) }, key, unb64(ct));
    return { ok: true, text: new TextDecoder().decode(plain) };
  } catch {
    return { ok: false, problem: { key: 'logexport_wrong_passphrase' } };
  }
}
