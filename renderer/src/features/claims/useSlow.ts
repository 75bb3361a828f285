import { useEffect, useState } from 'react';

/** True once `busy` has lasted `ms`: a progress state for work that takes a while, without flicker for quick work. */
export function useSlow(busy: boolean, ms = 300): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!busy) {
      setSlow(false);
      return;
    }
    const t = setTimeout(() => setSlow(true), ms);
    return () => clearTimeout(t);
  }, [busy, ms]);
  return slow;
}
