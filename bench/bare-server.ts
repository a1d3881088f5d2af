import Fastify from 'fastify';

// The benchmark's baseline: a bare Fastify route returning a fixed 1 KB JSON body, no database,
// no hooks. The directory benchmark divides Parley's search rate by this one's.
const payload = JSON.stringify({ data: 'x'.repeat(1013) }); // 1,024 bytes

const app = Fastify({ logger: false });
app.get('/', async (_request, reply) => reply.type('application/json').send(payload));
await app.listen({ port: Number(process.env.PORT ?? 3299), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
