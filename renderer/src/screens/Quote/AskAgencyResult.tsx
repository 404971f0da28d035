import { useId, useState } from 'react';
import { inquiryChannelLabels, type InquiryChannel } from '../../../../shared/domain/inquiry.ts';
import { ChannelSelect } from './ChannelSelect.tsx';
import type { ContentPack } from '../../../../shared/content/contentPackSchema.ts';
import { clinicKindLabels, type ClinicKind } from '../../../../shared/domain/clinic.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { useQuoteStore } from '../../stores/quoteStore.ts';
import { LabelText, PackText } from '../../components/ScreenText.tsx';
import { ContactCard } from '../Product/ContactCard.tsx';

interface AskAgencyResultProps {
  pack: ContentPack;
  clinicKind: ClinicKind;
  onNeedClinic(): void;
}

/**
 * 病院, 介護老人保健施設 and その他: no figure at all. For 病院 and 老健 the flyer's note on 告知;
 * for その他 the counter's own guidance that eligibility is the insurer's to confirm (the flyer's
 * note does not speak of it). Then the agency's contact, and a way to register the clinic's
 * inquiry so the agency can quote it individually.
 */
export function AskAgencyResult({ pack, clinicKind, onNeedClinic }: AskAgencyResultProps) {
  const clinic = useQuoteStore((s) => s.clinic);
  const registered = useQuoteStore((s) => s.lastRegistered);
  const registerInquiry = useQuoteStore((s) => s.registerInquiry);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [channel, setChannel] = useState<InquiryChannel>('counter');
  const channelId = useId();
  const label = clinicKindLabels[clinicKind];

  const register = async () => {
    if (!clinic) {
      setMessage('問い合わせを登録するには、先に「医療機関」で医療機関を選んでください');
      onNeedClinic();
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await registerInquiry(`保険料のお問い合わせ（種別：${label}）`, channel);
    } catch (e) {
      setMessage(errorMessageOf(e, '問い合わせを登録できませんでした。もう一度お試しください。'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="quote-ask">
      {/* What this part says about the product is marked by origin and checked (productWords.e2e). */}
      <div className="quote-ask-words">
        <p className="quote-ask-lead">
          <LabelText k={`kind.${clinicKind}`} />
          <LabelText k="notInPremiumTable" />
          <PackText pack={pack} path="premium.scope" />
          <LabelText k="noFigureShown" />
        </p>
        {clinicKind === 'other' ? (
          <p className="quote-ask-guidance">
            <strong>
              <LabelText k="otherKindEligibilityLabel" />：
            </strong>
            <LabelText k="otherKindEligibility" />
          </p>
        ) : (
          <>
            <p className="quote-ask-note">
              <PackText pack={pack} path="premium.askAgencyNote" />
            </p>
            {/* The flyer's note is addressed to the clinic; the counter is told what to do next. */}
            <p className="quote-ask-guidance">
              <strong>
                <LabelText k="noticeFormGuidanceLabel" />：
              </strong>
              <LabelText k="noticeFormGuidance" />
            </p>
          </>
        )}
      </div>
      <ContactCard pack={pack} which="agency" className="is-compact" />
      {registered ? (
        <p role="status" className="message message-success">
          受付番号 {registered.receiptNumber} で「{registered.clinicName}」の問い合わせを登録しました
        </p>
      ) : (
        <div className="quote-save">
          <ChannelSelect id={channelId} value={channel} onChange={setChannel} />
          <button type="button" className="button button-primary" onClick={() => void register()} disabled={busy}>
            問い合わせとして登録
          </button>
          <p className={message ? 'field-error' : 'field-hint'} role={message ? 'alert' : undefined}>
            {message ??
              (clinic
                ? `「${clinic.name}」の問い合わせ（受付日：今日・経路：${inquiryChannelLabels[channel]}）として登録します`
                : '登録するには、先に「医療機関」で医療機関を選んでください')}
          </p>
        </div>
      )}
    </div>
  );
}
