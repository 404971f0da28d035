import { useQuery } from '@tanstack/react-query';
import type { ContentPack } from '../../../shared/content/contentPackSchema.ts';
import type { RateTable } from '../../../shared/content/rateTableSchema.ts';
import type { ChannelInput, ChannelResult } from '../../../shared/contract/channels.ts';
import type { AgencyTexts } from '../../../shared/domain/agencyTexts.ts';
import type { Settings } from '../../../shared/domain/settings.ts';
import type { Staff } from '../../../shared/domain/staff.ts';
import { call } from '../api/client.ts';
import { errorMessageOf } from '../api/ApiError.ts';
import { queries } from './queries.ts';
import { queryClient } from './queryClientInstance.ts';
import { queryKeys } from './queryKeys.ts';

/** Settings kept on this machine: 受付番号の記号, the staff member at this counter, date style. */
export function useSettings(): { settings: Settings | null; error: string | null } {
  const { data, error } = useQuery(queries.settings());
  return { settings: data ?? null, error: error ? errorMessageOf(error, '設定を読み込めませんでした。') : null };
}

/** Saves part of the settings and shows the stored answer at once; throws ApiError for field errors. */
export async function saveSettings(patch: ChannelInput<'settings.update'>): Promise<Settings> {
  const settings = await call('settings.update', patch);
  queryClient.setQueryData(queryKeys.settings(), settings);
  return settings;
}

/** The agency's own texts, each with its version (設定 → 代理店の文言). */
export function useAgencyTexts(): { texts: AgencyTexts | null; error: string | null } {
  const { data, error } = useQuery(queries.agencyTexts());
  return { texts: data ?? null, error: error ? errorMessageOf(error, '代理店の文言を読み込めませんでした。') : null };
}

/** Saves a new version of one agency text; throws ApiError (CONFLICT when another counter saved first). */
export async function saveAgencyText(update: ChannelInput<'settings.updateAgencyText'>): Promise<AgencyTexts> {
  const texts = await call('settings.updateAgencyText', update);
  queryClient.setQueryData(queryKeys.agencyTexts(), texts);
  return texts;
}

/** 担当者, active or not (the inactive stay so old records keep their names). */
export function useStaff(): { items: Staff[]; loaded: boolean; error: string | null } {
  const { data, error } = useQuery(queries.staff());
  return { items: data ?? [], loaded: data !== undefined, error: error ? errorMessageOf(error, '担当者を読み込めませんでした。') : null };
}

/** Selector: the staff who can be chosen for new work. */
export const activeStaff = (items: Staff[]) => items.filter((s) => s.active);

type ContentProblem = ChannelResult<'content.get'>['problems'][number];

/** The approved flyer's text and the premium table: the only source of what the app says about the product. */
export function useContent(): {
  pack: ContentPack | null;
  rates: RateTable | null;
  /** Whether 「チラシ」 prints the insurer's own flyer PDF (never a specimen then). */
  insurerFlyer: boolean;
  /** The insurer's important-matters PDF of the pack in force (its code and 作成日), checked; null when there is none. */
  importantMatters: { code: string; date: string } | null;
  problems: ContentProblem[];
  error: string | null;
  reload: () => void;
} {
  const { data, error, refetch } = useQuery(queries.content());
  return {
    pack: data?.pack ?? null,
    rates: data?.rates ?? null,
    insurerFlyer: data?.insurerFlyer ?? false,
    importantMatters: data?.importantMatters ?? null,
    problems: data?.problems ?? [],
    // Content already shown stays usable when a later read fails.
    error: error && !data ? errorMessageOf(error, '商品の説明と保険料表を読み込めませんでした。') : null,
    reload: () => void refetch(),
  };
}
