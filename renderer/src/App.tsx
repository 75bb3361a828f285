/**
 * Placeholder page until issue 3 builds the desktop interface. The version line shows that the preload
 * bridge works; in a plain browser (no preload) it is simply absent.
 */
import { useEffect, useState } from 'react';

export function App() {
  const [version, setVersion] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    window.api
      ?.appInfo()
      .then((info) => {
        if (live) setVersion(info.version);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  return (
    <main style={{ fontFamily: 'system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif', padding: '3rem' }}>
      <h1>长护助手</h1>
      <p>桌面界面正在建设中；月度结算可用命令行 ltc 完成。</p>
      {version && <p style={{ color: '#666' }}>版本 {version}</p>}
    </main>
  );
}
