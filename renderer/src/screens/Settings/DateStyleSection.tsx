import { useState } from 'react';
import { dateStyles } from '../../../../shared/domain/settings.ts';
import { tokyoToday, type DateStyle } from '../../../../shared/time/tokyoDate.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { formatDate } from '../../format/formatDate.ts';
import { saveSettings, useSettings } from '../../query/useSharedReads.ts';

const styleNames: Record<DateStyle, string> = { western: '西暦', japanese: '和暦' };

/** 日付の表示: 西暦 2026/11/24 or 和暦 令和8年11月24日 on every records screen. */
export function DateStyleSection() {
  const current = useSettings().settings?.dateStyle ?? null;
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  // The choice shows at once; the saved value takes over once the host has answered.
  const [pending, setPending] = useState<DateStyle | null>(null);
  const shown = pending ?? current;
  const today = tokyoToday();

  const choose = async (dateStyle: DateStyle) => {
    setPending(dateStyle);
    setMessage(null);
    try {
      await saveSettings({ dateStyle });
      setMessage({ kind: 'success', text: `日付を${styleNames[dateStyle]}で表示します。` });
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessageOf(error, '保存できませんでした。もう一度お試しください。') });
    } finally {
      setPending(null);
    }
  };

  return (
    <section className="panel" aria-labelledby="settings-date-style">
      <h2 id="settings-date-style">日付の表示</h2>
      <p className="section-lead">ホーム・問い合わせ・医療機関の記録で使う日付の書き方です。</p>
      <fieldset className="radio-field" disabled={current === null}>
        {/* The heading above says it already; the legend names the group for screen readers. */}
        <legend className="visually-hidden">日付の表示</legend>
        <div className="radio-row">
          {dateStyles.map((style) => (
            <label key={style} className="radio-option">
              <input
                type="radio"
                name="settings-date-style"
                value={style}
                checked={shown === style}
                onChange={() => void choose(style)}
                disabled={pending !== null && pending !== style}
              />
              {styleNames[style]}（{formatDate(today, style)}）
            </label>
          ))}
        </div>
      </fieldset>
      <p role="status" className={message ? `message message-${message.kind}` : 'message-empty'}>
        {message?.text}
      </p>
    </section>
  );
}
