import type { FastifyRequest } from 'fastify';

// Secrets travel in some URLs (a calendar feed's key, a file's download token); the request log
// keeps the route's shape and drops query strings, so a log line never carries one.
const SECRET_SEGMENT = /^[A-Za-z0-9_-]{32,}$/;

export function redactUrl(url: string): string {
  const [path] = url.split('?');
  return (path ?? '')
    .split('/')
    .map((segment) => (SECRET_SEGMENT.test(segment) ? '[redacted]' : segment))
    .join('/');
}

/** Paths pino blanks out wherever they appear in a log object. */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.code',
  '*.secret',
  '*.confidential',
  '*.notes',
  '*.answers',
  'password',
  'token',
  'confidential',
];

export const serializers = {
  req(request: FastifyRequest) {
    return { id: request.id, method: request.method, url: redactUrl(request.url), remoteAddress: request.ip };
  },
};
