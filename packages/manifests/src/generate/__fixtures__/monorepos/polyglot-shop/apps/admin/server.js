const fastify = require('fastify')();

fastify.get('/health', async () => ({ ok: true }));
fastify.listen({ port: 3000, host: '0.0.0.0' });
