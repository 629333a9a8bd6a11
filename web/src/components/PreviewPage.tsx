/**
 * "Đọc thử một văn bản": a file read by the server as ingest reads it, without storing it — what the extractor found,
 * each fact beside its quote in the text, and where the text would join the graph.
 */
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { previewDocument } from '../api/operations';
import type { DocumentPreview, RootRef } from '../api/types';
import { formatCount, useI18n } from '../i18n';
import { previewHighlights } from '../text/highlights';
import { DocumentText } from './DocumentText';
import { PreviewFacts } from './PreviewFacts';
import { ErrorMessage, Loading } from './StatusMessage';
import { StoreForm, type Stored } from './StoreForm';

const READABLE = ['.txt', '.md', '.docx', '.pdf'];
/**
 * The largest file sent: base64 makes it a third larger, and the server takes requests of 2 MB by default
 * (BODY_LIMIT); a larger file is refused here, with the command that loads it.
 */
export const MAX_PREVIEW_BYTES = 1.4 * 1024 * 1024;

type State =
  | { kind: 'idle' }
  | { kind: 'refused'; message: string }
  | { kind: 'reading'; name: string }
  | { kind: 'failed'; error: unknown; file: File }
  | { kind: 'read'; preview: DocumentPreview; contentBase64: string; stored: Stored | null };

export function PreviewPage({ onOpen, onHome }: { onOpen: (ref: RootRef) => void; onHome: () => void }) {
  const { t, lang } = useI18n();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [focus, setFocus] = useState<string | null>(null);
  const [reveal, setReveal] = useState(0);
  const [dragging, setDragging] = useState(false);
  const pending = useRef<AbortController | null>(null);
  useEffect(() => () => pending.current?.abort(), []);

  const read = (file: File) => {
    const ext = file.name.slice(file.name.lastIndexOf('.')).toLowerCase();
    if (!READABLE.includes(ext)) return setState({ kind: 'refused', message: t('readUnsupported', { name: file.name }) });
    if (file.size > MAX_PREVIEW_BYTES) return setState({ kind: 'refused', message: t('readTooLarge', { name: file.name, max: `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(MAX_PREVIEW_BYTES / 1048576)} MB` }) });
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setState({ kind: 'reading', name: file.name });
    setFocus(null);
    fileBase64(file)
      .then(async (b64) => ({ b64, preview: await previewDocument(file.name, b64, controller.signal) }))
      .then(
        ({ b64, preview }) => !controller.signal.aborted && setState({ kind: 'read', preview, contentBase64: b64, stored: null }),
        (error) => !controller.signal.aborted && setState({ kind: 'failed', error, file }),
      );
  };
  // Once stored, the same bytes read again: the page then says what the graph holds.
  const onStored = (stored: Stored) => {
    if (state.kind !== 'read') return;
    const { contentBase64, preview: before } = state;
    setState({ ...state, stored });
    previewDocument(before.fileName, contentBase64).then(
      (preview) => setState((s) => (s.kind === 'read' && s.contentBase64 === contentBase64 ? { ...s, preview } : s)),
      () => undefined,
    );
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) read(file);
  };
  const show = (id: string) => {
    setFocus(id);
    setReveal((r) => r + 1);
  };
  const preview = state.kind === 'read' ? state.preview : null;
  const highlights = useMemo(() => (preview ? previewHighlights(preview) : []), [preview]);

  return (
    <main className="read">
      <section className="read-pick">
        <button type="button" onClick={onHome}>
          {t('back')}
        </button>
        <h2>{t('readTitle')}</h2>
        <p className="muted">{t('readIntro')}</p>
        <label
          className={`drop-zone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="drop-zone"
        >
          <input
            type="file"
            accept={READABLE.join(',')}
            data-testid="read-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) read(file);
              e.target.value = '';
            }}
          />
          <span className="button-like">{preview ? t('readAnother') : t('readChoose')}</span> <span className="muted">{t('readDrop')}</span>
        </label>
        {state.kind === 'refused' && (
          <div className="status status-error" role="alert" data-testid="error">
            <span aria-hidden="true">⚠</span> {state.message}
          </div>
        )}
        {state.kind === 'reading' && <Loading label={t('readReading', { name: state.name })} />}
        {state.kind === 'failed' && <ErrorMessage error={state.error} onRetry={() => read(state.file)} />}
      </section>
      {preview && (
        <div className="read-result">
          <div>
            {state.kind === 'read' && state.stored && (
              <div className="status status-done" role="status" data-testid="stored">
                {t('storeDone', { nodes: formatCount(lang, state.stored.nodesWritten), relationships: formatCount(lang, state.stored.relationshipsWritten) })}
              </div>
            )}
            <PreviewFacts preview={preview} onShow={show} onOpen={onOpen} />
            {state.kind === 'read' && preview.inGraph !== 'SAME_TEXT' && <StoreForm fileName={preview.fileName} contentBase64={state.contentBase64} onStored={onStored} />}
          </div>
          <section className="read-text" aria-label={t('documentText')}>
            <h3>
              {t('documentText')} <span className="muted">({preview.fileName})</span>
            </h3>
            <DocumentText text={preview.text} highlights={highlights} focus={focus} reveal={reveal} />
          </section>
        </div>
      )}
    </main>
  );
}

/** A file's bytes in base64 (the data URL the browser makes, without its prefix). */
function fileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the file'));
    reader.readAsDataURL(file);
  });
}
