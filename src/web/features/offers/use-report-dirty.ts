import { useEffect, useRef } from 'react';

/** Tells the page when a form's unsaved state changes, and that it is clean once the form goes away. */
export function useReportDirty(isDirty: boolean, onDirtyChange: (isDirty: boolean) => void): void {
  const report = useRef(onDirtyChange);
  report.current = onDirtyChange;
  useEffect(() => {
    report.current(isDirty);
  }, [isDirty]);
  useEffect(() => () => report.current(false), []);
}
