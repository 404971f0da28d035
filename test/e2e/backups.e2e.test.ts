import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { openCounterPage, useCounterApp } from './support/counterApp.ts';
import { expectText } from './support/screens.ts';
import { callPreview } from './support/startPreview.ts';

const app = useCounterApp();

interface SearchResult {
  items: { name: string }[];
}
/** The files the app holds for the window, as the data folder on disk shows them. */
const heldFiles = () => fs.readdirSync(path.join(app.preview.dataDir, 'tmp', 'files'));
const clinicNames = async () => (await callPreview<SearchResult>(app.preview, 'clinics.search', { query: '', includeArchived: true })).items.map((c) => c.name).sort();

describe('設定: バックアップ', () => {
  test('back up now, carry a protected copy away, bring it back with its password, and restore it after a confirmation', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '霧島眼科' });
    const { context, page, problems } = await openCounterPage(app, '設定');
    const section = page.getByRole('region', { name: 'バックアップ', exact: true });

    await section.getByRole('button', { name: '今すぐバックアップ' }).click();
    await expectText(section.getByRole('status'), 'バックアップを作成しました。');
    const row = section.getByRole('row').filter({ hasText: '手動' });
    await expectText(row, /医療機関 1件・問い合わせ 0件/);

    // A copy for a USB stick: protected by default; a short password is refused in the window.
    await row.getByRole('button', { name: /別の場所に保存/ }).click();
    const copyDialog = page.getByRole('dialog', { name: 'バックアップを別の場所に保存' });
    await expect(copyDialog.getByRole('checkbox', { name: 'パスワードで保護する（おすすめ）' }).isChecked()).resolves.toBe(true);
    await copyDialog.getByLabel('パスワード', { exact: true }).fill('sakura123');
    await copyDialog.getByLabel('パスワード（確認）').fill('sakura123');
    await copyDialog.getByRole('button', { name: '保存' }).click();
    await expectText(copyDialog, /パスワードは10文字以上にしてください/);
    await copyDialog.getByLabel('パスワード', { exact: true }).fill('桜島の噴火は2026年');
    await copyDialog.getByLabel('パスワード（確認）').fill('桜島の噴火は2026年');
    const downloading = page.waitForEvent('download');
    await copyDialog.getByRole('button', { name: '保存' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^医療機関サイバー保険_バックアップ_\d{4}-\d{2}-\d{2}（暗号化）\.ccbak$/);
    const copy = fs.readFileSync((await download.path())!);
    expect(copy.includes(Buffer.from('霧島眼科'))).toBe(false);
    // The copy is the whole data: once downloaded, the app keeps none of it in tmp/.
    await expect.poll(heldFiles).toEqual([]);

    // Later work, then the copy is brought back: a wrong password first.
    await callPreview(app.preview, 'clinics.create', { name: '指宿内科' });
    const choosing = page.waitForEvent('filechooser');
    await section.getByRole('button', { name: 'バックアップファイルを読み込む' }).click();
    await (await choosing).setFiles({ name: download.suggestedFilename(), mimeType: 'application/octet-stream', buffer: copy });
    const passwordDialog = page.getByRole('dialog', { name: 'バックアップのパスワード' });
    await passwordDialog.getByLabel('パスワード').fill('違うパスワード123');
    await passwordDialog.getByRole('button', { name: '読み込む' }).click();
    await expectText(passwordDialog, /パスワードが違うか、ファイルが壊れています。/);
    await passwordDialog.getByLabel('パスワード').fill('桜島の噴火は2026年');
    await passwordDialog.getByRole('button', { name: '読み込む' }).click();
    await passwordDialog.waitFor({ state: 'detached' });
    const imported = section.getByRole('row').filter({ hasText: '他の場所から' });
    await expectText(imported, /医療機関 1件・問い合わせ 0件/);
    // Brought back and listed, the file read from the USB stick leaves tmp/ too.
    expect(heldFiles()).toEqual([]);

    // 復元 names what it goes back to, then the window starts afresh with the old data.
    await imported.getByRole('button', { name: /から復元/ }).click();
    const restoreDialog = page.getByRole('alertdialog', { name: 'バックアップから復元' }).or(page.getByRole('dialog', { name: 'バックアップから復元' }));
    await expectText(restoreDialog, /医療機関 1件・問い合わせ 0件/);
    expect(await clinicNames()).toEqual(['指宿内科', '霧島眼科']);
    await restoreDialog.getByRole('button', { name: '復元する' }).click();
    const restoredNote = page.getByRole('status').filter({ hasText: 'を復元しました。' });
    await expectText(restoredNote, /^\d{1,2}月\d{1,2}日 \d{2}:\d{2} のバックアップ（医療機関 1件・問い合わせ 0件）を復元しました。復元する前のデータも「復元前」のバックアップとして一覧に残っています。$/);
    expect(await clinicNames()).toEqual(['霧島眼科']);
    await expectText(page.getByRole('region', { name: 'バックアップ', exact: true }).getByRole('row').filter({ hasText: '復元前' }), /医療機関 2件/);
    // The two refusals (no password yet, a wrong one) are answered 422 by design; nothing else went wrong.
    expect(problems.filter((p) => !p.includes('422') || !p.includes('backups.addFromFile'))).toEqual([]);
    await context.close();
  });

  test('a backup carrying a foreign trigger is refused in the restore dialog, which says nothing changed', async () => {
    await callPreview(app.preview, 'clinics.create', { name: '鹿屋クリニック' });
    const backup = await callPreview<{ fileName: string }>(app.preview, 'backups.create', {});
    const backupsDir = path.join(app.preview.dataDir, 'backups');
    const crafted = path.join(backupsDir, 'backup-20261130T080000Z-imported.sqlite3');
    fs.copyFileSync(path.join(backupsDir, backup.fileName), crafted);
    const db = new Database(crafted);
    db.exec("CREATE TRIGGER fax_rewrite AFTER INSERT ON clinics BEGIN UPDATE clinics SET fax = '03-0000-0000' WHERE seq = new.seq; END;");
    db.close();
    const before = await clinicNames();
    const { context, page, problems } = await openCounterPage(app, '設定');
    const section = page.getByRole('region', { name: 'バックアップ', exact: true });
    // Newest first: the crafted file (dated 30 November) is the last one brought in from elsewhere.
    const row = section.getByRole('row').filter({ hasText: '他の場所から' }).last();
    await row.getByRole('button', { name: /から復元/ }).click();
    const restoreDialog = page.getByRole('alertdialog', { name: 'バックアップから復元' }).or(page.getByRole('dialog', { name: 'バックアップから復元' }));
    await restoreDialog.getByRole('button', { name: '復元する' }).click();
    await expectText(
      restoreDialog.getByRole('alert'),
      'このバックアップには、このアプリが作らないトリガー（自動で動く処理）「fax_rewrite」が含まれています。復元は行っていません。現在のデータはそのままです。',
    );
    expect(await clinicNames()).toEqual(before);
    // The refusal is answered 422 by design; nothing else went wrong.
    expect(problems.filter((p) => !p.includes('422') || !p.includes('backups.restore'))).toEqual([]);
    await context.close();
  });

  test('完全削除 removes archived clinics only after a confirmation, with a backup first', async () => {
    const clinic = await callPreview<{ id: string }>(app.preview, 'clinics.create', { name: '閉院した医院' });
    await callPreview(app.preview, 'clinics.archive', { id: clinic.id });
    const { context, page, problems } = await openCounterPage(app, '設定');
    const section = page.getByRole('region', { name: 'アーカイブした記録の完全削除' });
    await expectText(section, /削除の対象：医療機関 1件・問い合わせ 0件/);
    await section.getByRole('button', { name: '完全削除…' }).click();
    const dialog = page.getByRole('alertdialog', { name: '完全削除の確認' }).or(page.getByRole('dialog', { name: '完全削除の確認' }));
    const confirm = dialog.getByRole('button', { name: '完全削除する' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('checkbox', { name: '内容を確認しました' }).check();
    await confirm.click();
    await expectText(section.getByRole('status'), /医療機関 1件・問い合わせ 0件を完全に削除しました。/);
    expect(await clinicNames()).not.toContain('閉院した医院');
    await expectText(page.getByRole('region', { name: 'バックアップ', exact: true }).getByRole('row').filter({ hasText: '完全削除前' }), /医療機関 \d+件/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
