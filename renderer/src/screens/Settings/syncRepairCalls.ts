import type { ChannelResult } from '../../../../shared/contract/channels.ts';
import type { JobResult, JobState } from '../../../../shared/contract/jobs.ts';
import { call, runJob } from '../../api/client.ts';

type Watch = { onProgress: (job: JobState) => void; signal: AbortSignal };

/** 点検する: compares this machine's records with the hub's; changes nothing. */
export const checkRecords = (watch: Watch): Promise<JobResult<'sync.check'>> => runJob('sync.check', {}, watch);
/** 修復する: after a verified backup, records wrong here take the hub's values. */
export const repairRecords = (watch: Watch): Promise<JobResult<'sync.repair'>> => runJob('sync.repair', { confirm: true }, watch);
/** What a restore would lose: changes made here and not yet sent. */
export const unsentChanges = (): Promise<ChannelResult<'sync.unsentChanges'>> => call('sync.unsentChanges', {});
