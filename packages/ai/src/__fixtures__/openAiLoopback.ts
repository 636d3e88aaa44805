import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A chat-completions request as the loopback server received it. */
export interface ChatRequest {
  messages: { role: string; content: unknown; tool_call_id?: string }[];
  tools?: { function: { name: string } }[];
}

/** One answer: a tool call the model makes, or an HTTP error with an OpenAI error body. */
export type ChatReply = { call: { name: string; arguments: Record<string, unknown> } } | { status: number; message: string; code: string };

/** A loopback server on 127.0.0.1 speaking OpenAI's chat completions wire format from a script of replies. */
export async function startOpenAiLoopback(script: ChatReply[]) {
  const requests: ChatRequest[] = [];
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      bodies.push(body);
      requests.push(JSON.parse(body) as ChatRequest);
      const reply = script[Math.min(requests.length - 1, script.length - 1)];
      if (!reply || 'status' in reply) {
        res.writeHead(reply?.status ?? 500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: reply?.message ?? 'no reply', type: 'invalid_request_error', param: null, code: reply?.code ?? null } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: `chatcmpl-${requests.length}`,
          object: 'chat.completion',
          created: 1767225600,
          model: 'gpt-4o-mini',
          choices: [
            {
              index: 0,
              message: {
                role: 'assistant',
                content: null,
                tool_calls: [{ id: `call_${requests.length}`, type: 'function', function: { name: reply.call.name, arguments: JSON.stringify(reply.call.arguments) } }],
              },
              finish_reason: 'tool_calls',
            },
          ],
          usage: { prompt_tokens: 500, completion_tokens: 40, total_tokens: 540 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    /** Every request body exactly as it arrived. */
    bodies,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
