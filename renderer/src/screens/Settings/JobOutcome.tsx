import { useEffect, useRef } from 'react';
import type { JobView } from '../../stores/clinicsCsvStore.ts';

/** The outcome line of a job: failures as an alert, everything else as a polite status. */
export function JobOutcome({ job }: { job: JobView }) {
  const ref = useRef<HTMLParagraphElement>(null);
  // Bring a new outcome into view: the clerk started the job further down the page.
  useEffect(() => {
    if (job.message) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [job.message]);
  if (job.phase === 'failed') {
    return (
      <p ref={ref} role="alert" className="message message-error">
        {job.message}
      </p>
    );
  }
  return (
    <p
      ref={ref}
      role="status"
      className={job.message ? `message message-${job.phase === 'done' ? 'success' : 'info'}` : 'message-empty'}
    >
      {job.message}
    </p>
  );
}
