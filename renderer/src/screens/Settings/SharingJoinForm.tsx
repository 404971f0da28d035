import { useState, type FormEvent } from 'react';
import type { JoinCombineResult, JoinPreview } from '../../../../shared/domain/joinPreview.ts';
import type { HubCheckResult } from '../../../../shared/domain/sync.ts';
import type { ChannelInput } from '../../../../shared/contract/channels.ts';
import type { FileRef } from '../../../../shared/contract/files.ts';
import { hubMessages } from '../../../../shared/messages/hubMessages.ts';
import { joinCombineMessages } from '../../../../shared/messages/joinCombineMessages.ts';
import { ApiError, errorMessageOf } from '../../api/ApiError.ts';
import { openFile } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';
import { useSettings } from '../../query/useSharedReads.ts';
import { checkHub, joinSharing, previewJoin } from '../../query/useSyncReads.ts';
import { isComposing } from '../Inquiries/inquiryParts.tsx';
import { JoinCombineFlow } from './JoinCombineFlow.tsx';
import { JoinRecordsChoice, type JoinRecordsWay } from './JoinRecordsChoice.tsx';

const prefixCandidates = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

type Fields = 'url' | 'user' | 'password' | 'caCertificateFileId' | 'pinnedFingerprint' | 'receiptPrefix' | 'replaceLocal';

/** The first free prefixes, this machine's own first when it is free. */
function freePrefixes(taken: readonly string[], own: string | undefined): string[] {
  const free = prefixCandidates.filter((p) => !taken.includes(p));
  const first = own && !taken.includes(own) ? [own] : [];
  return [...first, ...free.filter((p) => p !== own)].slice(0, 6);
}

interface SharingJoinFormProps {
  /** A join is running: the form stays on screen until it answers, whatever the status says meanwhile. */
  onJoining(joining: boolean): void;
  /** What a join with records on both sides merged, shown once sharing has started. */
  onCombined(result: JoinCombineResult | null): void;
}

/**
 * 複数の端末で使う, not sharing yet: where the hub is, this machine's user, 接続を確認, 参加する.
 * When the hub holds records, staff choose between 照合してまとめる and replacing this machine's.
 */
export function SharingJoinForm({ onJoining, onCombined }: SharingJoinFormProps) {
  const ownPrefix = useSettings().settings?.receiptPrefix;
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [caFile, setCaFile] = useState<FileRef | null>(null);
  const [pin, setPin] = useState(false);
  const [prefix, setPrefix] = useState<string | null>(null);
  const [way, setWay] = useState<JoinRecordsWay>('combine');
  // The hub filled up after 接続を確認 and the join was refused: the choice is needed all the same.
  const [refusedBothHave, setRefusedBothHave] = useState(false);
  const [preview, setPreview] = useState<JoinPreview | null>(null);
  const [check, setCheck] = useState<HubCheckResult | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<'check' | 'preview' | 'join' | null>(null);

  const fingerprint = check?.fingerprint ?? null;
  const taken = check?.ok ? check.takenPrefixes : [];
  const suggestions = freePrefixes(taken, ownPrefix);
  const chosenPrefix = prefix ?? suggestions[0] ?? '';
  const access = () => ({
    url,
    user,
    password,
    ...(caFile ? { caCertificateFileId: caFile.fileId } : {}),
    ...(pin && fingerprint ? { pinnedFingerprint: fingerprint } : {}),
  });
  const edited = <T,>(set: (value: T) => void, field: Fields) => (value: T) => {
    set(value);
    setErrors((e) => ({ ...e, [field]: undefined }));
    // A preview is of one hub as this user sees it, with one prefix to join under.
    setPreview(null);
  };
  const hubHasRecords = (check?.ok === true && check.hubHasRecords) || refusedBothHave;

  const runCheck = async () => {
    setBusy('check');
    setMessage(null);
    setErrors({});
    setPreview(null);
    try {
      setCheck(await checkHub(access()));
    } catch (error) {
      setCheck(null);
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors(error.fields);
      else setMessage({ kind: 'error', text: errorMessageOf(error, '接続を確認できませんでした。') });
    } finally {
      setBusy(null);
    }
  };

  const runJoin = async (how: Pick<ChannelInput<'sync.join'>, 'replaceLocal' | 'combine'>) => {
    setBusy('join');
    onJoining(true);
    try {
      onCombined((await joinSharing({ ...access(), receiptPrefix: chosenPrefix, ...how })).combined ?? null);
    } catch (error) {
      // The hub filled up after 接続を確認: the choice below says what to do, the form keeps its input.
      if (error instanceof ApiError && error.fields.replaceLocal) setRefusedBothHave(true);
      else {
        if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors(error.fields);
        setMessage({ kind: 'error', text: errorMessageOf(error, '参加できませんでした。もう一度お試しください。') });
      }
    } finally {
      setBusy(null);
      onJoining(false);
    }
  };

  /** 照合してまとめる: nothing is written until staff confirm the preview. */
  const showPreview = async () => {
    setBusy('preview');
    setMessage(null);
    setPreview(null);
    let fetched: JoinPreview;
    try {
      fetched = await previewJoin(access());
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors(error.fields);
      setMessage({ kind: 'error', text: errorMessageOf(error, joinCombineMessages.previewFailed) });
      setBusy(null);
      return;
    }
    // No clinic of this machine to match: nothing to confirm, the join keeps whatever else it holds.
    if (fetched.matched.length + fetched.uncertain.length + fetched.localOnly.count === 0) return runJoin({ combine: { pairs: [] } });
    setPreview(fetched);
    setBusy(null);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy || preview) return;
    setMessage(null);
    if (hubHasRecords && way === 'combine') void showPreview();
    else void runJoin({ replaceLocal: hubHasRecords && way === 'replace' });
  };

  const chooseCa = async () => {
    try {
      const file = await openFile('caCertificate');
      if (file) edited(setCaFile, 'caCertificateFileId')(file);
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessageOf(error, 'ファイルを読み込めませんでした。') });
    }
  };

  return (
    <>
      <form
        noValidate
        className="sharing-form"
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && isComposing(e)) e.preventDefault();
        }}
      >
        <FormField id="sharing-url" label="ハブのアドレス" required hint="事務所の管理者から受け取ったアドレス（例：https://office-hub:6984/cyber-counter）" error={errors.url}>
          {(control) => <input {...control} type="url" autoComplete="off" value={url} onChange={(e) => edited(setUrl, 'url')(e.target.value)} />}
        </FormField>
        <FormField id="sharing-user" label="ユーザー名" required hint="この端末のユーザー名（端末ごとに違うものを管理者が用意します）" error={errors.user}>
          {(control) => <input {...control} type="text" autoComplete="off" value={user} onChange={(e) => edited(setUser, 'user')(e.target.value)} />}
        </FormField>
        <FormField id="sharing-password" label="パスワード" required error={errors.password}>
          {(control) => (
            <input {...control} type="password" autoComplete="new-password" value={password} onChange={(e) => edited(setPassword, 'password')(e.target.value)} />
          )}
        </FormField>
        <FormField id="sharing-ca" label="CA証明書ファイル（任意）" hint="事務所で作った証明書をハブが使っている場合に選びます" error={errors.caCertificateFileId}>
          {(control) => (
            <div className="input-with-button">
              <input {...control} type="text" readOnly value={caFile?.name ?? '（選んでいません）'} />
              <button type="button" className="button" onClick={() => void chooseCa()}>
                ファイルを選ぶ
              </button>
              {caFile && (
                <button type="button" className="button" onClick={() => setCaFile(null)}>
                  外す
                </button>
              )}
            </div>
          )}
        </FormField>
        <div className="actions">
          <button type="button" className="button" disabled={busy !== null} onClick={() => void runCheck()}>
            {busy === 'check' ? '確認しています…' : '接続を確認'}
          </button>
        </div>
        <div role="status" className="sharing-check">
          {check?.ok === true && <p className="message message-success">ハブに接続できました（{check.serverVersion}）。{hubHasRecords ? 'ハブにはすでに記録があります。' : 'ハブにはまだ記録がありません。'}</p>}
          {check?.ok === false && <p className="message message-error">{check.message}</p>}
          {check?.ok === true && /^http:/i.test(url.trim()) && <p className="message message-info">{hubMessages.plainHttp}</p>}
          {fingerprint && (
            <div className="sharing-fingerprint">
              <p>
                ハブの証明書の指紋（SHA-256）：<code>{fingerprint}</code>
              </p>
              <label className="checkbox-label">
                <input type="checkbox" checked={pin} onChange={(e) => edited(setPin, 'pinnedFingerprint')(e.target.checked)} />
                管理者に確認した指紋と同じなので、この指紋を登録する
              </label>
              {errors.pinnedFingerprint && <p className="field-error">{errors.pinnedFingerprint}</p>}
            </div>
          )}
        </div>
        <FormField
          id="sharing-prefix"
          label="端末の記号"
          required
          hint={`受付番号の先頭に付く、この端末だけの記号です。${taken.length > 0 ? `ほかの端末が使っている記号：${taken.join('、')}。` : ''}空いている記号：${suggestions.join('、')}`}
          error={errors.receiptPrefix}
        >
          {(control) => (
            <input {...control} className="prefix-input" type="text" autoComplete="off" maxLength={3} value={chosenPrefix} onChange={(e) => edited(setPrefix, 'receiptPrefix')(e.target.value)} />
          )}
        </FormField>
        {hubHasRecords && (
          <JoinRecordsChoice
            way={way}
            onChange={edited(setWay, 'replaceLocal')}
            lead={refusedBothHave ? hubMessages.bothHaveRecords : joinCombineMessages.choiceLead}
            disabled={busy !== null}
          />
        )}
        {!preview && (
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={busy !== null}>
              {busy === 'join' ? '参加しています…' : busy === 'preview' ? joinCombineMessages.previewBusy : '参加する'}
            </button>
          </div>
        )}
        <p role="status" className={message ? `message message-${message.kind}` : 'message-empty'}>
          {message?.text}
        </p>
      </form>
      {preview && (
        <JoinCombineFlow
          preview={preview}
          joinInput={() => ({ ...access(), receiptPrefix: chosenPrefix })}
          onRedo={() => void showPreview()}
          onJoining={onJoining}
          onCombined={onCombined}
        />
      )}
    </>
  );
}
