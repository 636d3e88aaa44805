import { dockerRule, runCommands } from '../dockerRule.js';

/**
 * Package-manager hygiene beyond apt, apk, pip and npm: non-interactive installs, pinned versions (reported once
 * per RUN, as hadolint does), caches cleaned in the same layer, no distribution upgrades.
 * @see https://github.com/hadolint/hadolint#rules
 */

const RPM = /^(yum|dnf|microdnf)$/;
const installArgs = (c: string[]) => c.slice(c.findIndex((w) => w === 'install' || w === 'in') + 1);
const packages = (c: string[]) =>
  installArgs(c).filter((w) => !w.startsWith('-') && !w.startsWith('$') && !w.includes('/'));

/** yum, dnf and microdnf need `-y`, zypper `-n` (hadolint DL3030, DL3038, DL3034). */
export const dockerInstallNonInteractive = dockerRule({
  id: 'docker-install-non-interactive',
  category: 'reliability',
  severity: 'WARNING',
  description: 'yum/dnf install must use -y and zypper install -n, or the build waits for an answer',
  fix: 'add -y (yum, dnf, microdnf) or -n / --non-interactive (zypper)',
  check: (doc) =>
    runCommands(doc).flatMap(({ ins, commands }) =>
      commands.flatMap((c) => {
        const tool = c[0] ?? '';
        if (RPM.test(tool) && c.includes('install') && tool !== 'microdnf') {
          return c.some((w) => w === '--assumeyes' || /^-[a-zA-Z]*y[a-zA-Z]*$/.test(w))
            ? []
            : [{ message: `${tool} install has no -y`, at: ins }];
        }
        if (tool === 'zypper' && (c.includes('install') || c.includes('in'))) {
          return c.some((w) => w === '-n' || w === '--non-interactive' || w === '-y' || w === '--no-confirm')
            ? []
            : [{ message: 'zypper install has no -n', at: ins }];
        }
        return [];
      }),
    ),
});

/** yum, dnf, zypper and gem installs must pin versions, reported once per RUN (hadolint DL3033, DL3041, DL3037, DL3028). */
export const dockerOtherPinVersions = dockerRule({
  id: 'docker-other-pin-versions',
  category: 'reliability',
  severity: 'WARNING',
  description: 'yum, dnf, zypper and gem installs must pin package versions',
  fix: 'pin each package: yum install httpd-2.4.6, zypper install httpd=2.4.46, gem install bundler:2.5.6',
  check: (doc) =>
    runCommands(doc).flatMap(({ ins, commands }) => {
      const unpinned = commands.flatMap((c) => {
        const tool = c[0] ?? '';
        if (
          (RPM.test(tool) || tool === 'zypper') &&
          (c.includes('install') || (tool === 'zypper' && c.includes('in')))
        ) {
          return packages(c).filter((p) => !/-\d|[=<>]/.test(p) && !p.endsWith('.rpm'));
        }
        if (tool === 'gem' && c.includes('install')) {
          const versioned = c.includes('-v') || c.includes('--version') || c.some((w) => w.startsWith('--version='));
          return versioned ? [] : packages(c).filter((p) => !p.includes(':'));
        }
        return [];
      });
      return unpinned.length > 0
        ? [{ message: `packages not pinned to a version: ${unpinned.join(', ')}`, at: ins }]
        : [];
    }),
});

/** zypper's cache stays in the layer unless cleaned (hadolint DL3036); yarn's too (DL3060). */
export const dockerCacheClean = dockerRule({
  id: 'docker-cache-clean',
  category: 'efficiency',
  severity: 'INFO',
  description: 'RUN with zypper install or yarn install must clean the cache in the same layer',
  fix: 'end the RUN with && zypper clean (or && yarn cache clean)',
  check: (doc) =>
    runCommands(doc).flatMap(({ ins, commands }) => {
      const out = [];
      const zypper = commands.some((c) => c[0] === 'zypper' && (c.includes('install') || c.includes('in')));
      if (zypper && !commands.some((c) => c[0] === 'zypper' && (c.includes('clean') || c.includes('cc')))) {
        out.push({ message: 'the zypper cache is left in the layer', at: ins });
      }
      const yarn = commands.some((c) => c[0] === 'yarn' && (c.length === 1 || c.includes('install')));
      const mounted = ins.flags.has('mount');
      if (yarn && !mounted && !commands.some((c) => c[0] === 'yarn' && c[1] === 'cache' && c[2] === 'clean')) {
        out.push({ message: 'the yarn cache is left in the layer', at: ins });
      }
      return out;
    }),
});

/** A distribution upgrade in an image build pulls arbitrary package versions (hadolint DL3035). */
export const dockerNoDistUpgrade = dockerRule({
  id: 'docker-no-dist-upgrade',
  category: 'reliability',
  severity: 'WARNING',
  description: 'RUN must not run zypper dist-upgrade (update the base image instead)',
  fix: 'use a newer base image tag instead of upgrading the distribution in the build',
  check: (doc) =>
    runCommands(doc).flatMap(({ ins, commands }) =>
      commands.some((c) => c[0] === 'zypper' && (c.includes('dist-upgrade') || c.includes('dup')))
        ? [{ message: 'zypper dist-upgrade in the build', at: ins }]
        : [],
    ),
});
