/**
 * Revisions written to the store from here and not yet seen going to the hub: with the outbox,
 * what the indicator counts as 未送信. Only a pushed batch's own documents take an entry off. A
 * push that pauses has caught up with the store's feed as it stood, which can be before the rest
 * of a drain's write is in it. The live push can also send a revision before the drain has said it
 * wrote it: such a push is remembered (the latest few thousand) and settles the entry at once.
 */
export interface PushTracker {
  written(docs: readonly { id: string; rev: string }[]): void;
  /** Documents a push batch sent: this revision or a later one of each is on the hub. */
  pushed(docs: readonly { _id: string; _rev?: string }[]): void;
  forget(): void;
  readonly size: number;
}

const generation = (rev: string | undefined) => (rev ? Number.parseInt(rev, 10) : 0);

/** Pushes not yet matched to a write, kept at most: a drain batch is 500, so this is many batches' worth. */
export const earlyPushesKept = 20_000;

export function createPushTracker(): PushTracker {
  const waiting = new Map<string, number>();
  const early = new Map<string, number>();
  return {
    written(docs) {
      for (const doc of docs) {
        const written = generation(doc.rev);
        const sent = early.get(doc.id);
        if (sent !== undefined && sent >= written) early.delete(doc.id);
        else waiting.set(doc.id, written);
      }
    },
    pushed(docs) {
      for (const doc of docs) {
        const sent = generation(doc._rev);
        const wanted = waiting.get(doc._id);
        if (wanted === undefined) {
          early.delete(doc._id);
          early.set(doc._id, sent);
          if (early.size > earlyPushesKept) early.delete(early.keys().next().value!);
        } else if (sent >= wanted) waiting.delete(doc._id);
      }
    },
    forget() {
      waiting.clear();
      early.clear();
    },
    get size() {
      return waiting.size;
    },
  };
}
