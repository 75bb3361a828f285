/** Progress of long commands on stderr: one line per phase or percent, never on stdout (scripts read that). */
export function progressLogger(log: (s: string) => void): (p: { done: number; total: number; phase: string }) => void {
  let last = '';
  return (p) => {
    const line = `${p.phase} ${Math.floor((100 * p.done) / Math.max(1, p.total))}%`;
    if (line !== last) log((last = line));
  };
}
