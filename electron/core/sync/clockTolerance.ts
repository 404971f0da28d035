/**
 * How far a clock may differ from the hub's (2 minutes). Beyond it, a remote field stamped that
 * far ahead is held rather than applied, this machine's own edit times are put on the hub's
 * clock when stamped, and a machine whose clock is that far off stops writing.
 */
export const futureToleranceMs = 2 * 60 * 1000;
