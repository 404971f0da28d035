import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { inquiryStatusLabels, inquiryStatuses } from '../../../../shared/domain/inquiry.ts';
import { ContentNotUsedHere } from '../../components/ContentNotUsedHere.tsx';
import { ScreenHeading } from '../../components/ScreenHeading.tsx';
import { formatDateWithWeekday, useDateStyle } from '../../format/formatDate.ts';
import { formatCount } from '../../format/formatNumber.ts';
import { useAppInfo } from '../../query/useAppInfo.ts';
import { useContent } from '../../query/useSharedReads.ts';
import { useInquiriesStore } from '../../stores/inquiriesStore.ts';
import { useUiStore } from '../../stores/uiStore.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { queries } from '../../query/queries.ts';
import { modeLabels } from '../modeLabels.ts';
import { InquiryDetailDialog } from '../Inquiries/InquiryDetailDialog.tsx';
import { InquiryTable } from '../Inquiries/InquiryTable.tsx';
import { useNoCurrentStaff } from '../Inquiries/inquiryParts.tsx';
import { ClinicJumpSearch } from './ClinicJumpSearch.tsx';
import { StaleSyncNotice } from './StaleSyncNotice.tsx';

export function HomeScreen() {
  const { info, error: infoError } = useAppInfo();
  const home = useQuery(queries.home());
  const { problems: contentProblems } = useContent();
  const summary = home.data ?? null;
  const summaryError = home.error ? errorMessageOf(home.error, '問い合わせの状況を読み込めませんでした。') : null;
  const navigate = useUiStore((s) => s.navigate);
  const noCurrentStaff = useNoCurrentStaff();
  const style = useDateStyle();
  const [openId, setOpenId] = useState<string | null>(null);

  const showStatus = (status: (typeof inquiryStatuses)[number]) => {
    useInquiriesStore.getState().setFilter({ status, staffId: '', receiptNumber: '', text: '' });
    navigate('inquiries');
  };

  return (
    <section className="screen home-screen">
      <ScreenHeading>ホーム</ScreenHeading>
      <StaleSyncNotice />
      {noCurrentStaff && (
        <div className="message message-info staff-banner">
          <p>
            この端末で対応する担当者が選ばれていません。「設定」で選ぶと、問い合わせの担当者が自動で入り、状況の変更を誰が行ったかも記録されます。
          </p>
          <button type="button" className="button" onClick={() => navigate('settings')}>
            設定を開く
          </button>
        </div>
      )}
      <ContentNotUsedHere problems={contentProblems} brief />
      <div className="home-top">
        <ClinicJumpSearch />
        {summary && (
          <p className="home-today">
            今日は <strong>{formatDateWithWeekday(summary.today, style)}</strong>
          </p>
        )}
      </div>
      {summaryError && (
        <p role="alert" className="message message-error">
          {summaryError}
        </p>
      )}

      <section className="panel" aria-labelledby="home-due">
        <h2 id="home-due">本日・期限切れの対応</h2>
        {summary === null ? (
          <p className="text-muted">読み込み中…</p>
        ) : summary.due.length === 0 ? (
          <p className="empty-state">今日までに対応する予定の問い合わせはありません。</p>
        ) : (
          <>
            <p className="result-count">
              次回対応日が今日または過ぎている問い合わせ：<strong>{formatCount(summary.due.length)}</strong>
            </p>
            <InquiryTable
              caption="本日・期限切れの対応"
              items={summary.due}
              today={summary.today}
              showClinic
              onOpen={(i) => setOpenId(i.id)}
            />
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="home-counts">
        <h2 id="home-counts">状況ごとの件数</h2>
        {summary && (
          <ul className="status-counts">
            {inquiryStatuses.map((s) => (
              <li key={s}>
                <button
                  type="button"
                  className={`status-count status-${s}`}
                  aria-label={`${inquiryStatusLabels[s]} ${formatCount(summary.counts[s])}（一覧を開く）`}
                  onClick={() => showStatus(s)}
                >
                  <span className="status-count-label">{inquiryStatusLabels[s]}</span>
                  <span className="status-count-value">{formatCount(summary.counts[s])}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="home-latest">
        <h2 id="home-latest">最近の問い合わせ</h2>
        {summary && summary.latest.length === 0 && (
          <p className="empty-state">
            まだ問い合わせは登録されていません。「医療機関」画面で医療機関を開き、「問い合わせを登録」から記録できます。
          </p>
        )}
        {summary && summary.latest.length > 0 && (
          <InquiryTable
            caption="最近の問い合わせ"
            items={summary.latest}
            today={summary.today}
            showClinic
            onOpen={(i) => setOpenId(i.id)}
          />
        )}
      </section>

      <h2>このアプリについて</h2>
      {infoError ? (
        <p role="alert" className="message message-error">
          {infoError}
        </p>
      ) : (
        <dl className="info-list">
          <dt>バージョン</dt>
          <dd>{info ? info.version : '読み込み中…'}</dd>
          <dt>動作モード</dt>
          <dd>{info ? modeLabels[info.mode] : '読み込み中…'}</dd>
        </dl>
      )}
      {openId && <InquiryDetailDialog inquiryId={openId} onClose={() => setOpenId(null)} />}
    </section>
  );
}
