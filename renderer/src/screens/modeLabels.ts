import type { AppInfo } from '../../../shared/contract/channels.ts';

export const modeLabels: Record<AppInfo['mode'], string> = {
  desktop: 'デスクトップ版',
  preview: 'ブラウザ版プレビュー',
};
