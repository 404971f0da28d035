import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { rateTableImportFieldsSchema, sourceDocumentMaxLength, versionMaxLength } from '../../../../shared/content/rateTableSource.ts';
import { contentMessages } from '../../../../shared/messages/contentMessages.ts';
import { tokyoToday } from '../../../../shared/time/tokyoDate.ts';
import { FormField } from '../../components/FormField.tsx';
import { useSettings } from '../../query/useSharedReads.ts';
import { useContentImportStore } from '../../stores/contentImportStore.ts';

type Field = 'version' | 'document' | 'date';
const fieldOrder: readonly Field[] = ['version', 'document', 'date'];

/** Which form field a schema issue belongs to: `version`, `source.document`, `source.date`. */
const fieldOf = (path: readonly PropertyKey[]): Field | undefined => fieldOrder.find((f) => path.at(-1) === f);

/**
 * 正式な保険料表: 版, the insurer's document and its date are typed first and checked whole by
 * the shared schema; only then does the file picker open, so a missing 版 is said on its field
 * and not after a file was chosen.
 */
export function RateTableImportForm({ busy }: { busy: boolean }) {
  const idPrefix = useId();
  const ids: Record<Field, string> = { version: `${idPrefix}-version`, document: `${idPrefix}-document`, date: `${idPrefix}-date` };
  const staffMessageId = `${idPrefix}-staff`;
  const [values, setValues] = useState<Record<Field, string>>({ version: '', document: '', date: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [staffMissing, setStaffMissing] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const { settings } = useSettings();
  const chooseRateTable = useContentImportStore((s) => s.chooseRateTable);
  const saveTemplate = useContentImportStore((s) => s.saveTemplate);

  const change = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = rateTableImportFieldsSchema(tokyoToday()).safeParse({ version: values.version, source: { document: values.document, date: values.date } });
    const found: Partial<Record<Field, string>> = {};
    for (const issue of checked.success ? [] : checked.error.issues) {
      const field = fieldOf(issue.path);
      if (field && !found[field]) found[field] = issue.message;
    }
    setErrors(found);
    // The core refuses too; saying it here spares choosing a file only to be told afterwards.
    const noStaff = settings !== null && settings.currentStaffId === null;
    setStaffMissing(noStaff);
    const first = fieldOrder.find((f) => found[f]);
    if (first) return void formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(ids[first])}`)?.focus();
    if (noStaff || !checked.success) return;
    void chooseRateTable(checked.data);
  };

  // Enter confirms the IME's conversion while composing; only a plain Enter submits.
  const keepComposition = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.nativeEvent.isComposing || e.keyCode === 229)) e.preventDefault();
  };

  return (
    <form ref={formRef} className="rate-table-import" noValidate onSubmit={submit} onKeyDown={keepComposition} aria-labelledby={`${idPrefix}-heading`}>
      <h3 id={`${idPrefix}-heading`}>正式な保険料表</h3>
      <p className="section-lead">
        保険会社から届いた正式な保険料は、テンプレートをExcelで開いて入力し、CSV形式で保存してから読み込みます。そのもとになった保険会社の文書を手元に置いて、版・文書の番号か題名・文書の日付を入力してから、CSVを選んでください。確認した人として「この端末で対応する担当者」が記録されます。
      </p>
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => void saveTemplate()}>
          保険料表のテンプレートを保存
        </button>
      </div>
      <FormField id={ids.version} label="版" required hint="例：2026年度 正式" error={errors.version}>
        {(control) => <input {...control} type="text" value={values.version} maxLength={versionMaxLength} onChange={(e) => change('version', e.target.value)} />}
      </FormField>
      <FormField id={ids.document} label="保険会社の文書" required hint="文書の番号か題名（例：医サ第26-118号）" error={errors.document}>
        {(control) => (
          <input {...control} type="text" value={values.document} maxLength={sourceDocumentMaxLength} onChange={(e) => change('document', e.target.value)} />
        )}
      </FormField>
      <FormField id={ids.date} label="文書の日付" required hint="保険会社の文書に書かれた日付" error={errors.date}>
        {(control) => <input {...control} type="date" value={values.date} max={tokyoToday()} onChange={(e) => change('date', e.target.value)} />}
      </FormField>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy} aria-describedby={staffMissing ? staffMessageId : undefined}>
          正式な保険料表を読み込む
        </button>
      </div>
      {staffMissing && (
        <p id={staffMessageId} role="alert" className="message message-error">
          {contentMessages.staffRequired}
        </p>
      )}
    </form>
  );
}
