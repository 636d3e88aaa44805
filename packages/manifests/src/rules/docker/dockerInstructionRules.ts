import type { DockerInstruction } from '../../docker/dockerDoc.js';
import { type DockerProblem, dockerRule } from '../dockerRule.js';

/**
 * Rules on the structure of a Dockerfile's instructions (hadolint's DL3012, DL3023, DL3029, DL3043-DL3045, DL3048,
 * DL3059, DL3061).
 * @see https://github.com/hadolint/hadolint#rules
 */

/** One HEALTHCHECK per stage: only the last counts (hadolint DL3012). */
export const dockerOneHealthcheck = dockerRule({
  id: 'docker-one-healthcheck',
  category: 'reliability',
  severity: 'ERROR',
  description: 'A stage must have at most one HEALTHCHECK',
  fix: 'keep one HEALTHCHECK per stage',
  check: (doc) =>
    doc.stages.flatMap((s) =>
      s.instructions
        .filter((i) => i.keyword === 'HEALTHCHECK')
        .slice(1)
        .map((at) => ({ message: 'a second HEALTHCHECK in the stage; only the last takes effect', at })),
    ),
});

/** `COPY --from` must not name the stage it is in (hadolint DL3023). */
export const dockerCopyFromSelf = dockerRule({
  id: 'docker-copy-from-self',
  category: 'reliability',
  severity: 'ERROR',
  description: 'COPY --from must not reference the stage it is in',
  fix: 'copy from an earlier stage',
  check: (doc) =>
    doc.stages.flatMap((s) =>
      s.instructions
        .filter((i) => i.keyword === 'COPY' && s.name && i.flags.get('from')?.toLowerCase() === s.name)
        .map((at) => ({ message: `COPY --from=${s.name} copies from its own stage`, at })),
    ),
});

/** `FROM --platform` pins the build to one architecture (hadolint DL3029), unless it uses a build argument. */
export const dockerFromPlatform = dockerRule({
  id: 'docker-from-platform',
  category: 'reliability',
  severity: 'WARNING',
  description: 'FROM must not pin --platform to a fixed value',
  fix: 'drop --platform, or use --platform=$BUILDPLATFORM / $TARGETPLATFORM',
  check: (doc) =>
    doc.stages.flatMap((s) => {
      const p = s.from.flags.get('platform');
      return p && !p.includes('$') ? [{ message: `FROM pins --platform=${p}`, at: s.from }] : [];
    }),
});

/** ONBUILD must not trigger FROM or MAINTAINER, and ONBUILD ONBUILD is refused (hadolint DL3043). */
export const dockerOnbuildForbidden = dockerRule({
  id: 'docker-onbuild-forbidden',
  category: 'reliability',
  severity: 'ERROR',
  description: 'ONBUILD must not trigger FROM, MAINTAINER or ONBUILD',
  fix: 'remove the instruction from ONBUILD',
  check: (doc) =>
    doc.instructions
      .filter((i) => i.keyword === 'ONBUILD' && /^(FROM|MAINTAINER|ONBUILD)\b/i.test(i.text))
      .map((at) => ({ message: `ONBUILD ${at.text.split(/\s/)[0]} is not allowed`, at })),
});

/** `ENV A=1 B=$A` reads the old A: a variable set in the same ENV is not visible yet (hadolint DL3044). */
export const dockerEnvSelfReference = dockerRule({
  id: 'docker-env-self-reference',
  category: 'reliability',
  severity: 'ERROR',
  description: 'ENV must not reference a variable defined in the same ENV instruction',
  fix: 'split the ENV into two instructions',
  check: (doc) =>
    doc.instructions
      .filter((i) => i.keyword === 'ENV')
      .flatMap((at) => {
        const pairs = [...at.text.matchAll(/(\w+)=("[^"]*"|'[^']*'|\S*)/g)];
        const defined: string[] = [];
        for (const [, name, value] of pairs) {
          const used = defined.find((d) => new RegExp(`\\$\\{?${d}\\b`).test(value ?? ''));
          if (used) return [{ message: `${name} reads $${used}, which this ENV sets`, at }];
          if (name) defined.push(name);
        }
        return [];
      }),
});

/** COPY to a relative path before any WORKDIR lands in `/` by accident (hadolint DL3045). */
export const dockerCopyRelativeDest = dockerRule({
  id: 'docker-copy-relative-dest',
  category: 'reliability',
  severity: 'WARNING',
  description: 'COPY to a relative destination needs a WORKDIR set first',
  fix: 'set WORKDIR before the COPY, or use an absolute destination',
  check: (doc) => {
    const out: DockerProblem[] = [];
    const hasWorkdir = new Map<number, boolean>();
    for (const s of doc.stages) {
      const parent = doc.stages.find((p) => p.name && p.name === s.image.toLowerCase());
      let workdir = parent ? (hasWorkdir.get(parent.index) ?? false) : false;
      for (const i of s.instructions) {
        if (i.keyword === 'WORKDIR') workdir = true;
        if (i.keyword !== 'COPY' || workdir || i.json) continue;
        const dest = i.args[i.args.length - 1] ?? '';
        if (i.args.length >= 2 && !/^(\/|\$|[A-Za-z]:[\\/])/.test(dest)) {
          out.push({ message: `COPY to ${dest} with no WORKDIR set`, at: i });
        }
      }
      hasWorkdir.set(s.index, workdir);
    }
    return out;
  },
});

/** Label keys follow the reverse-DNS convention: lower case, digits, `.` and `-` (hadolint DL3048). */
export const dockerLabelKey = dockerRule({
  id: 'docker-label-key',
  category: 'reliability',
  severity: 'INFO',
  description: 'LABEL keys must be valid (lower-case alphanumerics, dots and dashes, not com.docker.* or io.docker.*)',
  fix: 'rename the label, e.g. org.opencontainers.image.source',
  check: (doc) =>
    doc.instructions
      .filter((i) => i.keyword === 'LABEL')
      .flatMap((at) =>
        [...at.text.matchAll(/(?:^|\s)("[^"]*"|[^\s=]+)=/g)]
          .map((m) => (m[1] ?? '').replace(/^"|"$/g, ''))
          .filter(
            (k) =>
              !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(k) || /\.\.|--/.test(k) || /^(com|io|org)\.docker\./.test(k),
          )
          .map((k) => ({ message: `label key ${k} is not valid`, at })),
      ),
});

/** Consecutive RUN instructions each add a layer (hadolint DL3059). */
export const dockerConsecutiveRun = dockerRule({
  id: 'docker-consecutive-run',
  category: 'efficiency',
  severity: 'INFO',
  description: 'Consecutive RUN instructions should be joined',
  fix: 'join the commands with && in one RUN',
  check: (doc) => {
    const out: DockerProblem[] = [];
    let previous: DockerInstruction | undefined;
    for (const i of doc.instructions) {
      // RUN --mount / --network flags differ per RUN, so those are not joined.
      if (i.keyword === 'RUN' && previous?.keyword === 'RUN' && i.flags.size === 0 && previous.flags.size === 0) {
        out.push({ message: 'a RUN right after another RUN', at: i });
      }
      previous = i;
    }
    return out;
  },
});

/** The first instruction must be FROM (ARG, comments and parser directives may come before) (hadolint DL3061). */
export const dockerFromFirst = dockerRule({
  id: 'docker-from-first',
  category: 'reliability',
  severity: 'ERROR',
  description: 'A Dockerfile must begin with FROM (after ARG instructions)',
  fix: 'move the instruction after FROM',
  check: (doc) => {
    const first = doc.instructions.find((i) => i.keyword !== 'ARG');
    return first && first.keyword !== 'FROM' ? [{ message: `${first.keyword} before the first FROM`, at: first }] : [];
  },
});
