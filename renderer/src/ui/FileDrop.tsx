/** The drop zone of every import: one file, read by the caller, never uploaded by antd itself. */
import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';

export function FileDrop({
  accept,
  busy,
  onFile,
  text,
  busyText,
  hint,
}: {
  accept: string;
  busy: boolean;
  onFile: (f: File) => void;
  text: string;
  busyText: string;
  hint: string;
}) {
  return (
    <Upload.Dragger
      accept={accept}
      showUploadList={false}
      multiple={false}
      disabled={busy}
      beforeUpload={(f) => {
        onFile(f);
        // false: the caller reads the file and sends it through the contract.
        return false;
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{busy ? busyText : text}</p>
      <p className="ant-upload-hint">{hint}</p>
    </Upload.Dragger>
  );
}
