import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import type { InquiryDetail } from '../../../../shared/contract/channels.ts';
import type { Clinic } from '../../../../shared/domain/clinic.ts';
import { inquiryStatusLabels, inquiryStatuses, type InquiryStatus } from '../../../../shared/domain/inquiry.ts';
import { tokyoToday } from '../../../../shared/time/tokyoDate.ts';
import { receiptNumberMessages } from '../../../../shared/messages/receiptNumberMessages.ts';
import { ScreenHeading } from '../../components/ScreenHeading.tsx';
import { formatCount } from '../../format/formatNumber.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { queries } from '../../query/queries.ts';
import { useStaff } from '../../query/useSharedReads.ts';
import { inquiryListLimit, useInquiriesStore } from '../../stores/inquiriesStore.ts';
import { ClinicPickerDialog } from './ClinicPickerDialog.tsx';
import { InquiryDetailDialog } from './InquiryDetailDialog.tsx';
import { InquiryFormDialog } from './InquiryFormDialog.tsx';
import { NewCallerInquiryDialog } from './NewCallerInquiryDialog.tsx';
import { InquiryTable } from './InquiryTable.tsx';
import { dueState } from './inquiryParts.tsx';

/** 問い合わせ: every inquiry, follow-ups due today or overdue first, filtered by 状況 and 担当者. */
export function InquiriesScreen() {
  const filter = useInquiriesStore((s) => s.filter);
  const setFilter = useInquiriesStore((s) => s.setFilter);
  const lookup = filter.receiptNumber.trim();
  // Typing stays quick; the list follows the words once React has a moment.
  const text = useDeferredValue(filter.text.trim());
  // The list on screen stays while another filter's list is on its way.
  const listed = useQuery({
    ...queries.inquiryList({
      limit: inquiryListLimit,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.staffId ? { staffId: filter.staffId } : {}),
      ...(lookup ? { receiptNumber: lookup } : {}),
      ...(text ? { text } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  const items = listed.data?.items ?? [];
  const total = listed.data?.total ?? 0;
  const loaded = listed.data !== undefined;
  const error = listed.error ? errorMessageOf(listed.error, '問い合わせを読み込めませんでした。') : null;
  const staff = useStaff().items;
  const [openId, setOpenId] = useState<string | null>(null);
  // Registering starts with choosing the clinic, then the form; the saved inquiry opens at once.
  const [registering, setRegistering] = useState<'pick' | { newCaller: string } | Clinic | null>(null);
  const today = useMemo(() => tokyoToday(), []);
  const registered = (saved: InquiryDetail | null) => {
    setRegistering(null);
    if (saved) setOpenId(saved.inquiry.id);
  };

  const dueCount = items.filter((i) => dueState(i, today) !== null).length;
  const filtered = filter.status !== '' || filter.staffId !== '' || lookup !== '' || text !== '';

  return (
    <section className="screen">
      <ScreenHeading>問い合わせ</ScreenHeading>
      <div className="toolbar filter-bar">
        <div className="field filter-field">
          <label htmlFor="inquiry-filter-status">状況</label>
          <select
            id="inquiry-filter-status"
            value={filter.status}
            onChange={(e) => setFilter({ status: e.target.value as InquiryStatus | '' })}
          >
            <option value="">すべて</option>
            {inquiryStatuses.map((s) => (
              <option key={s} value={s}>
                {inquiryStatusLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field filter-field">
          <label htmlFor="inquiry-filter-staff">担当者</label>
          <select id="inquiry-filter-staff" value={filter.staffId} onChange={(e) => setFilter({ staffId: e.target.value })}>
            <option value="">すべて</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.active ? s.name : `${s.name}（無効）`}
              </option>
            ))}
          </select>
        </div>
        <div className="field filter-field">
          <label htmlFor="inquiry-filter-text">医療機関名・内容で探す</label>
          <input
            id="inquiry-filter-text"
            type="search"
            autoComplete="off"
            maxLength={100}
            placeholder="例：さくらじま、資料"
            aria-describedby="inquiry-filter-text-hint"
            value={filter.text}
            onChange={(e) => setFilter({ text: e.target.value })}
          />
          <span id="inquiry-filter-text-hint" className="visually-hidden">
            医療機関名（漢字・かな）、受付番号の一部、内容の言葉で探します
          </span>
        </div>
        <div className="field filter-field">
          <label htmlFor="inquiry-filter-receipt">{receiptNumberMessages.lookupLabel}</label>
          <input
            id="inquiry-filter-receipt"
            type="search"
            autoComplete="off"
            spellCheck={false}
            maxLength={20}
            placeholder="A-2026-0001"
            aria-describedby="inquiry-filter-receipt-hint"
            value={filter.receiptNumber}
            onChange={(e) => setFilter({ receiptNumber: e.target.value })}
          />
          <span id="inquiry-filter-receipt-hint" className="visually-hidden">
            {receiptNumberMessages.lookupHint}
          </span>
        </div>
        <button type="button" className="button button-primary register-button" onClick={() => setRegistering('pick')}>
          問い合わせを登録
        </button>
        {filtered && (
          <button type="button" className="button filter-reset" onClick={() => setFilter({ status: '', staffId: '', receiptNumber: '', text: '' })}>
            条件をクリア
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="message message-error">
          {error}
        </p>
      )}
      {loaded && (
        <p className="result-count" aria-live="polite">
          {filtered ? '条件に合う問い合わせ' : '問い合わせ'}：<strong>{formatCount(total)}</strong>
          {total > items.length && `（うち${formatCount(items.length)}を表示しています。状況や担当者で絞り込んでください）`}
          {dueCount > 0 && (
            <>
              {' '}
              ／ 対応日が本日または過ぎているもの：<strong>{formatCount(dueCount)}</strong>（上に表示しています）
            </>
          )}
        </p>
      )}
      {loaded && lookup !== '' && total > 1 && (
        <p role="note" className="message message-info">
          {receiptNumberMessages.lookupMany(listedNumber(items, lookup), formatCount(total))}
        </p>
      )}
      {loaded && lookup !== '' && items.length === 0 && <p className="empty-state">{receiptNumberMessages.lookupNone(lookup)}</p>}
      {loaded && lookup === '' && items.length === 0 && (
        <p className="empty-state">{filtered ? '条件に合う問い合わせはありません。' : 'まだ問い合わせは登録されていません。'}</p>
      )}
      {items.length > 0 && (
        <InquiryTable caption="問い合わせの一覧" items={items} today={today} showClinic onOpen={(i) => setOpenId(i.id)} />
      )}
      {registering === 'pick' && (
        <ClinicPickerDialog
          onPick={(clinic) => setRegistering(clinic)}
          onNewClinic={(searched) => setRegistering({ newCaller: searched })}
          onCancel={() => setRegistering(null)}
        />
      )}
      {registering !== null && registering !== 'pick' && 'newCaller' in registering && (
        <NewCallerInquiryDialog searched={registering.newCaller} onClose={registered} />
      )}
      {registering !== null && registering !== 'pick' && !('newCaller' in registering) && (
        <InquiryFormDialog clinic={{ id: registering.id, name: registering.name }} onClose={registered} />
      )}
      {openId && <InquiryDetailDialog inquiryId={openId} onClose={() => setOpenId(null)} />}
    </section>
  );
}

/** The number as stored (A-2026-0001), not as typed (ａ－２０２６ー０００１). */
const listedNumber = (items: readonly { receiptNumber: string }[], typed: string) => items[0]?.receiptNumber ?? typed;
