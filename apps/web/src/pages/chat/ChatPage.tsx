import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { csrfHeaders } from '../../api/csrfHeaders.js';
import { useTRPC } from '../../api/trpc.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Panel } from '../../components/Panel.js';
import { ChatClusterSelect } from './ChatClusterSelect.js';
import { ChatTranscript } from './ChatTranscript.js';
import { applyFrame, type ChatItem } from './chatItems.js';
import { readEventStream } from './readEventStream.js';

const field =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 font-normal dark:border-slate-600 dark:bg-slate-900';

/**
 * Chat with opspilot: pick a persona and a cluster (or the persona's default: its default cluster or every cluster
 * you may see), ask; the answer streams in, tool calls show collapsed (open one for its input and output), and an
 * operation the assistant proposed shows inline with its plan, diff and review — approve it right there. Changing persona or cluster starts a new conversation.
 */
export function ChatPage() {
  const trpc = useTRPC();
  const personaId = useId();
  const questionId = useId();
  const personas = useQuery(trpc.chat.personas.queryOptions({}));
  const [persona, setPersona] = useState('sre-oncall');
  const [clusterId, setClusterId] = useState('');
  const [sessionId, setSessionId] = useState<string | undefined>();
  const [items, setItems] = useState<ChatItem[]>([]);
  const [question, setQuestion] = useState('');
  const [streaming, setStreaming] = useState(false);
  const [failure, setFailure] = useState<Error | undefined>();
  const start = useMutation(trpc.chat.start.mutationOptions());
  const reset = () => {
    setSessionId(undefined);
    setItems([]);
  };

  const send = async (text: string) => {
    setFailure(undefined);
    setStreaming(true);
    setItems((now) => [...now, { kind: 'user', text }]);
    try {
      const id =
        sessionId ?? (await start.mutateAsync({ persona_id: persona, cluster_ids: clusterId ? [clusterId] : [] })).id;
      setSessionId(id);
      const response = await fetch(`/api/chat/sessions/${id}/stream`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', ...csrfHeaders(document.cookie) },
        body: JSON.stringify({ text }),
      });
      if (!response.ok || !response.body) throw new Error(`the answer failed (HTTP ${response.status})`);
      await readEventStream(response.body, (frame) => setItems((now) => applyFrame(now, frame)));
    } catch (error) {
      setFailure(error as Error);
    } finally {
      setStreaming(false);
    }
  };

  const current = personas.data?.items.find((p) => p.id === persona);
  return (
    <>
      <PageHeading title="Chat">Ask about your clusters. Changes are only proposed; you approve them.</PageHeading>
      <div className="space-y-6">
        <Panel title="Conversation">
          <div className="mb-4 flex flex-wrap items-end gap-3">
            <label htmlFor={personaId} className="flex flex-col gap-1 text-sm font-medium">
              Persona
              <select
                id={personaId}
                className={field}
                value={persona}
                onChange={(e) => {
                  setPersona(e.target.value);
                  reset();
                }}
              >
                {personas.data?.items.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <ChatClusterSelect
              className={field}
              value={clusterId}
              onChange={(id) => {
                setClusterId(id);
                reset();
              }}
            />
            {sessionId ? (
              <Button variant="secondary" onClick={reset} disabled={streaming}>
                New conversation
              </Button>
            ) : null}
          </div>
          {current ? (
            <p className="mb-4 text-sm text-slate-600 dark:text-slate-300" data-testid="persona-traits">
              {current.description}
              {current.description ? ' · ' : ''}
              Tone: {current.tone} · Clusters:{' '}
              {clusterId
                ? 'the one chosen'
                : current.scope === 'all-clusters'
                  ? 'every cluster you may see'
                  : 'your default cluster'}
            </p>
          ) : null}
          <ChatTranscript items={items} streaming={streaming} />
          <form
            className="mt-4 flex flex-wrap items-end gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              const text = question.trim();
              if (!text || streaming) return;
              setQuestion('');
              void send(text);
            }}
          >
            <label htmlFor={questionId} className="flex min-w-64 flex-1 flex-col gap-1 text-sm font-medium">
              Your question
              <input
                id={questionId}
                className={field}
                placeholder="what is wrong in namespace todo?"
                value={question}
                onChange={(e) => setQuestion(e.target.value)}
              />
            </label>
            <Button type="submit" disabled={streaming || !question.trim()}>
              {streaming ? 'Answering…' : 'Send'}
            </Button>
          </form>
          <ErrorNotice error={failure ?? start.error ?? personas.error} />
        </Panel>
      </div>
    </>
  );
}
