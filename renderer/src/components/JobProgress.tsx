import { useEffect, useRef } from 'react';
import type { JobState } from '../../../shared/contract/jobs.ts';

interface JobProgressProps {
  id: string;
  /** What is running, e.g. 「書き出しています」; also the progress bar's accessible name. */
  label: string;
  progress: JobState['progress'] | null;
  onCancel: () => void;
}

/** A progress bar with the job's own line (「1,200 / 5,000 件」) and a 中止 button. */
export function JobProgress({ id, label, progress, onCancel }: JobProgressProps) {
  const total = progress?.total ?? 0;
  const ref = useRef<HTMLDivElement>(null);
  // The start button can sit at the bottom of the window; the bar and 中止 must not be off screen.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <div className="job-progress" ref={ref}>
      <label htmlFor={id}>{label}</label>
      {/* Without a known total the bar is indeterminate rather than stuck at zero. */}
      {total > 0 ? (
        <progress id={id} max={total} value={Math.min(progress?.done ?? 0, total)} />
      ) : (
        <progress id={id} />
      )}
      <span className="job-progress-text">{progress?.label ?? '準備しています…'}</span>
      <button type="button" className="button" onClick={onCancel}>
        中止
      </button>
    </div>
  );
}
