import { parseTarget } from '../parseTarget.js';
import type { Matcher } from './matcher.js';

/** Restarts: `restart backend`, `rollout restart deployment/backend`, `bounce the backend pods`, `redeploy frontend`. */
export const restartMatcher: Matcher = (text, { namespace }) => {
  const m =
    text.match(
      /^(?:rollout\s+restart|restart|bounce|recycle|reboot|cycle)\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?pods\s+(?:of|for|in|from)\s+(.+)$/i,
    ) ??
    text.match(
      /^(?:do\s+a\s+)?(?:rolling\s+restart|rollout\s+restart|restart|bounce|redeploy|recycle|reboot|cycle)\s+(?:of\s+)?(?:all\s+)?(.+?)(?:\s+pods?)?$/i,
    );
  const target = m?.[1] ? parseTarget(m[1], namespace) : undefined;
  if (!target) return undefined;
  const { kind, ...rest } = target;
  return { action: 'restart', target: kind === 'Pod' ? rest : target };
};

/**
 * Rollbacks: `roll back backend`, `undo the last rollout of backend`, `revert frontend to the previous version`,
 * `roll back backend to revision 2`.
 */
export const rollbackMatcher: Matcher = (text, { namespace }) => {
  if (!/^(?:roll\s*back|rollback|revert|undo|rollout\s+undo|go\s+back)\b/i.test(text)) return undefined;
  let rest = text;
  let toRevision: number | undefined;
  const revision = rest.match(/\s+(?:to|back\s+to)\s+(?:revision|rev|version)\s+#?(\d+)$/i);
  if (revision) {
    toRevision = Number(revision[1]);
    rest = rest.slice(0, revision.index);
  }
  rest = rest.replace(
    /\s+(?:back\s+)?to\s+(?:the\s+)?(?:previous|last|prior|earlier|old|older)(?:\s+(?:good\s+)?(?:version|revision|release|deploy(?:ment)?|image))?$/i,
    '',
  );
  rest = rest.replace(/\s+back$/i, '');
  const m = rest.match(
    /^(?:roll\s*back|rollback|revert|undo|rollout\s+undo|go\s+back)\s+(?:on\s+)?(?:the\s+)?(?:last\s+|latest\s+|recent\s+)?(?:(?:rollout|deploy(?:ment)?|release|change|update|upgrade)\s+(?:of|for|to|on)\s+)?(.+)$/i,
  );
  const target = m?.[1] ? parseTarget(m[1], namespace) : undefined;
  if (!target) return undefined;
  return toRevision === undefined ? { action: 'rollback', target } : { action: 'rollback', target, toRevision };
};
