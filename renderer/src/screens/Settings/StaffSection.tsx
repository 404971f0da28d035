import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { staffNameSchema, type Staff } from '../../../../shared/domain/staff.ts';
import { ApiError, errorMessageOf } from '../../api/ApiError.ts';
import { FormField } from '../../components/FormField.tsx';
import { useStaff } from '../../query/useSharedReads.ts';
import { createStaff, renameStaff, setStaffActive } from './staffWrites.ts';
import { ConflictPanel } from '../../components/ConflictPanel.tsx';
import { conflictMessages } from '../../components/conflictMessages.ts';
import { fieldChanges, type FieldChange } from '../../components/fieldChanges.ts';
import { queries } from '../../query/queries.ts';
import { queryClient } from '../../query/queryClientInstance.ts';
import { isComposing } from '../Inquiries/inquiryParts.tsx';
import { SolicitorCell, SolicitorSummary } from './SolicitorStanding.tsx';
import { StaffSolicitorDialog } from './StaffSolicitorDialog.tsx';

function nameError(name: string): string | null {
  const parsed = staffNameSchema.safeParse(name);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? '担当者名を確かめてください');
}

function apiNameError(error: unknown): string {
  if (error instanceof ApiError && error.fields.name) return error.fields.name;
  return errorMessageOf(error, '保存できませんでした。もう一度お試しください。');
}

/** Enter submits, except the Enter that confirms an IME conversion. */
function blockComposingEnter(e: KeyboardEvent) {
  if (e.key === 'Enter' && isComposing(e)) e.preventDefault();
}

/** 担当者: list, add by name, rename, 無効にする / 有効にする. Never deleted, so old records keep their names. */
export function StaffSection() {
  const { items, loaded, error: loadError } = useStaff();
  const [newName, setNewName] = useState('');
  const [newError, setNewError] = useState<string | null>(null);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [solicitorOf, setSolicitorOf] = useState<Staff | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setMessage(null);
    const problem = nameError(newName);
    if (problem) {
      setNewError(problem);
      document.getElementById('staff-new-name')?.focus();
      return;
    }
    setBusy(true);
    try {
      const staff = await createStaff(newName.trim());
      setNewName('');
      setNewError(null);
      setMessage({ kind: 'success', text: `「${staff.name}」さんを追加しました。` });
    } catch (error) {
      setNewError(apiNameError(error));
    } finally {
      setBusy(false);
    }
  };

  const toggle = async (staff: Staff) => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const saved = await setStaffActive(staff, !staff.active);
      setMessage({
        kind: 'success',
        text: saved.active ? `「${saved.name}」さんを有効にしました。` : `「${saved.name}」さんを無効にしました。これまでの記録には名前が残ります。`,
      });
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessageOf(error, '変更できませんでした。もう一度お試しください。') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="settings-staff">
      <h2 id="settings-staff">担当者</h2>
      <p className="section-lead">
        窓口で対応する人の名前です。辞めた人や異動した人は「無効にする」と選べなくなりますが、これまでの記録には名前が残ります（削除はできません）。
      </p>
      {loadError && (
        <p role="alert" className="message message-error">
          {loadError}
        </p>
      )}
      <form noValidate className="staff-add" onSubmit={(e) => void add(e)} onKeyDown={blockComposingEnter}>
        <FormField id="staff-new-name" label="新しい担当者の名前" error={newError ?? undefined}>
          {(control) => (
            <div className="input-with-button">
              <input
                {...control}
                type="text"
                autoComplete="off"
                maxLength={100}
                value={newName}
                onChange={(e) => {
                  setNewName(e.target.value);
                  if (newError) setNewError(null);
                }}
              />
              <button type="submit" className="button button-primary" disabled={busy}>
                追加
              </button>
            </div>
          )}
        </FormField>
      </form>
      <p role="status" className={message ? `message message-${message.kind}` : 'message-empty'}>
        {message?.text}
      </p>
      {loaded && items.length === 0 && <p className="empty-state">まだ担当者は登録されていません。</p>}
      <SolicitorSummary staff={items} />
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="data-table staff-table">
            <caption className="visually-hidden">担当者の一覧</caption>
            <thead>
              <tr>
                <th scope="col">名前</th>
                <th scope="col">状態</th>
                <th scope="col">募集人</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {items.map((staff) =>
                renamingId === staff.id ? (
                  <RenameRow
                    key={staff.id}
                    staff={staff}
                    onDone={(text) => {
                      setRenamingId(null);
                      if (text) setMessage({ kind: 'success', text });
                    }}
                  />
                ) : (
                  <tr key={staff.id} className={staff.active ? undefined : 'row-inactive'}>
                    <td className="nowrap">{staff.name}</td>
                    <td className="nowrap">{staff.active ? '有効' : '無効'}</td>
                    <SolicitorCell staff={staff} />
                    <td>
                      <div className="row-actions">
                        <button type="button" className="button button-small" aria-label={`${staff.name}さんの募集人の登録`} onClick={() => setSolicitorOf(staff)}>
                          募集人の登録
                        </button>
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={`${staff.name}さんの名前を変更`}
                          onClick={() => {
                            setMessage(null);
                            setRenamingId(staff.id);
                          }}
                        >
                          名前を変更
                        </button>
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={`${staff.name}さんを${staff.active ? '無効にする' : '有効にする'}`}
                          disabled={busy}
                          onClick={() => void toggle(staff)}
                        >
                          {staff.active ? '無効にする' : '有効にする'}
                        </button>
                      </div>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      {solicitorOf && (
        <StaffSolicitorDialog
          staff={solicitorOf}
          onDone={(text) => {
            setSolicitorOf(null);
            if (text) setMessage({ kind: 'success', text });
          }}
        />
      )}
    </section>
  );
}

function RenameRow({ staff, onDone }: { staff: Staff; onDone(message: string | null): void }) {
  // The staff member as the editor opened them: the rename replaces exactly that.
  const [opened, setOpened] = useState(staff);
  const [name, setName] = useState(staff.name);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<{ current: Staff; changes: FieldChange<'name' | 'active'>[] } | null>(null);
  const id = `staff-rename-${staff.id}`;

  /** Someone else changed this staff member first: show what changed, field by field. */
  const showConflict = async () => {
    try {
      const items = await queryClient.fetchQuery({ ...queries.staff(), staleTime: 0 });
      const current = items.find((s) => s.id === opened.id);
      if (!current) throw new Error('staff member gone');
      const text = (s: Staff, typed = s.name) => ({ name: typed, active: s.active ? '有効' : '無効' });
      setConflict({ current, changes: fieldChanges(['name', 'active'], text(opened), text(current), text(opened, name.trim())) });
      setError(null);
    } catch {
      setError(conflictMessages.loadFailed);
    }
  };

  const save = async () => {
    if (saving) return;
    const problem = nameError(name);
    if (problem) {
      setError(problem);
      return;
    }
    if (name.trim() === opened.name) {
      onDone(null);
      return;
    }
    setSaving(true);
    try {
      const saved = await renameStaff(opened, name.trim());
      onDone(`「${opened.name}」さんの名前を「${saved.name}」に変更しました。`);
    } catch (e) {
      setSaving(false);
      if (e instanceof ApiError && e.code === 'CONFLICT') void showConflict();
      else setError(apiNameError(e));
    }
  };

  return (
    <tr className="row-editing">
      <td colSpan={4}>
        <div
          className="staff-rename"
          onKeyDown={(e) => {
            if (isComposing(e)) return;
            if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
              e.preventDefault();
              void save();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              onDone(null);
            }
          }}
        >
          <FormField id={id} label={`「${staff.name}」さんの新しい名前`} error={error ?? undefined}>
            {(control) => (
              <input
                {...control}
                // Opening the editor is a deliberate step, so the field takes focus.
                autoFocus
                type="text"
                autoComplete="off"
                maxLength={100}
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  if (error) setError(null);
                }}
              />
            )}
          </FormField>
          <button type="button" className="button button-primary" disabled={saving} onClick={() => void save()}>
            保存
          </button>
          <button type="button" className="button" disabled={saving} onClick={() => onDone(null)}>
            キャンセル
          </button>
          {conflict && (
            <ConflictPanel
              changes={conflict.changes}
              label={(field) => (field === 'name' ? '名前' : '状態')}
              onReload={() => {
                setOpened(conflict.current);
                setName(conflict.current.name);
                setConflict(null);
              }}
              onReapply={() => {
                // The typed name stays; it now replaces the name as it is.
                setOpened(conflict.current);
                setConflict(null);
              }}
            />
          )}
        </div>
      </td>
    </tr>
  );
}
