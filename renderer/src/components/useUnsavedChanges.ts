import { useEffect, useId } from 'react';
import { useUiStore } from '../stores/uiStore.ts';

/**
 * Tells the shell that this form holds unsaved input, so the menu (and Back) ask before
 * leaving the screen. The flag goes away with the form.
 */
export function useUnsavedChanges(unsaved: boolean): void {
  const key = useId();
  const setUnsaved = useUiStore((s) => s.setUnsaved);
  useEffect(() => {
    setUnsaved(key, unsaved);
    return () => setUnsaved(key, false);
  }, [key, unsaved, setUnsaved]);
}
