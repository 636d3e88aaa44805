import type { ObjectRef, Operation } from '@opspilot/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTRPC } from '../../api/trpc.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Panel } from '../../components/Panel.js';
import { ClusterSelect } from '../ClusterSelect.js';
import { CostAskAnswer } from '../cost/CostAskAnswer.js';
import { PolicyAuditAnswer } from '../security/PolicyAuditAnswer.js';
import { MetricsAnswer } from './MetricsAnswer.js';
import { OperationList } from './OperationList.js';
import { OperationView } from './OperationView.js';
import { QuestionAnswer } from './QuestionAnswer.js';
import { UnsupportedAnswer } from './UnsupportedAnswer.js';

const EXAMPLES = ['scale backend to 3 replicas', 'restart deployment frontend', 'show pods in namespace todo'];

/**
 * Plain-English operations: type a request, get a plan with its risk, commands and diff, approve or reject it, and
 * watch it apply; a link may prefill the request and cluster. The planner's clarifying questions and refusals are shown with what it understood; picking one of a
 * question's candidates sends the same request again with the pick (`choices`), which the server plans for.
 */
export function AskPage() {
  const trpc = useTRPC();
  const requestId = useId();
  // `?cluster=…&request=…` (from the cluster browser's "Ask" links) prefills the form; nothing is sent until asked.
  const [params] = useSearchParams();
  const [request, setRequest] = useState(() => params.get('request') ?? '');
  const [clusterId, setClusterId] = useState(() => params.get('cluster') ?? '');
  const [operation, setOperation] = useState<Operation | undefined>();
  // The request as last sent, with the candidates picked so far: a pick resends it, never the pick's label.
  const [asked, setAsked] = useState<{ request: string; choices: ObjectRef[] }>({ request: '', choices: [] });
  const ask = useMutation(
    trpc.ops.ask.mutationOptions({
      onSuccess: (answer) => setOperation(answer.kind === 'operation' ? (answer.operation as Operation) : undefined),
    }),
  );
  // The server's copy, refreshed by PLAN_STATE_CHANGED events (e.g. when another approver acts on it).
  const latest = useQuery({
    ...trpc.ops.get.queryOptions({ id: operation?.id ?? '' }),
    enabled: operation !== undefined,
  });
  const shown =
    operation && latest.data?.id === operation.id && latest.data.updated_at > operation.updated_at
      ? latest.data
      : operation;
  const submit = (text: string, choices: ObjectRef[] = []) => {
    setRequest(text);
    setOperation(undefined);
    setAsked({ request: text, choices });
    ask.mutate({ request: text, cluster_id: clusterId, choices });
  };
  const answer = ask.data;
  return (
    <>
      <PageHeading title="Ask">Describe a change in plain English; nothing happens until it is approved.</PageHeading>
      <div className="space-y-6">
        <Panel title="Request">
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              if (request.trim() && clusterId) submit(request.trim());
            }}
          >
            <div className="flex flex-wrap items-end gap-3">
              <ClusterSelect value={clusterId} onChange={setClusterId} />
              <label htmlFor={requestId} className="flex min-w-64 flex-1 flex-col gap-1 text-sm font-medium">
                What should happen?
                <input
                  id={requestId}
                  name="request"
                  className="rounded-md border border-slate-300 bg-white px-3 py-2 font-normal dark:border-slate-600 dark:bg-slate-900"
                  placeholder={EXAMPLES[0]}
                  value={request}
                  onChange={(e) => setRequest(e.target.value)}
                />
              </label>
              <Button type="submit" disabled={ask.isPending || !request.trim() || !clusterId}>
                {ask.isPending ? 'Planning…' : 'Plan it'}
              </Button>
            </div>
            <p className="text-sm text-slate-600 dark:text-slate-300">Try: {EXAMPLES.join(' · ')}</p>
          </form>
          <ErrorNotice error={ask.error} />
        </Panel>
        {answer?.kind === 'question' ? (
          <QuestionAnswer
            answer={answer}
            onPick={(candidate) => submit(asked.request, [...asked.choices, candidate.ref])}
          />
        ) : null}
        {answer?.kind === 'unsupported' ? <UnsupportedAnswer answer={answer} onPick={(text) => submit(text)} /> : null}
        {answer?.kind === 'metrics' ? <MetricsAnswer answer={answer} /> : null}
        {answer?.kind === 'policy-audit' ? <PolicyAuditAnswer answer={answer} /> : null}
        {answer?.kind === 'cost' ? <CostAskAnswer answer={answer} /> : null}
        {shown ? <OperationView operation={shown} onChange={setOperation} /> : null}
        <OperationList
          onOpen={(opened) => {
            ask.reset();
            setOperation(opened);
          }}
        />
      </div>
    </>
  );
}
