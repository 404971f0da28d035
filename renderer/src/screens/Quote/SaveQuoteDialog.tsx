import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { clinicKindLabels, type Clinic } from '../../../../shared/domain/clinic.ts';
import { inquiryChannelLabels, inquiryStatusLabels, type Inquiry, type InquiryChannel } from '../../../../shared/domain/inquiry.ts';
import { ChannelSelect } from './ChannelSelect.tsx';
import { tokyoToday } from '../../../../shared/time/tokyoDate.ts';
import { ApiError, errorMessageOf } from '../../api/ApiError.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { formatDate, useDateStyle } from '../../format/formatDate.ts';
import { queries } from '../../query/queries.ts';
import { useQuoteStore, type SavedQuoteConfirmation } from '../../stores/quoteStore.ts';
import { formatYen } from './formatYen.ts';

const newInquiryChoice = 'new';
const finishedStatuses: readonly Inquiry['status'][] = ['contracted', 'declined'];

interface SaveQuoteDialogProps {
  clinic: Clinic;
  planName: string;
  monthlyYen: number;
  onClose(): void;
  onSaved(confirmation: SavedQuoteConfirmation): void;
}

/** The inquiry to pre-select: one received today and still open, else a new one. */
function defaultChoice(inquiries: Inquiry[], today: string): string {
  return inquiries.find((i) => i.receivedOn === today && !finishedStatuses.includes(i.status))?.id ?? newInquiryChoice;
}

/**
 * 問い合わせに保存: the clerk picks one of the clinic's inquiries or registers a new counter
 * inquiry, and the quote is stored on it as a snapshot.
 */
export function SaveQuoteDialog({ clinic, planName, monthlyYen, onClose, onSaved }: SaveQuoteDialogProps) {
  const clinicKind = useQuoteStore((s) => s.clinicKind);
  const createInquiry = useQuoteStore((s) => s.createInquiry);
  const saveQuote = useQuoteStore((s) => s.saveQuote);
  const style = useDateStyle();
  const listed = useQuery(queries.inquiryList({ clinicId: clinic.id, limit: 100 }));
  // An inquiry registered by a save that then failed, until the list shows it too.
  const [registered, setRegistered] = useState<Inquiry | null>(null);
  const listedItems = listed.data?.items ?? null;
  const inquiries =
    listedItems && registered && !listedItems.some((i) => i.id === registered.id) ? [registered, ...listedItems] : listedItems;
  // null until the list arrives: then the likeliest inquiry is preselected, once.
  const [chosen, setChoice] = useState<string | null>(null);
  const choice = chosen ?? (inquiries ? defaultChoice(inquiries, tokyoToday()) : newInquiryChoice);
  const loadError = listed.error ? errorMessageOf(listed.error, '問い合わせを読み込めませんでした。') : null;
  const [saving, setSaving] = useState(false);
  const [channel, setChannel] = useState<InquiryChannel>('counter');
  const [saveError, setError] = useState<string | null>(null);
  const error = saveError ?? loadError;
  const legendId = useId();
  const firstChoice = useRef<HTMLInputElement>(null);

  const loaded = inquiries !== null;
  useEffect(() => {
    if (loaded) firstChoice.current?.focus();
  }, [loaded]);

  const save = async () => {
    if (saving) return;
    setSaving(true);
    setError(null);
    let inquiry = inquiries?.find((i) => i.id === choice);
    try {
      const isNew = !inquiry;
      inquiry ??= await createInquiry(`保険料試算（${clinicKindLabels[clinicKind]}・${planName}）`, channel);
      onSaved(await saveQuote(inquiry, isNew));
    } catch (e) {
      // A new inquiry that was registered stays chosen, so trying again does not register a second one.
      const created = inquiry;
      if (created && !inquiries?.some((i) => i.id === created.id)) {
        setRegistered(created);
        setChoice(created.id);
      }
      setError(e instanceof ApiError ? e.message : '試算を保存できませんでした。もう一度お試しください。');
      setSaving(false);
    }
  };

  return (
    <ModalDialog title="試算を問い合わせに保存" onRequestClose={onClose} className="quote-save-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="quote-dialog-context">
          <span className="quote-dialog-context-label">医療機関</span>
          <strong>{clinic.name}</strong>
          <span className="quote-dialog-context-label">試算</span>
          <span>
            {clinicKindLabels[clinicKind]}・{planName}・月額{formatYen(monthlyYen)}
          </span>
        </div>
        {!inquiries && !error && <p>問い合わせを読み込んでいます…</p>}
        {inquiries && (
          <fieldset className="inquiry-choices" aria-labelledby={legendId}>
            <legend id={legendId}>保存先の問い合わせ</legend>
            <label className="inquiry-choice">
              <input
                ref={firstChoice}
                type="radio"
                name="quote-inquiry"
                value={newInquiryChoice}
                checked={choice === newInquiryChoice}
                onChange={() => setChoice(newInquiryChoice)}
              />
              <span>
                <strong>新しい問い合わせを登録して保存</strong>
                <span className="inquiry-choice-meta">受付日：今日・経路：{inquiryChannelLabels[channel]}</span>
              </span>
            </label>
            {choice === newInquiryChoice && (
              <div className="inquiry-choice-channel">
                <ChannelSelect id={`${legendId}-channel`} value={channel} onChange={setChannel} />
              </div>
            )}
            {inquiries.map((inquiry) => (
              <label key={inquiry.id} className="inquiry-choice">
                <input
                  type="radio"
                  name="quote-inquiry"
                  value={inquiry.id}
                  checked={choice === inquiry.id}
                  onChange={() => setChoice(inquiry.id)}
                />
                <span>
                  <strong>受付番号 {inquiry.receiptNumber}</strong>
                  <span className="inquiry-choice-meta">
                    {formatDate(inquiry.receivedOn, style)}・{inquiryChannelLabels[inquiry.channel]}・{inquiryStatusLabels[inquiry.status]}
                    {inquiry.content && `・${inquiry.content.length > 40 ? `${inquiry.content.slice(0, 40)}…` : inquiry.content}`}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
        {error && (
          <p role="alert" className="message message-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="button button-primary" disabled={!inquiries || saving}>
            {saving ? '保存しています…' : '保存'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            キャンセル
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
