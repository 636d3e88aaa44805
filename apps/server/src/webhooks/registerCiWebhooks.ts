import { createHash } from 'node:crypto';
import { type CiProvider, ConflictError, InputError, type NewCiRun } from '@opspilot/core';
import {
  githubRunOf,
  gitlabRunOf,
  linkLateRun,
  recordRun,
  verifyGithubSignature,
  verifyGitlabToken,
} from '@opspilot/delivery';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { UnauthenticatedError } from '../api/apiError.js';
import type { ApiServices } from '../api/apiServices.js';
import { publishAudit } from '../events/publishAudit.js';

/** Paths of the CI webhook receivers. */
export const GITHUB_WEBHOOK_PATH = '/api/webhooks/github';
export const GITLAB_WEBHOOK_PATH = '/api/webhooks/gitlab';

const MAX_BODY_BYTES = 5 * 1024 * 1024;
const Query = z.object({
  source: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
    .default('default'),
});

const header = (request: FastifyRequest, name: string): string | undefined => {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

interface Delivered {
  provider: CiProvider;
  event: string;
  deliveryId: string;
  parse: (body: unknown) => ReturnType<typeof githubRunOf>;
}

async function accept(services: ApiServices, request: FastifyRequest, provider: CiProvider): Promise<Delivered> {
  const query = Query.safeParse(request.query ?? {});
  if (!query.success) {
    throw new InputError('?source= must be a lowercase name (letters, digits, dashes)', { hint: 'e.g. ?source=acme' });
  }
  const source = query.data.source;
  const raw = typeof request.body === 'string' ? request.body : '';
  const secret = await services.store.webhookSecrets.reveal(provider, source);
  const kind = provider === 'GITHUB' ? 'github' : 'gitlab';
  if (secret === undefined) {
    throw new UnauthenticatedError(
      `no ${kind} webhook secret is configured for source '${source}': set one with opspilot runs secret set ${kind}${source === 'default' ? '' : ` --source ${source}`}`,
    );
  }
  const verified =
    provider === 'GITHUB'
      ? verifyGithubSignature(secret, raw, header(request, 'x-hub-signature-256'))
      : verifyGitlabToken(secret, header(request, 'x-gitlab-token'));
  if (!verified.ok) {
    services.logger.warn({ provider, source, reason: verified.error.reason }, 'refused a CI webhook');
    throw new UnauthenticatedError(`${verified.error.message}; the delivery was not stored`);
  }
  const event = header(request, provider === 'GITHUB' ? 'x-github-event' : 'x-gitlab-event');
  if (!event) {
    throw new InputError(`the request has no ${provider === 'GITHUB' ? 'X-GitHub-Event' : 'X-Gitlab-Event'} header`, {
      hint: 'send the headers the CI system sends',
    });
  }
  const id =
    header(request, provider === 'GITHUB' ? 'x-github-delivery' : 'x-gitlab-event-uuid') ??
    header(request, 'idempotency-key') ??
    createHash('sha256').update(raw).digest('hex');
  return {
    provider,
    event,
    deliveryId: id.slice(0, 200),
    parse: (body) => (provider === 'GITHUB' ? githubRunOf(event, body) : gitlabRunOf(event, body)),
  };
}

async function ingest(services: ApiServices, request: FastifyRequest, provider: CiProvider) {
  const d = await accept(services, request, provider);
  let body: unknown;
  try {
    body = JSON.parse(String(request.body));
  } catch {
    throw new InputError('the webhook body is not JSON', {
      hint: 'configure the webhook with content type application/json',
    });
  }
  const parsed = d.parse(body);
  if (!parsed.ok) throw parsed.error;
  const key = `${provider}:${d.deliveryId}`;
  try {
    await services.store.webhookDeliveries.create({ id: key, provider, event: d.event });
  } catch (error) {
    if (error instanceof ConflictError) return { status: 200, body: { duplicate: true, delivery: d.deliveryId } };
    throw error;
  }
  const run: NewCiRun | undefined = parsed.value;
  if (!run) {
    await publishAudit(services, {
      user_id: `webhook:${provider.toLowerCase()}`,
      action: 'delivery.webhook.ignored',
      target: `webhook/${provider.toLowerCase()}/${d.deliveryId}`,
      details: { event: d.event },
    });
    return { status: 202, body: { ignored: true, event: d.event, delivery: d.deliveryId } };
  }
  const deps = { records: services.store, events: services.bus, now: () => services.clock.now() };
  const recorded = await recordRun(deps, run);
  await services.store.webhookDeliveries.update(key, { run_id: recorded.run.id });
  const user_id = `webhook:${provider.toLowerCase()}`;
  await publishAudit(services, {
    user_id,
    action: recorded.created ? 'delivery.run.created' : 'delivery.run.updated',
    target: `pipeline_run/${recorded.run.id}`,
    details: {
      event: d.event,
      delivery: d.deliveryId,
      run_key: recorded.run.run_key,
      status: recorded.run.status,
      ...(recorded.run.commit_sha ? { commit_sha: recorded.run.commit_sha } : {}),
      ...(recorded.merged_kind ? { merged_kind: recorded.merged_kind, suite_key: recorded.run.suite_key ?? null } : {}),
      ...(recorded.folded_run_id ? { folded_run_id: recorded.folded_run_id } : {}),
    },
  });
  const linked = await linkLateRun(deps, recorded.run);
  for (const l of linked) {
    await publishAudit(services, {
      user_id,
      action: 'delivery.deployment.linked',
      target: `deployment/${l.deployment.id}`,
      cluster_id: l.deployment.cluster_id,
      details: {
        run_id: recorded.run.id,
        link: l.deployment.link ?? null,
        workload: `${l.deployment.namespace}/${l.deployment.workload}`,
        ...(l.deployment.commit_sha ? { commit_sha: l.deployment.commit_sha } : {}),
        ...(l.previous_run_id ? { previous_run_id: l.previous_run_id } : {}),
      },
    });
  }
  return {
    status: 202,
    body: {
      run_id: recorded.run.id,
      status: recorded.run.status,
      created: recorded.created,
      delivery: d.deliveryId,
      ...(recorded.merged_kind ? { merged_kind: recorded.merged_kind } : {}),
      linked_deployments: linked.map((l) => l.deployment.id),
    },
  };
}

/**
 * `POST /api/webhooks/github[?source=NAME]` and `POST /api/webhooks/gitlab[?source=NAME]`: CI webhook receivers.
 * GitHub deliveries are verified by `X-Hub-Signature-256` (HMAC-SHA256 of the raw body), GitLab ones by
 * `X-Gitlab-Token`, against the source's sealed secret; a missing or wrong signature, or no configured secret, is 401
 * and nothing is stored. A delivery id seen before (`X-GitHub-Delivery`, `X-Gitlab-Event-UUID`) answers 200
 * `{duplicate: true}`. `workflow_run`, `check_suite`, `Pipeline Hook` and `Job Hook` create or update a run (202); a
 * `workflow_run` and the `check_suite` of the same run are one run. Deployments recorded before their run's webhook
 * came are linked to it then (`linked_deployments`, audited `delivery.deployment.linked`). Other events are accepted
 * and ignored. Every accepted delivery is audited.
 */
export function registerCiWebhooks(app: FastifyInstance, services: ApiServices): void {
  app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: MAX_BODY_BYTES }, (_r, body, done) =>
      done(null, body),
    );
    for (const [path, provider] of [
      [GITHUB_WEBHOOK_PATH, 'GITHUB'],
      [GITLAB_WEBHOOK_PATH, 'GITLAB'],
    ] as const) {
      scope.post(path, { bodyLimit: MAX_BODY_BYTES }, async (request, reply) => {
        const out = await ingest(services, request, provider);
        return reply.status(out.status).send(out.body);
      });
    }
  });
}
