import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Clock } from './clock.ts';
import type { Mailer } from './mailer.ts';
import type { Texter } from './texter.ts';

/**
 * What services, routes and jobs are given: the database and the adapters chosen by
 * configuration. Tests build the same object with a manual clock and a test database.
 */
export type Deps = {
  db: Db;
  config: Config;
  clock: Clock;
  mailer: Mailer;
  texter: Texter;
  log: FastifyBaseLogger;
};
