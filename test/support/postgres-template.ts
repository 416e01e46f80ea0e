/**
 * Global setup of the PostgreSQL integration tier: migrates one template database for the run, which every
 * test file's database is copied from (test-database.ts), and drops it at the end. Its name is new for every
 * run, so runs sharing a server (CI beside a developer) do not meet.
 */
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';
import { onServer } from './test-database.js';

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set: the PostgreSQL tier needs a server');
  const template = `cosell_template_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `create database ${template}`);
  const url = new URL(serverUrl);
  url.pathname = `/${template}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 1 });
  try {
    await runMigrations(database.pool);
  } finally {
    // CREATE DATABASE ... TEMPLATE needs the template to have no connections.
    await database.close();
  }
  project.provide('postgresTemplate', template);
  return async () => {
    await onServer(serverUrl, `drop database if exists ${template} with (force)`);
  };
}
