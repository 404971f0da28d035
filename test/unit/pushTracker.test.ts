import { describe, expect, it } from 'vitest';
import { createPushTracker } from '../../electron/core/sync/pushTracker.ts';

describe('未送信: revisions written here and not yet on the hub', () => {
  it('counts a drained revision until a push carries it or a later one', () => {
    const tracker = createPushTracker();
    tracker.written([{ id: 'clinics:a', rev: '2-x' }, { id: 'clinics:b', rev: '1-y' }]);
    expect(tracker.size).toBe(2);
    tracker.pushed([{ _id: 'clinics:a', _rev: '3-z' }]);
    expect(tracker.size).toBe(1);
    tracker.pushed([{ _id: 'clinics:b', _rev: '1-y' }]);
    expect(tracker.size).toBe(0);
  });

  it('an older revision pushed does not count a newer edit as sent', () => {
    const tracker = createPushTracker();
    tracker.written([{ id: 'clinics:a', rev: '4-new' }]);
    tracker.pushed([{ _id: 'clinics:a', _rev: '3-old' }]);
    expect(tracker.size).toBe(1);
  });

  it('a push that overtook the drain’s report settles the revision when it is reported', () => {
    const tracker = createPushTracker();
    tracker.pushed([{ _id: 'clinics:a', _rev: '1-x' }]);
    tracker.written([{ id: 'clinics:a', rev: '1-x' }, { id: 'clinics:b', rev: '1-y' }]);
    expect(tracker.size).toBe(1);
    // The early push is used once: the next edit of that record waits for its own push.
    tracker.written([{ id: 'clinics:a', rev: '2-x' }]);
    expect(tracker.size).toBe(2);
  });

  it('forgets everything when the store is replaced', () => {
    const tracker = createPushTracker();
    tracker.written([{ id: 'clinics:a', rev: '1-x' }]);
    tracker.forget();
    expect(tracker.size).toBe(0);
  });
});
