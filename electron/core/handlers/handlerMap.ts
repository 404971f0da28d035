import type { Channel, ChannelArgs, ChannelResult } from '../../../shared/contract/channels.ts';

/** One function per channel, taking the validated argument; checked against the contract. */
export type HandlerMap = {
  [C in Channel]: (args: ChannelArgs<C>) => ChannelResult<C> | Promise<ChannelResult<C>>;
};
