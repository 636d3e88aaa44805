const http = require('node:http');
const { listOrders } = require('./src/orders');

const port = Number(process.env.PORT ?? 4000);
const server = http.createServer(async (req, res) => {
  if (req.url === '/healthz') return res.end('ok');
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(await listOrders(process.env.DATABASE_URL)));
});
server.listen(port, () => console.log(`orders on ${port}, region ${process.env.ORDERS_REGION}`));
