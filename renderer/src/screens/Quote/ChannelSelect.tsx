import { inquiryChannelLabels, inquiryChannels, type InquiryChannel } from '../../../../shared/domain/inquiry.ts';

/** 経路 of an inquiry registered from the quote screen: a call or a visit is as common as the counter. */
export function ChannelSelect({ id, value, onChange }: { id: string; value: InquiryChannel; onChange(channel: InquiryChannel): void }) {
  return (
    <span className="channel-select">
      <label htmlFor={id}>経路</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as InquiryChannel)}>
        {inquiryChannels.map((c) => (
          <option key={c} value={c}>
            {inquiryChannelLabels[c]}
          </option>
        ))}
      </select>
    </span>
  );
}
