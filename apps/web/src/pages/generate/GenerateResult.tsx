import { Link } from 'react-router';
import type { ApiOutputs } from '../../api/trpc.js';
import { Badge } from '../../components/Badge.js';
import { Panel } from '../../components/Panel.js';
import { AnnotatedSource } from '../AnnotatedSource.js';

type Generated = ApiOutputs['manifests']['generateProject'];

/**
 * What a generation produced: a verdict counting the generated files' findings and the services' own Dockerfiles',
 * each generated file with its findings at their lines, then each own Dockerfile (used, not generated) likewise.
 * The generated files are stored for review (as `opspilot generate` stores them): the page says so and links to the
 * Reviews page, where they wait (or are listed rejected when validation found an error).
 */
export function GenerateResult({ result }: { result: Generated }) {
  const { validation: v, own_dockerfiles: own } = result;
  const errors = v.summary.errors + (own?.validation.summary.errors ?? 0);
  const warnings = v.summary.warnings + (own?.validation.summary.warnings ?? 0);
  return (
    <>
      <Panel
        title="Generated files"
        actions={
          <span data-testid="generate-verdict">
            <Badge tone={result.valid ? 'good' : 'bad'}>
              {result.valid ? 'valid' : 'invalid'}: {errors} errors, {warnings} warnings
            </Badge>
          </span>
        }
      >
        <p className="mb-3 text-sm">
          {result.files.length} files for {result.project.apps.map((a) => a.name).join(', ')}
        </p>
        <ul aria-label="Generated files" className="mb-3 list-inside list-disc font-mono text-xs">
          {result.files.map((f) => (
            <li key={f.path}>{f.path}</li>
          ))}
        </ul>
        <div className="space-y-4">
          {result.files.map((f) => (
            <AnnotatedSource key={f.path} path={f.path} content={f.content} findings={v.findings} />
          ))}
        </div>
      </Panel>
      {result.stored.length > 0 ? (
        <Panel title="Review">
          <p className="mb-2 text-sm" data-testid="generate-review">
            {result.stored.filter((c) => c.state === 'NEEDS_REVIEW').length} of {result.stored.length} generated files
            sent for review
            {result.stored.some((c) => c.state === 'REJECTED') ? ' (files with a validation error rejected)' : ''}:{' '}
            <Link className="text-sky-700 underline dark:text-sky-400" to="/reviews">
              review them
            </Link>
          </p>
          <ul aria-label="Stored configurations" className="list-inside list-disc font-mono text-xs">
            {result.stored.map((c) => (
              <li key={c.id}>
                {c.path} — {c.state} ({c.id})
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}
      {own ? (
        <Panel
          title="Own Dockerfiles"
          actions={
            <Badge tone={own.validation.valid ? 'good' : 'bad'}>
              {own.validation.valid ? 'valid' : 'invalid'}: {own.validation.summary.errors} errors
            </Badge>
          }
        >
          <p className="mb-3 text-sm">Used as they are to build their services: validated, not generated.</p>
          <div className="space-y-4" data-testid="own-dockerfiles">
            {own.files.map((f) => (
              <AnnotatedSource key={f.path} path={f.path} content={f.content} findings={own.validation.findings} />
            ))}
          </div>
        </Panel>
      ) : null}
    </>
  );
}
