import { InputError } from '@opspilot/core';
import { z } from 'zod';

const Loose = z.record(z.string(), z.unknown());
/** The parts of an OpenAPI 3.x (or Swagger 2.0) document an API reference page reads. */
export const OpenApiDocument = z
  .object({
    openapi: z.string().optional(),
    swagger: z.string().optional(),
    info: z.object({ title: z.string(), version: z.string(), description: z.string().optional() }).loose(),
    servers: z.array(z.object({ url: z.string() }).loose()).optional(),
    paths: z.record(z.string(), Loose).default({}),
    components: z
      .object({ schemas: z.record(z.string(), Loose).optional() })
      .loose()
      .optional(),
  })
  .loose()
  .refine((d) => d.openapi !== undefined || d.swagger !== undefined, {
    message: 'not an OpenAPI document (no openapi field)',
  });
export type OpenApiDocument = z.infer<typeof OpenApiDocument>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
type L = Record<string, unknown>;
const rec = (v: unknown): L => (v && typeof v === 'object' ? (v as L) : {});
const cell = (s: unknown) =>
  String(s ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');

function schemaName(schema: unknown): string {
  const s = rec(schema);
  if (typeof s.$ref === 'string') return s.$ref.split('/').pop() as string;
  if (s.type === 'array') return `${schemaName(s.items)}[]`;
  return String(s.type ?? 'object');
}

/**
 * An API reference page in Markdown from a service's OpenAPI document: title and servers, then per tag every
 * operation (method, path, summary, parameters table, request body and responses with their schema names), then
 * the component schemas with their properties. A document that is not OpenAPI is an InputError naming the field.
 * @see https://spec.openapis.org/oas/v3.1.0
 */
export function apiReference(input: unknown): string {
  const parsed = OpenApiDocument.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`not a usable OpenAPI document: ${issue?.path.join('.') || '(root)'} ${issue?.message}`, {
      hint: 'pass the JSON or YAML OpenAPI document the service publishes (e.g. /openapi.json)',
    });
  }
  const doc = parsed.data;
  const out = [`# ${doc.info.title} API reference`, '', `Version ${doc.info.version}.`, ''];
  if (doc.info.description) out.push(doc.info.description, '');
  if (doc.servers?.length) out.push('Servers:', ...doc.servers.map((s) => `- \`${s.url}\``), '');
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = rec(item[method]);
      if (!item[method]) continue;
      const tag = (Array.isArray(op.tags) && typeof op.tags[0] === 'string' ? op.tags[0] : 'default') as string;
      const lines = [`### \`${method.toUpperCase()} ${path}\``, ''];
      if (op.summary) lines.push(String(op.summary), '');
      if (op.description && op.description !== op.summary) lines.push(String(op.description), '');
      const params = [
        ...(Array.isArray(item.parameters) ? item.parameters : []),
        ...(Array.isArray(op.parameters) ? op.parameters : []),
      ].map(rec);
      if (params.length) {
        lines.push('| Parameter | In | Type | Required | Description |', '|---|---|---|---|---|');
        for (const p of params) {
          lines.push(
            `| ${cell(p.name ?? rec(p).$ref)} | ${cell(p.in)} | ${cell(schemaName(p.schema ?? { type: p.type }))} | ${p.required ? 'yes' : 'no'} | ${cell(p.description)} |`,
          );
        }
        lines.push('');
      }
      const body = rec(rec(rec(op.requestBody).content)['application/json']);
      if (op.requestBody) lines.push(`Request body: \`${schemaName(body.schema)}\``, '');
      const responses = Object.entries(rec(op.responses));
      if (responses.length) {
        lines.push('| Status | Description | Body |', '|---|---|---|');
        for (const [status, r] of responses) {
          const json = rec(rec(rec(r).content)['application/json']);
          lines.push(
            `| ${cell(status)} | ${cell(rec(r).description)} | ${json.schema ? `\`${schemaName(json.schema)}\`` : '—'} |`,
          );
        }
        lines.push('');
      }
      byTag.set(tag, [...(byTag.get(tag) ?? []), ...lines]);
    }
  }
  for (const [tag, lines] of [...byTag].sort(([a], [b]) => a.localeCompare(b))) out.push(`## ${tag}`, '', ...lines);
  const schemas = Object.entries(doc.components?.schemas ?? {});
  if (schemas.length) {
    out.push('## Schemas', '');
    for (const [name, schema] of schemas) {
      const required = new Set(Array.isArray(schema.required) ? schema.required : []);
      out.push(`### ${name}`, '', '| Property | Type | Required |', '|---|---|---|');
      for (const [prop, s] of Object.entries(rec(schema.properties))) {
        out.push(`| ${cell(prop)} | ${cell(schemaName(s))} | ${required.has(prop) ? 'yes' : 'no'} |`);
      }
      out.push('');
    }
  }
  return out.join('\n');
}
