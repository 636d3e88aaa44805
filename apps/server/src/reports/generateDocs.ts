import { type Cluster, type GeneratedDoc, InputError, NotFoundError } from '@opspilot/core';
import {
  ARCHITECTURE_KINDS,
  apiReference,
  architectureGraph,
  architectureMermaid,
  BUILTIN_DOC_TEMPLATES,
  catalogueMarkdown,
  type DocToSave,
  renderArchitectureSvg,
  renderDocTemplate,
  runbookFromIncidents,
  saveDocVersion,
  serviceCatalogue,
} from '@opspilot/reports';
import type { ApiServices } from '../api/apiServices.js';
import { publishAudit } from '../events/publishAudit.js';

type Services = Pick<ApiServices, 'store' | 'bus' | 'clock' | 'logger' | 'gateways'>;

/** The template a document type uses: the one named (by id), else the built-in default. */
async function templateFor(services: Services, type: 'ARCHITECTURE' | 'RUNBOOK' | 'API', templateId?: string) {
  if (!templateId) return { template: BUILTIN_DOC_TEMPLATES[type], id: undefined };
  const template = await services.store.docTemplates.get(templateId);
  if (template.doc_type !== type) {
    throw new InputError(`template ${template.name} is for ${template.doc_type} documents, not ${type}`, {
      hint: 'pick a template of the same document type',
    });
  }
  return { template, id: template.id };
}

/**
 * Stores a generated document, versioned by title (and cluster): the first time as version 1; later the content it
 * replaces is kept in `generated_doc_versions` and the version is raised. Audited and announced (`DOC_GENERATED`).
 */
export async function saveGeneratedDoc(
  services: Services,
  doc: DocToSave,
  actor: { id: string; username?: string },
): Promise<GeneratedDoc> {
  const saved = await saveDocVersion(services.store, doc);
  await publishAudit(services, {
    user_id: actor.id,
    action: 'docs.generated',
    target: `doc/${saved.id}`,
    ...(saved.cluster_id ? { cluster_id: saved.cluster_id } : {}),
    details: {
      doc_type: saved.doc_type,
      version: saved.version,
      title: saved.title,
      ...(actor.username ? { username: actor.username } : {}),
    },
  });
  await services.bus
    .publish({
      event_type: 'DOC_GENERATED',
      ...(saved.cluster_id ? { cluster_id: saved.cluster_id } : {}),
      timestamp: services.clock.now().toISOString(),
      payload: { doc_id: saved.id, doc_type: saved.doc_type, version: saved.version, title: saved.title },
    })
    .catch((error: unknown) => services.logger.warn({ err: error }, 'publishing DOC_GENERATED failed'));
  return saved;
}

/** The architecture of a cluster or namespace read live through the cluster's gateway. */
export async function liveArchitecture(services: Services, cluster: Cluster, namespace?: string) {
  const gateway = await services.gateways.get(cluster.id);
  const snapshot = await gateway.snapshot({ kinds: [...ARCHITECTURE_KINDS], ...(namespace ? { namespace } : {}) });
  const graph = architectureGraph({ ...snapshot, cluster: cluster.name }, namespace);
  return { snapshot, graph };
}

/** Diagram export: Mermaid text or SVG of a live cluster or namespace. */
export async function exportDiagram(
  services: Services,
  cluster: Cluster,
  namespace: string | undefined,
  format: 'MERMAID' | 'SVG',
) {
  const { graph } = await liveArchitecture(services, cluster, namespace);
  return { graph, content: format === 'SVG' ? await renderArchitectureSvg(graph) : architectureMermaid(graph) };
}

/** Generates (or regenerates) the architecture document of a cluster or namespace: diagram and service catalogue. */
export async function generateArchitectureDoc(
  services: Services,
  cluster: Cluster,
  namespace: string | undefined,
  actor: { id: string; username?: string },
  templateId?: string,
) {
  const { snapshot, graph } = await liveArchitecture(services, cluster, namespace);
  const { template, id } = await templateFor(services, 'ARCHITECTURE', templateId);
  const scope = namespace ? `namespace ${namespace}` : `cluster ${cluster.name}`;
  const content = renderDocTemplate(template, {
    scope,
    cluster: cluster.name,
    generated_at: services.clock.now().toISOString(),
    mermaid: architectureMermaid(graph),
    catalogue: catalogueMarkdown(serviceCatalogue({ ...snapshot, cluster: cluster.name }, namespace, graph)),
  });
  return saveGeneratedDoc(
    services,
    {
      title: `Architecture of ${scope} (${cluster.name})`,
      doc_type: 'ARCHITECTURE',
      content,
      cluster_id: cluster.id,
      template_id: id,
      source_refs: [`cluster:${cluster.id}`, ...(namespace ? [`namespace:${namespace}`] : [])],
    },
    actor,
  );
}

/** Writes a runbook from resolved incidents and stores it. */
export async function generateRunbookDoc(
  services: Services,
  incidentIds: string[],
  actor: { id: string; username?: string },
  title?: string,
  templateId?: string,
) {
  const resolved = [];
  for (const id of incidentIds) {
    const incident = await services.store.incidents.find(id);
    if (!incident)
      throw new NotFoundError(`incident ${id} not found`, { hint: 'list incidents with `opspilot incidents`' });
    const timeline = (await services.store.incidents.listActions(id, { page_size: 100 })).items;
    resolved.push({ incident, timeline });
  }
  const { template, id } = await templateFor(services, 'RUNBOOK', templateId);
  const runbook = runbookFromIncidents(resolved, title);
  const content = renderDocTemplate(template, { runbook, generated_at: services.clock.now().toISOString() });
  return saveGeneratedDoc(
    services,
    {
      title: `Runbook: ${title ?? resolved[0]?.incident.title}`,
      doc_type: 'RUNBOOK',
      content,
      cluster_id: resolved[0]?.incident.cluster_id,
      template_id: id,
      source_refs: incidentIds.map((i) => `incident:${i}`),
    },
    actor,
  );
}

/** Writes an API reference page from an OpenAPI document and stores it. */
export async function generateApiDoc(
  services: Services,
  openapi: unknown,
  source: string,
  actor: { id: string; username?: string },
  templateId?: string,
) {
  const reference = apiReference(openapi);
  const { template, id } = await templateFor(services, 'API', templateId);
  const content = renderDocTemplate(template, { reference, generated_at: services.clock.now().toISOString(), source });
  const title = reference.split('\n')[0]?.replace(/^# /, '') ?? 'API reference';
  return saveGeneratedDoc(
    services,
    {
      title,
      doc_type: 'API',
      content,
      template_id: id,
      source_refs: [/^https?:\/\//.test(source) ? `url:${source}` : `file:${source.replace(/\s/g, '_') || 'openapi'}`],
    },
    actor,
  );
}
