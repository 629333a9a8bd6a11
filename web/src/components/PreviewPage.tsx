/**
 * "Đọc thử một văn bản": files read by the server as ingest reads them, without storing them — what the extractor
 * found, each fact beside its quote in the text, and where each text would join the graph. Several files at once are
 * listed (code, status, what the extractor missed), read one after the other; a row opens that file's reading.
 */
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { previewDocument } from '../api/operations';
import type { DocumentPreview, RootRef, StoredFile } from '../api/types';
import { formatCount, typeName, useI18n } from '../i18n';
import { previewHighlights } from '../text/highlights';
import { DocumentText } from './DocumentText';
import { PreviewFacts } from './PreviewFacts';
import { ErrorMessage, Loading } from './StatusMessage';
import { StoreForm } from './StoreForm';

const READABLE = ['.txt', '.md', '.docx', '.pdf'];
/**
 * The largest file sent: base64 makes it a third larger, and the server takes requests of 2 MB by default
 * (BODY_LIMIT); a larger file is refused here, with the command that loads it.
 */
const MAX_PREVIEW_BYTES = 1.4 * 1024 * 1024;
/** Files read from one choice or drop; the rest are named as left out. */
const MAX_PREVIEW_FILES = 50;

interface Item {
  id: number;
  file: File;
  state: 'waiting' | 'reading' | 'read' | 'failed' | 'refused';
  message?: string;
  error?: unknown;
  preview?: DocumentPreview;
  contentBase64?: string;
  stored?: StoredFile | null;
}

let nextId = 1;

export function PreviewPage({ onOpen, onHome }: { onOpen: (ref: RootRef) => void; onHome: () => void }) {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<Item[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [leftOut, setLeftOut] = useState(0);
  const [focus, setFocus] = useState<string | null>(null);
  const [reveal, setReveal] = useState(0);
  const [dragging, setDragging] = useState(false);
  const pending = useRef<AbortController | null>(null);
  useEffect(() => () => pending.current?.abort(), []);

  const patch = (id: number, change: Partial<Item>) => setItems((xs) => xs.map((x) => (x.id === id ? { ...x, ...change } : x)));

  /** Reads one file; resolves when its answer (or error) is in. */
  const readOne = async (item: Item, signal: AbortSignal): Promise<void> => {
    patch(item.id, { state: 'reading', error: undefined });
    try {
      const b64 = await fileBase64(item.file);
      const preview = await previewDocument(item.file.name, b64, signal);
      if (!signal.aborted) patch(item.id, { state: 'read', preview, contentBase64: b64, stored: null });
    } catch (error) {
      if (!signal.aborted) patch(item.id, { state: 'failed', error });
    }
  };

  const readFiles = (files: File[]) => {
    if (!files.length) return;
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    const max = `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(MAX_PREVIEW_BYTES / 1048576)} MB`;
    const fresh: Item[] = files.slice(0, MAX_PREVIEW_FILES).map((file) => {
      const ext = file.name.slice(file.name.lastIndexOf('.')).toLowerCase();
      const id = nextId++;
      if (!READABLE.includes(ext)) return { id, file, state: 'refused', message: t('readUnsupported', { name: file.name }) };
      if (file.size > MAX_PREVIEW_BYTES) return { id, file, state: 'refused', message: t('readTooLarge', { name: file.name, max }) };
      return { id, file, state: 'waiting' };
    });
    setItems(fresh);
    setLeftOut(Math.max(0, files.length - MAX_PREVIEW_FILES));
    setSelected(fresh[0]!.id);
    setFocus(null);
    void (async () => {
      for (const item of fresh) {
        if (controller.signal.aborted) return;
        if (item.state === 'waiting') await readOne(item, controller.signal);
      }
    })();
  };

  const item = items.find((x) => x.id === selected) ?? null;
  // Once stored, the same bytes read again: the page then says what the graph holds.
  const onStored = (stored: StoredFile) => {
    if (!item?.contentBase64 || !item.preview) return;
    const { id, contentBase64, preview } = item;
    patch(id, { stored });
    previewDocument(preview.fileName, contentBase64).then((again) => patch(id, { preview: again }), () => undefined);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    readFiles([...e.dataTransfer.files]);
  };
  const show = (id: string) => {
    setFocus(id);
    setReveal((r) => r + 1);
  };
  const select = (id: number) => {
    setSelected(id);
    setFocus(null);
  };
  const preview = item?.state === 'read' ? item.preview! : null;
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
            multiple
            accept={READABLE.join(',')}
            data-testid="read-file"
            onChange={(e) => {
              readFiles([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
          <span className="button-like">{items.length ? t('readAnother') : t('readChoose')}</span> <span className="muted">{t('readDrop')}</span>
        </label>
        {items.length > 1 && <FileList items={items} selected={selected} onSelect={select} />}
        {leftOut > 0 && <p className="muted">{t('readLeftOut', { n: formatCount(lang, leftOut), max: MAX_PREVIEW_FILES })}</p>}
        {item?.state === 'refused' && (
          <div className="status status-error" role="alert" data-testid="error">
            <span aria-hidden="true">⚠</span> {item.message}
          </div>
        )}
        {(item?.state === 'reading' || item?.state === 'waiting') && <Loading label={t('readReading', { name: item.file.name })} />}
        {item?.state === 'failed' && <ErrorMessage error={item.error} onRetry={() => void readOne(item, new AbortController().signal)} />}
      </section>
      {item && preview && (
        <div className="read-result">
          <div>
            {item.stored && (
              <div className="status status-done" role="status" data-testid="stored">
                {t('storeDone', { nodes: formatCount(lang, item.stored.nodesWritten), relationships: formatCount(lang, item.stored.relationshipsWritten) })}
              </div>
            )}
            <PreviewFacts preview={preview} onShow={show} onOpen={onOpen} />
            {preview.inGraph !== 'SAME_TEXT' && <StoreForm key={item.id} fileName={preview.fileName} contentBase64={item.contentBase64!} onStored={onStored} />}
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

/** The files read together: each with what it is, whether the graph has it, and what the extractor missed. */
function FileList({ items, selected, onSelect }: { items: Item[]; selected: number | null; onSelect: (id: number) => void }) {
  const { t, lang } = useI18n();
  const read = items.filter((x) => x.state === 'read').length;
  return (
    <table className="read-batch" data-testid="read-batch">
      <caption>{t('readBatch', { done: formatCount(lang, read), n: formatCount(lang, items.length) })}</caption>
      <thead>
        <tr>
          <th>{t('sourceFile')}</th>
          <th>{t('code')}</th>
          <th>{t('province')}</th>
          <th>{t('readInGraphColumn')}</th>
          <th>{t('readTasksColumn')}</th>
          <th>{t('readWarnings')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((x) => {
          const p = x.preview;
          return (
            <tr key={x.id} className={x.id === selected ? 'selected' : undefined} data-state={x.state} aria-selected={x.id === selected}>
              <td>
                <button type="button" className="link" onClick={() => onSelect(x.id)}>
                  {x.file.name}
                </button>
              </td>
              {p ? (
                <>
                  <td>
                    {p.resolvedCode ?? t('readNoCode')} <span className="muted">{typeName(lang, p.type, p.typeName)}</span>
                  </td>
                  <td>{p.province ?? '—'}</td>
                  <td data-status={p.inGraph}>{t(`readShort_${p.inGraph}`)}</td>
                  <td>{formatCount(lang, p.assignments.reduce((n, a) => n + a.tasks.length, 0))}</td>
                  <td className={p.warnings.length ? 'warn' : undefined}>{p.warnings.length ? p.warnings.map((w) => t(`readShortWarn_${w}`)).join(', ') : '—'}</td>
                </>
              ) : (
                <td colSpan={5} className={x.state === 'failed' || x.state === 'refused' ? 'warn' : 'muted'}>
                  {x.state === 'failed' || x.state === 'refused' ? t('readNotRead') : t('readWaiting')}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
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
