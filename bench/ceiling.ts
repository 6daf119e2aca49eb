// The ceiling: the fastest a Fastify 5 JSON route answers on this machine right now. Every scenario's req/s is
// reported as a ratio to it, measured in the same run, so results compare across machines and noisy neighbours.
// Deliberately bare: no logger, no plugins, no hooks, no schema. Run by bench/run.ts; also runnable alone:
//   PORT=3999 node --import tsx bench/ceiling.ts
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ status: 'ok' }));

const port = Number(process.env.PORT ?? 0);
const host = process.env.HOST ?? '127.0.0.1';
const address = await app.listen({ port, host });
// bench/run.ts waits for this line and reads the port from it (PORT=0 lets the OS pick a free one).
console.log(`ceiling ready at ${address}`);

const close = () => {
  void app.close().then(() => process.exit(0));
};
process.once('SIGTERM', close);
process.once('SIGINT', close);
