import express from 'express';
import { formatPrice } from '@shop/shared';

const app = express();
const databaseUrl = process.env.DATABASE_URL;
const sessionSecret = process.env.SESSION_SECRET;

app.get('/healthz', (_req, res) => res.send('ok'));
app.get('/api/products', (_req, res) => res.json([{ price: formatPrice(1299, process.env.SHOP_CURRENCY) }]));

app.listen(Number(process.env.PORT ?? 4000), () => console.log('server up', Boolean(databaseUrl && sessionSecret)));
