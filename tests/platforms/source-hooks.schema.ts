import { z } from 'zod';

/**
 * The shape of tests/fixtures/<platform>/source-hooks.json: a small extract of the hooks Vigie's adapter for an
 * open-source platform relies on, each with the repository, commit and file where it was seen. It is regenerated
 * from a fetched checkout by `npm run hooks:check` (scripts/hooks-check.ts + scripts/hooks/<platform>.ts) and
 * checked against the adapters' `sourceHooks` by tests/platforms/source-hooks.test.ts.
 */
const commit = z.string().regex(/^[0-9a-f]{40}$/, 'a full 40-hex commit');

export const SourceRef = z.object({
  /** owner/name on GitHub, or npm:<package>@<version> for a published package built from that repository. */
  repo: z.string().min(3),
  commit,
  /** The date the checkout was read (YYYY-MM-DD). */
  read: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export const HookKind = z.enum(['selector', 'data-test', 'id', 'class', 'aria', 'store', 'config', 'global', 'locale', 'url']);

export const SourceHook = z.object({
  /** Exactly as the adapter's `sourceHooks` names it. */
  hook: z.string().min(1),
  kind: HookKind,
  repo: z.string().min(3),
  /** File in that repository where the hook is defined or rendered. */
  path: z.string().min(1),
  /** `present`: found at the pinned commit; `removed`: existed in an older design and is gone at the pinned commit. */
  status: z.enum(['present', 'removed']),
  /** Locale hooks: the English and French strings at that commit. */
  en: z.string().optional(),
  fr: z.string().optional(),
  note: z.string().optional(),
});

export const SourceHooksFile = z
  .object({
    $comment: z.string().optional(),
    platform: z.string().min(1),
    sources: z.array(SourceRef).min(1),
    hooks: z.array(SourceHook).min(1),
  })
  .superRefine((f, ctx) => {
    const repos = new Set(f.sources.map((s) => s.repo));
    const seen = new Set<string>();
    f.hooks.forEach((h, i) => {
      if (!repos.has(h.repo)) ctx.addIssue({ code: 'custom', path: ['hooks', i, 'repo'], message: `${h.repo} is not in sources` });
      const key = `${h.repo} ${h.hook}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['hooks', i, 'hook'], message: `${h.hook} listed twice` });
      seen.add(key);
    });
  });

export type SourceHooksFile = z.infer<typeof SourceHooksFile>;
export type SourceHook = z.infer<typeof SourceHook>;
