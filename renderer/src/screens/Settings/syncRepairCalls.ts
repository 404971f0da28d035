import type { ChannelResult } from '../../../../shared/contract/channels.ts';
import { call } from '../../api/client.ts';

/** 点検する: compares this machine's records with the hub's; changes nothing. */
export const checkRecords = (): Promise<ChannelResult<'sync.check'>> => call('sync.check', {});
/** 修復する: after a verified backup, records wrong here take the hub's values. */
export const repairRecords = (): Promise<ChannelResult<'sync.repair'>> => call('sync.repair', { confirm: true });
/** What a restore would lose: changes made here and not yet sent. */
export const unsentChanges = (): Promise<ChannelResult<'sync.unsentChanges'>> => call('sync.unsentChanges', {});
