import type { Locator } from 'playwright-core';

/** 編集 on the opened clinic's summary: its form, with 医療機関名 ready to type in. */
export async function editOpenClinic(region: Locator): Promise<Locator> {
  await region.getByRole('button', { name: '編集', exact: true }).click();
  await region.getByLabel('医療機関名', { exact: true }).waitFor();
  return region;
}
