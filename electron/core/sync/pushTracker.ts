/**
 * Revisions written to the store from here and not yet seen going to the hub: with the outbox,
 * what the indicator counts as 未送信. Only a pushed batch's own documents take an entry off. A
 * push that pauses has caught up with the store's feed as it stood, which can be before the rest
 * of a drain's write is in it.
 */
export interface PushTracker {
  written(docs: readonly { id: string; rev: string }[]): void;
  /** Documents a push batch sent: this revision or a later one of each is on the hub. */
  pushed(docs: readonly { _id: string; _rev?: string }[]): void;
  forget(): void;
  readonly size: number;
}

const generation = (rev: string | undefined) => (rev ? Number.parseInt(rev, 10) : 0);

export function createPushTracker(): PushTracker {
  const waiting = new Map<string, number>();
  return {
    written(docs) {
      for (const doc of docs) waiting.set(doc.id, generation(doc.rev));
    },
    pushed(docs) {
      for (const doc of docs) {
        const wanted = waiting.get(doc._id);
        if (wanted !== undefined && generation(doc._rev) >= wanted) waiting.delete(doc._id);
      }
    },
    forget() {
      waiting.clear();
    },
    get size() {
      return waiting.size;
    },
  };
}
