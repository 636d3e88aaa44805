import type { ApiOutputs } from '../../api/trpc.js';
import { Badge } from '../../components/Badge.js';
import { Panel } from '../../components/Panel.js';
import { AnnotatedSource } from '../AnnotatedSource.js';

type Generated = ApiOutputs['manifests']['generateProject'];

/**
 * What a generation produced: a verdict counting the generated files' findings and the services' own Dockerfiles',
 * each generated file with its findings at their lines, then each own Dockerfile (used, not generated) likewise.
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
