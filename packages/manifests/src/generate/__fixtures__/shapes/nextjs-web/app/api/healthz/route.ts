export function GET() {
  return Response.json({ ok: true, session: Boolean(process.env.SESSION_SECRET) });
}
