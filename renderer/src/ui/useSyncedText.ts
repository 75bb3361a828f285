import { useState } from 'react';

/**
 * A search box's text, which the user types freely and which follows its filter when that changes
 * elsewhere (清除筛选, a link, the back button). Adjusted while rendering, not in an effect, so the box
 * never shows the old text for a frame.
 */
export function useSyncedText(external: string | undefined): [string, (text: string) => void] {
  const [text, setText] = useState(external ?? '');
  const [seen, setSeen] = useState(external);
  if (external !== seen) {
    setSeen(external);
    setText(external ?? '');
  }
  return [text, setText];
}
