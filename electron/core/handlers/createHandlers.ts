import type { AppInfo } from '../../../shared/contract/channels.ts';
import type { Db } from '../db/connection.ts';
import { createClinic, findClinics, getClinic, type WriteContext } from '../db/repos/clinics.ts';
import { AppError } from '../errors.ts';
import type { JobRunner } from '../jobs/jobRunner.ts';
import type { HandlerMap } from './handlerMap.ts';

export interface HandlerDeps {
  db: Db;
  jobs: JobRunner;
  info: () => AppInfo;
  writeContext: () => WriteContext;
}

/** The handler map both transports serve. Handlers never know which transport called them. */
export function createHandlers(deps: HandlerDeps) {
  const { db, jobs } = deps;
  return {
    'app.info': () => deps.info(),
    'clinics.create': (input) => createClinic(db, input, deps.writeContext()),
    'clinics.get': ({ id }) => {
      const clinic = getClinic(db, id);
      if (!clinic) throw new AppError('NOT_FOUND');
      return clinic;
    },
    'clinics.search': (input) => findClinics(db, input),
    'jobs.start': (input) => jobs.start(input),
    'jobs.get': ({ jobId }) => jobs.get(jobId),
    'jobs.cancel': ({ jobId }) => jobs.cancel(jobId),
  } satisfies HandlerMap;
}
