import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted turn of the fake model: text, tool calls, or an HTTP error. */
export type FakeReply =
  | { text: string; toolCalls?: undefined }
  | { text?: string; toolCalls: { name: string; arguments: Record<string, unknown> }[] }
  | { status: number; message: string };

/** A request the fake received (the chat completions body). */
export interface FakeRequest {
  stream?: boolean;
  model: string;
  messages: { role: string; content: unknown; tool_calls?: unknown[]; tool_call_id?: string }[];
  tools?: { function: { name: string } }[];
}

const USAGE = { prompt_tokens: 300, completion_tokens: 20, total_tokens: 320 };

function chunk(n: number, delta: Record<string, unknown>, finish: string | null = null) {
  return {
    id: `chatcmpl-${n}`,
    object: 'chat.completion.chunk',
    created: 1767225600,
    model: 'gpt-4o-mini',
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
}

/** The reply as the SSE chunks OpenAI streams: text in pieces, tool-call arguments in pieces, usage last. */
function streamed(n: number, reply: Exclude<FakeReply, { status: number }>): string[] {
  const events: unknown[] = [chunk(n, { role: 'assistant', content: '' })];
  for (const piece of (reply.text ?? '').match(/.{1,12}/gs) ?? []) events.push(chunk(n, { content: piece }));
  (reply.toolCalls ?? []).forEach((call, index) => {
    const args = JSON.stringify(call.arguments);
    events.push(
      chunk(n, {
        tool_calls: [
          { index, id: `call_${n}_${index}`, type: 'function', function: { name: call.name, arguments: '' } },
        ],
      }),
    );
    for (const piece of args.match(/.{1,10}/gs) ?? []) {
      events.push(chunk(n, { tool_calls: [{ index, function: { arguments: piece } }] }));
    }
  });
  events.push(chunk(n, {}, reply.toolCalls?.length ? 'tool_calls' : 'stop'));
  events.push({ ...chunk(n, {}), choices: [], usage: USAGE });
  return [...events.map((e) => `data: ${JSON.stringify(e)}\n\n`), 'data: [DONE]\n\n'];
}

function completion(n: number, reply: Exclude<FakeReply, { status: number }>) {
  return {
    id: `chatcmpl-${n}`,
    object: 'chat.completion',
    created: 1767225600,
    model: 'gpt-4o-mini',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: reply.text ?? null,
          ...(reply.toolCalls?.length
            ? {
                tool_calls: reply.toolCalls.map((c, i) => ({
                  id: `call_${n}_${i}`,
                  type: 'function',
                  function: { name: c.name, arguments: JSON.stringify(c.arguments) },
                })),
              }
            : {}),
        },
        finish_reason: reply.toolCalls?.length ? 'tool_calls' : 'stop',
      },
    ],
    usage: USAGE,
  };
}

/**
 * A fake OpenAI-compatible endpoint on 127.0.0.1 speaking the chat completions wire format, streamed (SSE chunks,
 * tool-call arguments split across chunks, usage in the last chunk) or not, as the request asks. Replies follow the
 * script; the last one repeats (so a model that loops keeps calling tools).
 */
export async function startFakeOpenAi(script: FakeReply[]) {
  const requests: FakeRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      const request = JSON.parse(body) as FakeRequest;
      requests.push(request);
      const n = requests.length;
      const reply = script[Math.min(n - 1, script.length - 1)] ?? { status: 500, message: 'no reply scripted' };
      if ('status' in reply) {
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: reply.message, type: 'server_error', param: null, code: null } }));
        return;
      }
      if (!request.stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(completion(n, reply)));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      for (const event of streamed(n, reply)) res.write(event);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
