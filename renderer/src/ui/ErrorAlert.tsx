/**
 * Shows a failed call the way the services worded it: the message, and each problem with its field's
 * Chinese label (problemText: a bare key such as `code` is never shown).
 */
import { Alert } from 'antd';
import { problemText } from '../../../shared/api/labels';
import { ApiCallError } from '../api/client';

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const problems = error instanceof ApiCallError ? error.problems : [];
  return (
    <Alert
      type="error"
      showIcon
      title={title ?? message}
      description={
        problems.length > 0 || title ? (
          <div>
            {title && <div>{message}</div>}
            {problems.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.slice(0, 50).map((p, i) => (
                  <li key={i}>{problemText(p)}</li>
                ))}
              </ul>
            )}
          </div>
        ) : undefined
      }
      role="alert"
    />
  );
}
