import { useMutation } from '@tanstack/react-query';
import { type ChangeEvent, useId, useState } from 'react';
import { useTRPC } from '../api/trpc.js';
import { Badge } from '../components/Badge.js';
import { Button } from '../components/Button.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { PageHeading } from '../components/PageHeading.js';
import { Panel } from '../components/Panel.js';
import { AnnotatedSource } from './AnnotatedSource.js';

const input =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm dark:border-slate-600 dark:bg-slate-900';

/**
 * Validates pasted or uploaded Kubernetes YAML, Dockerfiles or chart files (`manifests.validate`) and shows every
 * finding at its line.
 */
export function ValidatePage() {
  const trpc = useTRPC();
  const ids = { path: useId(), content: useId(), upload: useId() };
  const [files, setFiles] = useState([{ path: 'deployment.yaml', content: '' }]);
  const validate = useMutation(trpc.manifests.validate.mutationOptions());
  const first = files[0] ?? { path: '', content: '' };
  const setFirst = (change: Partial<{ path: string; content: string }>) => setFiles([{ ...first, ...change }]);
  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    if (chosen.length === 0) return;
    setFiles(await Promise.all(chosen.map(async (file) => ({ path: file.name, content: await file.text() }))));
  };
  const report = validate.data;
  return (
    <>
      <PageHeading title="Validate">
        Paste or upload Kubernetes YAML, a Dockerfile or chart files; findings appear at their lines.
      </PageHeading>
      <div className="space-y-6">
        <Panel title="Input">
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              validate.mutate({ files });
            }}
          >
            <label htmlFor={ids.upload} className="block text-sm font-medium">
              Upload files
              <input id={ids.upload} type="file" multiple onChange={(e) => void upload(e)} className="mt-1 block" />
            </label>
            {files.length > 1 ? (
              <p className="text-sm">
                {files.length} files chosen: {files.map((f) => f.path).join(', ')}
              </p>
            ) : (
              <>
                <label htmlFor={ids.path} className="block text-sm font-medium">
                  File name (decides how it is read: *.yaml, Dockerfile, Chart.yaml)
                  <input
                    id={ids.path}
                    className={input}
                    value={first.path}
                    onChange={(e) => setFirst({ path: e.target.value })}
                  />
                </label>
                <label htmlFor={ids.content} className="block text-sm font-medium">
                  Content
                  <textarea
                    id={ids.content}
                    rows={12}
                    className={input}
                    value={first.content}
                    onChange={(e) => setFirst({ content: e.target.value })}
                  />
                </label>
              </>
            )}
            <Button type="submit" disabled={validate.isPending || files.every((f) => !f.content)}>
              {validate.isPending ? 'Validating…' : 'Validate'}
            </Button>
            <ErrorNotice error={validate.error} />
          </form>
        </Panel>
        {report ? (
          <Panel
            title="Result"
            actions={
              <Badge tone={report.valid ? 'good' : 'bad'}>
                {report.valid ? 'valid' : 'invalid'}: {report.summary.errors} errors, {report.summary.warnings}{' '}
                warnings, {report.summary.infos} notes
              </Badge>
            }
          >
            <div className="space-y-4">
              {files.map((file) => (
                <AnnotatedSource key={file.path} path={file.path} content={file.content} findings={report.findings} />
              ))}
            </div>
          </Panel>
        ) : null}
      </div>
    </>
  );
}
