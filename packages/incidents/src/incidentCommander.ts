import { type Incident, InputError, type LanguageModel } from '@opspilot/core';
import { z } from 'zod';
import type { IncidentDeps } from './incidentDeps.js';
import type { IncidentEngine } from './incidentEngine.js';
import { generatePostMortem } from './postmortem/generatePostMortem.js';
import { narratePostMortem, withNarrative } from './postmortem/narratePostMortem.js';
import { renderMarkdown } from './postmortem/renderMarkdown.js';
import { Cause, type RootCauseAnalysis } from './rca/cause.js';
import { collectEvidence, type EvidenceDeps } from './rca/collectEvidence.js';
import { rankCauses } from './rca/rankCauses.js';
import type { RunbookLibrary } from './runbooks/runbookLibrary.js';
import type { RunbookRunner } from './runbooks/runbookRunner.js';

/** What the commander composes: the engine, the evidence ports, the runbooks and their runner. */
export interface CommanderParts {
  deps: IncidentDeps;
  engine: IncidentEngine;
  evidence: EvidenceDeps;
  library: RunbookLibrary;
  runner: RunbookRunner;
  /** When configured, writes the post-mortem's summary from the timeline and evidence (else it is deterministic). */
  model?: LanguageModel;
}

const StoredAnalysis = z.object({ first_signal_at: z.string(), causes: z.array(Cause) });

/**
 * The incident commander (seed 004): on top of the engine's correlation and lifecycle, the root-cause analysis of an
 * incident (recorded on its timeline, the top cause as its `root_cause`), running the suggested runbook for it, and
 * its post-mortem (generated, stored in `incidents.post_mortem`, editable, rendered as HTML). Everything it changes is
 * on the timeline and in the audit trail.
 */
export function createIncidentCommander(parts: CommanderParts) {
  const { deps, engine } = parts;
  const now = () => deps.clock.now().toISOString();

  async function latestAnalysis(id: string): Promise<RootCauseAnalysis | undefined> {
    const entry = (await engine.timeline(id)).filter((a) => a.action_type === 'analysis').at(-1);
    const parsed = StoredAnalysis.safeParse(entry?.result);
    if (!entry || !parsed.success) return undefined;
    return { incident_id: id, analyzed_at: entry.performed_at, ...parsed.data };
  }

  async function executionsOf(id: string) {
    const found = await parts.runner.list({ incident_id: id }, { page_size: 100 });
    return Promise.all(
      found.items.map(async (e) => ({
        ...e,
        runbook_name: await parts.library.load(e.runbook_id).then(
          (l) => l.runbook.name,
          () => e.runbook_id,
        ),
      })),
    );
  }

  return {
    ...engine,
    runner: parts.runner,
    library: parts.library,
    latestAnalysis,
    executionsOf,

    /** Ranks the causes of an incident from fresh evidence, records them on its timeline and returns them. */
    async analyze(id: string, user = 'system', signal?: AbortSignal): Promise<RootCauseAnalysis> {
      const incident = await deps.records.get(id);
      const signals = (await engine.signalsOf(id)).map((h) => h.signal);
      const input = await collectEvidence(parts.evidence, incident, signals, signal);
      const causes = rankCauses(input);
      const analysis: RootCauseAnalysis = {
        incident_id: id,
        analyzed_at: now(),
        first_signal_at: input.firstSignalAt,
        causes,
      };
      const top = causes[0];
      await engine.record(id, {
        action_type: 'analysis',
        actor: user,
        status: 'SUCCEEDED',
        description: top
          ? `most likely cause: ${top.summary} (${Math.round(top.confidence * 100)}%), ${causes.length} candidate(s)`
          : 'no candidate cause found',
        result: { first_signal_at: input.firstSignalAt, causes: causes.slice(0, 10) },
      });
      if (top && !incident.root_cause) await deps.records.update(id, { root_cause: top.summary });
      await deps.audit.append({
        action: 'incident.analyzed',
        user_id: user,
        target: `incident/${id}`,
        cluster_id: incident.cluster_id,
        details: { incident_id: id, causes: causes.length, top: top?.id ?? null },
      });
      return analysis;
    },

    /**
     * Runs a runbook for an incident: the one named, or the one suggested by its top cause (with the cause's input,
     * overridden by `input`). Returns the execution as far as it got (usually AWAITING_APPROVAL at its first change).
     */
    async executeRunbook(
      id: string,
      request: { user: string; runbook?: string; input?: Record<string, string | number | boolean> },
    ) {
      const incident: Incident = await deps.records.get(id);
      const suggested = (await latestAnalysis(id))?.causes.find((c) => c.runbook)?.runbook;
      const name = request.runbook ?? suggested?.name;
      if (!name) {
        throw new InputError(`no runbook suggested for incident ${id}`, {
          hint: 'analyze the incident first, or name a runbook (opspilot runbooks list)',
        });
      }
      const fromCause =
        suggested && suggested.name === name ? (suggested.input as Record<string, string | number | boolean>) : {};
      const execution = await parts.runner.start({
        runbook: name,
        input: { ...fromCause, ...(request.input ?? {}) },
        incident_id: incident.id,
        user: request.user,
      });
      if (incident.status === 'DETECTED')
        await engine.acknowledge(id, { user: request.user, note: `running runbook ${name}` });
      return execution;
    },

    /**
     * Generates (or regenerates) the post-mortem from the timeline, the analysis and the runbook runs, and stores it.
     * With a model configured its summary is the model's narrative of the same evidence (masked, as untrusted data);
     * without one, or when the model fails, the deterministic summary stays (the failure is on the timeline).
     */
    async generatePostMortem(id: string, user: string, signal?: AbortSignal) {
      const incident = await deps.records.get(id);
      const input = {
        incident,
        timeline: await engine.timeline(id),
        causes: (await latestAnalysis(id))?.causes ?? [],
        executions: await executionsOf(id),
      };
      let markdown = generatePostMortem(input);
      let how = 'generated';
      if (parts.model) {
        const narrative = await narratePostMortem(parts.model, input, signal);
        if ('text' in narrative) {
          markdown = withNarrative(markdown, narrative.text, parts.model.id);
          how = `generated, summary by ${parts.model.id}`;
        } else how = `generated (${parts.model.id} failed: ${narrative.error.slice(0, 200)})`;
      }
      return this.savePostMortem(id, markdown, user, 'generated', how);
    },

    /** Stores an edited post-mortem (Markdown). */
    async savePostMortem(
      id: string,
      markdown: string,
      user: string,
      how: 'generated' | 'edited' = 'edited',
      description: string = how,
    ) {
      if (!markdown.trim())
        throw new InputError('a post-mortem needs text', { hint: 'write it in Markdown, or generate it' });
      const incident = await deps.records.update(id, { post_mortem: markdown.slice(0, 200_000) });
      await engine.record(id, {
        action_type: 'postmortem',
        actor: user,
        status: 'SUCCEEDED',
        description: `post-mortem ${description}`,
      });
      await deps.audit.append({
        action: `incident.postmortem_${how}`,
        user_id: user,
        target: `incident/${id}`,
        cluster_id: incident.cluster_id,
        details: { incident_id: id, length: markdown.length, ...(description !== how ? { note: description } : {}) },
      });
      return { markdown: incident.post_mortem ?? '', html: renderMarkdown(incident.post_mortem ?? '') };
    },

    /** The stored post-mortem as Markdown and HTML (empty when none was written). */
    async postMortem(id: string) {
      const markdown = (await deps.records.get(id)).post_mortem ?? '';
      return { markdown, html: renderMarkdown(markdown) };
    },
  };
}

/** The commander built by {@link createIncidentCommander}. */
export type IncidentCommander = ReturnType<typeof createIncidentCommander>;
