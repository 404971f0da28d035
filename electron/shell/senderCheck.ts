import type { IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../../shared/contract/envelope.ts';
import { errorMessages } from '../../shared/messages/errors.ts';
import { isRendererUrl } from './appProtocol.ts';

/** What every IPC handler answers to a frame that is not our renderer. */
export const forbiddenEnvelope: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: errorMessages.FORBIDDEN },
};

/**
 * Whether an IPC message comes from our own renderer page. The preload runs in every frame the
 * window might load, so the frame's URL, not the window, decides.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  try {
    const frame = event.senderFrame;
    return frame !== null && isRendererUrl(frame.url);
  } catch {
    // A frame that navigated away or was destroyed mid-call throws on access.
    return false;
  }
}
