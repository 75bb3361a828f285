/**
 * Every import's screen in one shape: choose a file → every row checked and shown, the bad ones to be
 * fixed in the file or left out → import all at once (nothing is stored while an error row is still
 * included; the commit sends the same file and the services check it again) → what was imported.
 * The visit and roster imports (pages) and the rota import (a dialog) use it; a new import brings only
 * its words, its preview table and its filters.
 */
import { Button, Flex, Steps } from 'antd';
import { useState, type ReactNode } from 'react';
import type { InputOf, MethodName, OutputOf } from '../../../shared/api/contract';
import type { ApiCallError } from '../api/client';
import { useApiMutation } from '../api/hooks';
import { readUpload } from './download';
import { ErrorAlert } from './ErrorAlert';
import { FileDrop } from './FileDrop';

export type Upload = { name: string; base64: string };

/**
 * The file, its preview and its commit. The preview is sent `{ file }`, or what `previewInput` makes of
 * the file when the import needs more (the rota's month).
 */
export function useImportFlow<P extends MethodName, C extends MethodName>(
  previewMethod: P,
  commitMethod: C,
  onNewFile: () => void,
  previewInput: (file: Upload) => InputOf<P> = (file) => ({ file }) as InputOf<P>,
): ImportFlow<OutputOf<P>, OutputOf<C>> & { file: Upload | null; commitWith: (input: InputOf<C>, then?: (result: OutputOf<C>) => void) => void } {
  const [file, setFile] = useState<Upload | null>(null);
  const [done, setDone] = useState<OutputOf<C> | null>(null);
  const preview = useApiMutation(previewMethod);
  const commit = useApiMutation(commitMethod);

  const choose = async (f: File): Promise<void> => {
    const upload = await readUpload(f);
    setFile(upload);
    setDone(null);
    onNewFile();
    commit.reset();
    preview.mutate(previewInput(upload));
  };
  const reset = (): void => {
    setFile(null);
    setDone(null);
    preview.reset();
    commit.reset();
  };
  /** Imports with `input`; `then` runs after it is stored (a message, say). */
  const commitWith = (input: InputOf<C>, then?: (result: OutputOf<C>) => void): void => {
    commit.mutate(input, {
      onSuccess: (r) => {
        setDone(r);
        then?.(r);
      },
    });
  };
  return { file, data: preview.data, done, preview, commit, choose, reset, commitWith };
}

/** What the wizard shows of a flow: the preview `D` once read, the commit's result `R` once stored. */
export interface ImportFlow<D, R> {
  data: D | undefined;
  done: R | null;
  preview: { isPending: boolean; error: ApiCallError | null };
  commit: { isPending: boolean; error: ApiCallError | null };
  choose: (f: File) => Promise<void>;
  reset: () => void;
}

export interface ImportWords {
  choose: string;
  chooseHint: string;
  reading: string;
  another: string;
}

export interface ImportWizardProps<D, R> {
  flow: ImportFlow<D, R>;
  header: ReactNode;
  words: ImportWords;
  accept: string;
  /** the steps above the file chooser, when the import wants them shown */
  steps?: readonly string[];
  /** the file's name and counts, on the line with 换一个文件 */
  fileLine: (data: D) => ReactNode;
  /** alerts, filters and the preview table */
  children: (data: D) => ReactNode;
  commitLabel: string;
  commitDisabled: boolean;
  onCommit: () => void;
  /** the screen after a successful import; `again` starts over with another file */
  renderDone: (done: R, again: () => void) => ReactNode;
}

export function ImportWizard<D, R>(props: ImportWizardProps<D, R>) {
  const { flow, header, words } = props;
  if (flow.done !== null) {
    return (
      <>
        {header}
        {props.renderDone(flow.done, flow.reset)}
      </>
    );
  }
  const data = flow.data;
  return (
    <>
      {header}
      {props.steps && <Steps size="small" current={data ? 1 : 0} style={{ marginBottom: 16 }} items={props.steps.map((title) => ({ title }))} />}
      {!data && (
        <FileDrop
          accept={props.accept}
          busy={flow.preview.isPending}
          onFile={(f) => void flow.choose(f)}
          text={words.choose}
          busyText={words.reading}
          hint={words.chooseHint}
        />
      )}
      <ErrorAlert error={flow.preview.error} />
      {flow.preview.error && (
        <Button style={{ marginTop: 8 }} onClick={flow.reset}>
          {words.another}
        </Button>
      )}
      {data && (
        <Flex vertical gap={12}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            {props.fileLine(data)}
            <Button onClick={flow.reset}>{words.another}</Button>
          </Flex>
          {props.children(data)}
          <ErrorAlert error={flow.commit.error} />
          <Flex>
            <Button type="primary" disabled={props.commitDisabled} loading={flow.commit.isPending} onClick={props.onCommit}>
              {props.commitLabel}
            </Button>
          </Flex>
        </Flex>
      )}
    </>
  );
}
