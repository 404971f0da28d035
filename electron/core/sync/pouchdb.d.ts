/**
 * The part of pouchdb-node this app uses, typed by hand: `@types/pouchdb-*` pull `lib dom` and a
 * global `Buffer` into the whole project. Only what the local store and the engine call.
 */
declare module 'pouchdb-node' {
  namespace PouchDB {
    interface Doc {
      _id: string;
      _rev?: string;
      _deleted?: boolean;
      _conflicts?: string[];
      [key: string]: unknown;
    }

    interface Response {
      ok: boolean;
      id: string;
      rev: string;
    }

    interface BulkError {
      error: true | string;
      id?: string;
      name?: string;
      status?: number;
      message?: string;
    }

    interface ChangesResult<D> {
      results: { id: string; seq: number | string; deleted?: boolean; doc?: D & Doc; changes: { rev: string }[] }[];
      last_seq: number | string;
    }

    interface ReplicationResult {
      ok: boolean;
      docs_read?: number;
      docs_written?: number;
      doc_write_failures?: number;
      errors?: unknown[];
      last_seq?: number | string;
      status?: string;
    }

    interface ReplicationOptions {
      live?: boolean;
      retry?: boolean;
      batch_size?: number;
      batches_limit?: number;
      heartbeat?: number | false;
      timeout?: number | false;
      back_off_function?: (delay: number) => number;
      checkpoint?: 'source' | 'target' | false;
    }

    /** A replication in progress: an event emitter and a promise of its end. */
    interface Replication extends PromiseLike<ReplicationResult> {
      on(event: 'change', listener: (info: { docs_written?: number; docs_read?: number; last_seq?: number | string; docs?: Doc[] }) => void): this;
      on(event: 'paused' | 'error' | 'denied', listener: (error?: unknown) => void): this;
      on(event: 'active', listener: () => void): this;
      on(event: 'complete', listener: (info: ReplicationResult) => void): this;
      removeAllListeners(): this;
      cancel(): void;
      catch(onRejected: (error: unknown) => unknown): Promise<unknown>;
    }

    interface FetchInit {
      method?: string;
      headers: { set(name: string, value: string): void; get(name: string): string | null };
      body?: unknown;
      agent?: unknown;
      [key: string]: unknown;
    }

    interface FetchResponse {
      ok: boolean;
      status: number;
      headers: { get(name: string): string | null };
      json(): Promise<unknown>;
      text(): Promise<string>;
    }

    type Fetch = (url: string, init: FetchInit) => Promise<FetchResponse>;

    interface Options {
      /** The http adapter sends every request through this (pouchdb-node's default is node-fetch). */
      fetch?: Fetch;
      skip_setup?: boolean;
      /** Basic credentials for an http database (the bench's reference uses the hub's admin). */
      auth?: { username: string; password: string };
      auto_compaction?: boolean;
    }

    interface Database {
      readonly name: string;
      get<D>(id: string, options?: { revs?: boolean; open_revs?: 'all' | string[]; conflicts?: boolean; rev?: string }): Promise<D & Doc>;
      put(doc: Doc, options?: { new_edits?: boolean }): Promise<Response>;
      bulkDocs(docs: Doc[], options?: { new_edits?: boolean }): Promise<(Response | BulkError)[]>;
      allDocs<D>(options?: { include_docs?: boolean; conflicts?: boolean; keys?: string[]; startkey?: string; endkey?: string; limit?: number; attachments?: boolean; binary?: boolean }): Promise<{
        total_rows: number;
        rows: { id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: D & Doc; error?: string }[];
      }>;
      changes<D>(options: { since?: number | string; include_docs?: boolean; conflicts?: boolean; limit?: number; style?: 'all_docs' | 'main_only'; return_docs?: boolean }): Promise<ChangesResult<D>>;
      info(): Promise<{ db_name: string; doc_count: number; update_seq: number | string }>;
      compact(): Promise<unknown>;
      destroy(): Promise<unknown>;
      close(): Promise<void>;
      replicate: {
        to(target: Database, options?: ReplicationOptions): Replication;
        from(source: Database, options?: ReplicationOptions): Replication;
      };
    }

    interface Static {
      new (name: string, options?: Options): Database;
      fetch: Fetch;
    }
  }

  const PouchDB: PouchDB.Static;
  export default PouchDB;
}
