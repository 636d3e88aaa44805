import { NotFoundError, systemClock } from '@opspilot/core';
import { type SecurityFinding, scanCluster, scanFromRow, securityFix } from '@opspilot/security';
import type { Store } from '@opspilot/store';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { withStore } from '../openCliStore.js';
import { reviewActor } from './reviewActor.js';
import { runSecurityPlan } from './securityOperation.js';

const FixOptions = z.object({
  yes: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  user: z.string().optional(),
});

/** The findings of the latest stored scan of the cluster (the CLI's store). */
async function storedFindings(store: Store): Promise<SecurityFinding[]> {
  const [row] = (await store.securityScans.list({ scan_type: 'KUBERNETES' }, { page_size: 1 })).items;
  if (!row) return [];
  const rows = [];
  for (let page = 1; ; page++) {
    const found = await store.securityFindings.list({ scan_id: row.id }, { page, page_size: 100 });
    rows.push(...found.items);
    if (page >= found.total_pages) break;
  }
  return scanFromRow(row, rows).findings;
}

/**
 * The finding `wanted` names: its id (`check:Kind/ns/name:path`), or `check` plus the object
 * (`pod-host-network deployment/shop/api`), or only the object when it has one finding.
 */
export function pickSecurityFinding(findings: SecurityFinding[], wanted: string): SecurityFinding[] {
  const exact = findings.filter((f) => f.id === wanted);
  if (exact.length > 0) return exact;
  const words = wanted.trim().split(/\s+/);
  const object = words.at(-1)!.toLowerCase();
  const check = words.length > 1 ? words[0] : undefined;
  return findings.filter((f) => {
    const ref = [f.object.kind.toLowerCase(), f.object.namespace, f.object.name].filter(Boolean).join('/');
    const short = `${f.object.kind.toLowerCase()}/${f.object.name}`;
    return (!check || f.check === check) && (ref === object || short === object || f.object.name === object);
  });
}

/**
 * Registers `opspilot security fix FINDING`: the remediation of a posture finding (patch a securityContext or pod
 * field, add a default-deny NetworkPolicy, drop a cluster-admin binding) as an operation through review — shown with
 * its diff, applied after approval (`--yes` or the prompt) and verified, audited as `security.fix.proposed`.
 */
export function securityFixCommand(parent: Command, ctx: CliContext): Command {
  return parent
    .command('fix')
    .description('fix a security finding through review: the patch, its diff, approval, apply and verify')
    .argument(
      '<finding...>',
      'a finding id (opspilot security findings -o json), or "CHECK kind/ns/name", or the object',
    )
    .option('-y, --yes', 'approve the fix without asking')
    .option('--dry-run', 'show the fix and its diff, change nothing')
    .option('--user <name>', 'who fixes, for the audit log (default OPSPILOT_USER or the OS user)')
    .action(async (words: string[], raw: unknown, command: Command) => {
      const options = FixOptions.parse(raw);
      const wanted = words.join(' ');
      const config = await ctx.loadConfig(command);
      const gateway = openGateway(config, ctx.io);
      const user = reviewActor(options.user, ctx.io.env);
      try {
        await withStore(config, ctx.io.cwd, async (store) => {
          let matches = pickSecurityFinding(await storedFindings(store), wanted);
          if (matches.length === 0) {
            const scan = await scanCluster(gateway, {
              cluster: gateway.config.cluster || gateway.config.context,
              clock: ctx.io.clock ?? systemClock,
              ...(config.kube.namespace ? { namespace: config.kube.namespace } : {}),
            });
            matches = pickSecurityFinding(scan.findings, wanted);
          }
          const finding = matches.find((f) => f.fix) ?? matches[0];
          if (!finding)
            throw new NotFoundError(`no security finding ${wanted}`, {
              hint: 'list them with `opspilot security findings` (or scan again with `opspilot security scan`)',
            });
          const ref = {
            kind: finding.object.kind,
            name: finding.object.name,
            ...(finding.object.namespace ? { namespace: finding.object.namespace } : {}),
          };
          const live = await gateway.get(ref);
          if (!live) throw new NotFoundError(`the object of ${finding.id} is gone`, { hint: 'scan again' });
          const fix = securityFix(finding, live);
          if (!fix)
            throw new NotFoundError(`no automatic fix for ${finding.check}`, { hint: `by hand: ${finding.fix}` });
          await runSecurityPlan(
            ctx,
            command,
            store,
            gateway,
            {
              request: `fix ${finding.id}`,
              summary: fix.summary,
              steps: fix.steps,
              assumptions: [
                `fixes ${finding.check} on ${finding.object.kind}/${finding.object.name}`,
                ...finding.evidence,
              ],
              planner: `security:${finding.check}`,
            },
            {
              ...options,
              user,
              audit: {
                action: 'security.fix.proposed',
                target: `${finding.object.kind.toLowerCase()}/${finding.object.name}`,
                details: { finding: finding.id },
              },
            },
          );
        });
      } finally {
        gateway.close();
      }
    });
}
