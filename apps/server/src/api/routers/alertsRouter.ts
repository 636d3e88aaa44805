import { Alert, AlertSeverity, AlertState, InputError, NotFoundError, Timestamp } from '@opspilot/core';
import {
  AlertmanagerStatus,
  AlertQuery,
  alertFirings,
  createAlertmanagerAlertSource,
  GettableSilence,
  matchesAlert,
  parseLabelPairs,
} from '@opspilot/observe';
import { StoredAlertEvent } from '@opspilot/store';
import { z } from 'zod';
import { canSeeCluster, type Principal } from '../../auth/principal.js';
import { alertmanagerOf } from '../../observe/alertmanagerOf.js';
import { ListParam, NoInput, PageInput, pageInMemory, pageOf } from '../apiSchemas.js';
import type { ApiServices } from '../apiServices.js';
import { audit, procedureFor, router } from '../trpc.js';
import { SilenceInput, silenceRequestOf } from './silenceRequest.js';

/** Stored alerts read per list request at most; the answer says when the window was cut. */
export const MAX_ALERTS_SCANNED = 5_000;

const ListInput = z.object({
  ...PageInput,
  cluster_id: z.uuid().optional(),
  state: ListParam(AlertState),
  severity: ListParam(AlertSeverity),
  /** `name=value` pairs (comma-separated in a query string); every one must match. */
  label: ListParam(z.string().min(1).max(1024)),
  alertname: z.string().min(1).max(256).optional(),
  since: Timestamp.optional(),
  until: Timestamp.optional(),
});

const visible = (principal: Principal) => (alert: Alert) =>
  alert.cluster_id ? canSeeCluster(principal, alert.cluster_id) : principal.clusterIds === 'all';

function queryOf(input: z.infer<typeof ListInput>): AlertQuery {
  const labels = parseLabelPairs(input.label);
  if ('error' in labels) throw new InputError(labels.error, { hint: 'give labels as name=value, e.g. namespace=todo' });
  return AlertQuery.parse({
    cluster_ids: input.cluster_id ? [input.cluster_id] : [],
    states: input.state,
    severities: input.severity,
    labels: labels.labels,
    alertname: input.alertname,
    since: input.since,
    until: input.until,
  });
}

/** Stored alerts matching `query`, newest first, scanning at most {@link MAX_ALERTS_SCANNED}. */
async function storedAlerts(services: ApiServices, query: AlertQuery) {
  const filter = {
    cluster_id: query.cluster_ids[0],
    state: query.states.length === 1 ? query.states[0] : undefined,
    severity: query.severities.length === 1 ? query.severities[0] : undefined,
    alertname: query.alertname,
    starts_at: query.since || query.until ? { gte: query.since, lt: query.until } : undefined,
  };
  const found: Alert[] = [];
  let scanned = 0;
  for (let page = 1; scanned < MAX_ALERTS_SCANNED; page++) {
    const result = await services.store.alerts.list(filter, { page, page_size: 100 });
    scanned += result.items.length;
    found.push(...result.items.filter((a) => matchesAlert(a, query)));
    if (page >= result.total_pages) return { found, truncated: false };
  }
  return { found, truncated: true };
}

/** One firing of an alert in its history: from its start to its resolution. */
export const AlertFiringOut = z.object({
  number: z.number().int().min(1),
  started_at: Timestamp,
  ended_at: Timestamp.optional(),
  duration_seconds: z.number().int().min(0).optional(),
  state: z.enum(['FIRING', 'RESOLVED']),
});

/** The firing history of one alert: its transitions (oldest first) and the firings they make. */
export const AlertHistory = z.object({
  alert: Alert,
  events: z.array(StoredAlertEvent),
  firings: z.array(AlertFiringOut),
});

/**
 * Alerts (seed 003 §3.9): the alerts opspilot stored from Alertmanager's webhook, listed and filtered by cluster,
 * state, severity, labels, name and time; the live alerts, silences and status of the configured Alertmanager
 * (`alertmanager.url`); creating and expiring silences (OPERATOR, audited). Per-cluster grants apply.
 */
export const alertsRouter = router({
  list: procedureFor('VIEWER')
    .meta({
      openapi: { method: 'GET', path: '/alerts', tags: ['alerts'], protect: true, summary: 'List stored alerts' },
    })
    .input(ListInput)
    .output(pageOf(Alert).extend({ truncated: z.boolean() }))
    .query(async ({ ctx, input }) => {
      const { found, truncated } = await storedAlerts(ctx.services, queryOf(input));
      return { ...pageInMemory(found.filter(visible(ctx.principal)), input.page, input.page_size), truncated };
    }),

  get: procedureFor('VIEWER')
    .meta({
      openapi: { method: 'GET', path: '/alerts/{id}', tags: ['alerts'], protect: true, summary: 'Get a stored alert' },
    })
    .input(z.object({ id: z.uuid() }))
    .output(Alert)
    .query(async ({ ctx, input }) => {
      const alert = await ctx.services.store.alerts.find(input.id);
      if (!alert || !visible(ctx.principal)(alert)) {
        throw new NotFoundError(`alert ${input.id} not found`, { hint: 'list the alerts to see their ids' });
      }
      return alert;
    }),

  history: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'GET',
        path: '/alerts/{alert}/history',
        tags: ['alerts'],
        protect: true,
        summary: 'Firing history of a stored alert (every fire, resolve and re-fire)',
      },
    })
    .input(
      z.object({
        /** The alert's id, its Alertmanager fingerprint, or its name when one alert has it. */
        alert: z.string().min(1).max(256),
        cluster_id: z.uuid().optional(),
      }),
    )
    .output(AlertHistory)
    .query(async ({ ctx, input }) => {
      const matching = (await ctx.services.store.alerts.matching(input.alert))
        .filter((a) => !input.cluster_id || a.cluster_id === input.cluster_id)
        .filter(visible(ctx.principal));
      const alert = matching[0];
      if (!alert) {
        throw new NotFoundError(`no alert ${input.alert}`, {
          hint: 'give an alert id, fingerprint or name from the alerts list',
        });
      }
      if (matching.length > 1) {
        const which = matching.map((a) => `${a.fingerprint} (${a.cluster_name ?? 'no cluster'})`).join(', ');
        throw new InputError(`${matching.length} alerts match ${input.alert}: ${which}`, {
          hint: 'give the fingerprint or id of one of them',
        });
      }
      const events = await ctx.services.store.alerts.history(alert.id);
      return { alert, events, firings: alertFirings(events) };
    }),

  live: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'GET',
        path: '/alertmanager/alerts',
        tags: ['alerts'],
        protect: true,
        summary: 'Live alerts of Alertmanager',
      },
    })
    .input(z.object({ state: ListParam(AlertState), severity: ListParam(AlertSeverity) }))
    .output(z.array(Alert))
    .query(async ({ ctx, input, signal }) => {
      const page = await ctx.services.store.clusters.list({}, { page_size: 100 });
      const ids = new Map(page.items.map((c) => [c.name, c.id]));
      const source = createAlertmanagerAlertSource(alertmanagerOf(ctx.services), (name) => ids.get(name));
      const alerts = await source.list({ states: input.state, severities: input.severity }, signal);
      return alerts.filter(visible(ctx.principal));
    }),

  silences: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'GET',
        path: '/alertmanager/silences',
        tags: ['alerts'],
        protect: true,
        summary: 'Silences in Alertmanager',
      },
    })
    .input(NoInput)
    .output(z.array(GettableSilence))
    .query(({ ctx, signal }) => alertmanagerOf(ctx.services).silences({ signal })),

  silence: procedureFor('OPERATOR')
    .meta({
      openapi: {
        method: 'POST',
        path: '/alertmanager/silences',
        tags: ['alerts'],
        protect: true,
        summary: 'Create a silence',
      },
    })
    .input(SilenceInput)
    .output(z.object({ silence_id: z.string(), matchers: z.array(z.string()), ends_at: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const alert = input.alert_id ? await ctx.services.store.alerts.find(input.alert_id) : undefined;
      if (input.alert_id && (!alert || !visible(ctx.principal)(alert))) {
        throw new NotFoundError(`alert ${input.alert_id} not found`, { hint: 'list the alerts to see their ids' });
      }
      // Alertmanager checks the times against its own wall clock, not the server's (possibly simulated) one.
      const request = silenceRequestOf(input, alert, ctx.principal.user.username, new Date());
      const id = await alertmanagerOf(ctx.services).createSilence(request.silence);
      await audit(ctx, {
        action: 'alerts.silence',
        target: `silence:${id}`,
        cluster_id: alert?.cluster_id,
        details: { matchers: request.matchers, ends_at: request.silence.endsAt, comment: input.comment },
      });
      return { silence_id: id, matchers: request.matchers, ends_at: request.silence.endsAt };
    }),

  expireSilence: procedureFor('OPERATOR')
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/alertmanager/silences/{id}',
        tags: ['alerts'],
        protect: true,
        summary: 'Expire a silence',
      },
    })
    .input(z.object({ id: z.string().min(1).max(64) }))
    .output(z.object({ expired: z.string() }))
    .mutation(async ({ ctx, input }) => {
      await alertmanagerOf(ctx.services).expireSilence(input.id);
      await audit(ctx, { action: 'alerts.expire_silence', target: `silence:${input.id}`, details: {} });
      return { expired: input.id };
    }),

  status: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'GET',
        path: '/alertmanager/status',
        tags: ['alerts'],
        protect: true,
        summary: 'Alertmanager status',
      },
    })
    .input(NoInput)
    .output(AlertmanagerStatus)
    .query(({ ctx, signal }) => alertmanagerOf(ctx.services).status(signal)),
});
