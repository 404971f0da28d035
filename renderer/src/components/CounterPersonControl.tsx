import { useCallback, useEffect, useState } from 'react';
import { defaultCounterIdleMinutes } from '../../../shared/domain/settings.ts';
import { solicitorMessages } from '../../../shared/messages/solicitorMessages.ts';
import { saveSettings, useSettings, useStaff } from '../query/useSharedReads.ts';
import { CounterPersonChooser, type ChooserReason } from './CounterPersonChooser.tsx';
import { useIdle } from './useIdle.ts';

// Once per start of the window, not each time the header re-mounts.
const startAsked = { done: false };

/**
 * 対応者 in the header: who is at this machine's counter now (settings.currentStaffId, which every
 * status change and output copies). On a machine several staff share, it asks at start; after the
 * minutes set in 設定 without input it clears the person and asks again, so the trail never names
 * someone who has left the counter.
 */
export function CounterPersonControl() {
  const { settings } = useSettings();
  const { items, loaded } = useStaff();
  const active = items.filter((s) => s.active);
  const [asking, setAsking] = useState<ChooserReason | null>(null);
  // Who was there before a pause: offered first, as they are the one most likely back.
  const [beforePause, setBeforePause] = useState<string | null>(null);
  const currentId = settings?.currentStaffId ?? null;
  const current = items.find((s) => s.id === currentId);

  // Decided once, when settings and staff first arrive (adjusting state during render, as React
  // recommends over an effect). A machine one person uses needs no question at each start.
  const [startChecked, setStartChecked] = useState(startAsked.done);
  if (!startChecked && settings !== null && loaded) {
    setStartChecked(true);
    if (active.length >= 2) setAsking('start');
  }
  useEffect(() => {
    if (startChecked) startAsked.done = true;
  }, [startChecked]);

  const onIdle = useCallback(() => {
    if (currentId === null) return;
    setBeforePause(currentId);
    void saveSettings({ currentStaffId: null }).then(() => setAsking('idle'));
  }, [currentId]);
  useIdle(settings?.counterIdleMinutes ?? defaultCounterIdleMinutes, onIdle);

  return (
    <>
      <button
        type="button"
        className={current ? 'counter-person' : 'counter-person counter-person-none'}
        aria-haspopup="dialog"
        onClick={() => setAsking('header')}
        disabled={settings === null}
      >
        {current ? solicitorMessages.counterPerson(current.name) : solicitorMessages.counterNobody}
      </button>
      {asking && (
        <CounterPersonChooser staff={active} currentId={currentId ?? beforePause} reason={asking} onClose={() => setAsking(null)} />
      )}
    </>
  );
}
