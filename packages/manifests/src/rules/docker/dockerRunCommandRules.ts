import { dockerRule, runCommands } from '../dockerRule.js';

/**
 * Rules on the commands RUN executes (hadolint DL3001, DL3046, DL3047, DL4001, DL4005).
 * @see https://github.com/hadolint/hadolint#rules
 */

const INTERACTIVE = new Set([
  'ssh',
  'vim',
  'vi',
  'nano',
  'shutdown',
  'service',
  'ps',
  'free',
  'top',
  'kill',
  'mount',
  'ifconfig',
]);

/** Commands that make no sense in a build: interactive tools, service managers, process tools (hadolint DL3001). */
export const dockerRunInteractiveCommand = dockerRule({
  id: 'docker-run-interactive-command',
  category: 'reliability',
  severity: 'INFO',
  description:
    'RUN must not use interactive or system-management commands (ssh, vim, service, shutdown, ps, kill, ...)',
  fix: 'remove the command; configure the image with files and the entrypoint instead',
  check: (doc) =>
    runCommands(doc).flatMap(({ ins, commands }) => {
      const found = commands.map((c) => c[0] ?? '').filter((w) => INTERACTIVE.has(w));
      return found.length > 0 ? [{ message: `RUN uses ${[...new Set(found)].join(', ')}`, at: ins }] : [];
    }),
});

/** `useradd` with a high UID and no `-l` fills the lastlog file and bloats the image (hadolint DL3046). */
export const dockerUseraddLongUid = dockerRule({
  id: 'docker-useradd-long-uid',
  category: 'efficiency',
  severity: 'WARNING',
  description: 'useradd with a high UID must use -l (--no-log-init)',
  fix: 'add -l to useradd',
  check: (doc) =>
    runCommands(doc).flatMap(({ ins, commands }) =>
      commands
        .filter((c) => c[0] === 'useradd' && !c.includes('-l') && !c.includes('--no-log-init'))
        .filter((c) => {
          const i = c.findIndex((w) => w === '-u' || w === '--uid');
          const uid = i >= 0 ? c[i + 1] : c.find((w) => w.startsWith('--uid='))?.slice(6);
          return uid !== undefined && /^\d+$/.test(uid) && Number(uid) > 99999;
        })
        .map(() => ({ message: 'useradd with a high UID and no -l', at: ins })),
    ),
});

/** wget without `--progress` (or `-q`) floods the build log (hadolint DL3047). */
export const dockerWgetProgress = dockerRule({
  id: 'docker-wget-progress',
  category: 'efficiency',
  severity: 'INFO',
  description: 'wget must use --progress=dot:giga (or -q / -nv) to keep the build log short',
  fix: 'add --progress=dot:giga to wget',
  check: (doc) =>
    runCommands(doc).flatMap(({ ins, commands }) =>
      commands
        .filter((c) => c[0] === 'wget')
        .filter(
          (c) =>
            !c.some(
              (w) =>
                /^(--progress|-q|--quiet|-nv|--no-verbose|-o|--output-file|-a|--append-output)/.test(w) ||
                /^-[a-zA-Z]*q/.test(w),
            ),
        )
        .map(() => ({ message: 'wget without --progress', at: ins })),
    ),
});

/** Installing or using both wget and curl doubles what the image carries (hadolint DL4001). */
export const dockerWgetAndCurl = dockerRule({
  id: 'docker-wget-and-curl',
  category: 'efficiency',
  severity: 'WARNING',
  description: 'Use either wget or curl, not both',
  fix: 'use one download tool throughout the Dockerfile',
  check: (doc) => {
    const runs = runCommands(doc);
    const uses = (tool: string) => runs.find(({ commands }) => commands.some((c) => c[0] === tool));
    const wget = uses('wget');
    const curl = uses('curl');
    if (!wget || !curl) return [];
    const later = wget.ins.line > curl.ins.line ? wget : curl;
    return [{ message: 'the Dockerfile uses both wget and curl', at: later.ins }];
  },
});

/** Relinking /bin/sh changes the shell behind the builder's back; SHELL says it (hadolint DL4005). */
export const dockerShellInsteadOfLink = dockerRule({
  id: 'docker-shell-instead-of-link',
  category: 'reliability',
  severity: 'WARNING',
  description: 'Use SHELL to change the default shell, not ln over /bin/sh',
  fix: 'SHELL ["/bin/bash", "-c"]',
  check: (doc) =>
    runCommands(doc).flatMap(({ ins, commands }) =>
      commands.some((c) => c[0] === 'ln' && c.includes('/bin/sh'))
        ? [{ message: 'RUN links over /bin/sh', at: ins }]
        : [],
    ),
});
