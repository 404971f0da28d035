/** Who writes and when: recorded on every change a repo makes. */
export interface WriteContext {
  machineId: string;
  /** The staff member chosen on this machine, recorded on every change. */
  staffId?: string | null;
  now?: () => Date;
}
