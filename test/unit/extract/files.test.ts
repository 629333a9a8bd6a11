import { mkdtempSync, rmSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readSource, SourceError, detectLegacy } from '../../../server/src/files/index.js';
import { extractDocument } from '../../../server/src/extract/index.js';
import { docx, pdf, zip } from '../../fixtures/builders.js';
import { seedText } from './helpers.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dg-files-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function put(name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function failure(p: string, opts?: { maxBytes?: number }): Promise<SourceError> {
  try {
    await readSource(p, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(SourceError);
    const err = e as SourceError;
    expect(err.message).toContain(p);
    return err;
  }
  throw new Error(`expected ${p} to fail`);
}

const SAMPLE = 'KẾ HOẠCH\n\nThực hiện Nghị quyết số 28-NQ/TW, ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng (khóa XIII), Ban Thường vụ Tỉnh ủy xây dựng kế hoạch như sau:\n';

describe('text files', () => {
  it('reads UTF-8 with and without BOM (BOM removed by the extractor)', async () => {
    const a = await readSource(put('a.txt', SAMPLE));
    const b = await readSource(put('b.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)])));
    expect(a.text).toBe(SAMPLE);
    expect(b.text).toBe(SAMPLE);
    const rb = extractDocument('b.md', b.text);
    expect(rb.text).toBe(SAMPLE);
    expect(rb.implements.map((x) => x.code)).toEqual(['28-NQ/TW']);
  });

  it('decodes UTF-16 LE and BE with BOM', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SAMPLE, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SAMPLE, 'utf16be')]);
    expect((await readSource(put('le.txt', le))).text).toBe(SAMPLE);
    expect((await readSource(put('be.txt', be))).text).toBe(SAMPLE);
  });

  it('decodes a real seed text re-encoded as UTF-16 LE', async () => {
    const t = seedText('004');
    const src = await readSource(put('seed16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, 'utf16le')])));
    expect(extractDocument('seed16.txt', src.text).code).toBe('86-HD/BTGTU');
  });

  it('rejects an empty file', async () => {
    expect((await failure(put('empty.txt', ''))).code).toBe('empty');
    expect((await failure(put('blank.txt', '  \n\n'))).code).toBe('empty');
  });

  it('rejects binary content', async () => {
    const bin = Buffer.alloc(4096);
    for (let i = 0; i < bin.length; i++) bin[i] = (i * 7919) % 256;
    expect((await failure(put('bin.txt', bin))).code).toBe('binary');
    // Invalid UTF-8 without NUL bytes and no known legacy encoding.
    const junk = Buffer.from(Array.from({ length: 2000 }, (_, i) => 0x80 + ((i * 37) % 0x40)));
    expect((await failure(put('junk.txt', junk))).code).toBe('unknown-encoding');
  });

  it('rejects a 50 MB file (limit 20 MB, configurable)', async () => {
    const p = path.join(dir, 'big.txt');
    const fd = openSync(p, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const err = await failure(p);
    expect(err.code).toBe('too-large');
    expect(err.message).toMatch(/too large/);
    const small = put('small.txt', SAMPLE);
    expect((await failure(small, { maxBytes: 10 })).code).toBe('too-large');
  });

  it('names TCVN3 (ABC) input', async () => {
    // "Đảng bộ tỉnh Bình Thuận thực hiện Nghị quyết" in TCVN3 bytes.
    const tcvn = Buffer.from([
      0xa7, 0xb6, 0x6e, 0x67, 0x20, 0x62, 0xe9, 0x20, 0x74, 0xd8, 0x6e, 0x68, 0x20, 0x42, 0xd7, 0x6e, 0x68, 0x20, 0x54, 0x68, 0x75, 0xcb, 0x6e,
      0x20, 0x74, 0x68, 0xf9, 0x63, 0x20, 0x68, 0x69, 0xd6, 0x6e, 0x20, 0x4e, 0x67, 0x68, 0xde, 0x20, 0x71, 0x75, 0x79, 0xd5, 0x74, 0x0a,
    ]);
    const p = put('tcvn3.txt', Buffer.concat([tcvn, tcvn, tcvn]));
    const err = await failure(p);
    expect(err.code).toBe('legacy-encoding');
    expect(err.message).toContain('TCVN3');
    expect(detectLegacy(tcvn.toString('latin1'))).toBe('TCVN3 (ABC)');
  });

  it('names VNI input', async () => {
    // "Đảng bộ tỉnh thực hiện Kế hoạch, Nghị quyết" in VNI bytes: vowel + tone byte, đ/Đ = 0xF1/0xD1.
    const vni = Buffer.from('Ñaûng boä thöïc hieän Keá hoaïch, Nghò quyeát cuûa Ñaûng\n', 'latin1');
    const err = await failure(put('vni.txt', Buffer.concat([vni, vni, vni])));
    expect(err.code).toBe('legacy-encoding');
    expect(err.message).toContain('VNI');
  });

  it('does not flag real Vietnamese Unicode as legacy', () => {
    expect(detectLegacy(seedText('000'))).toBeNull();
    expect(detectLegacy(seedText('002'))).toBeNull();
  });
});

describe('docx', () => {
  it('reads a real (generated) .docx', async () => {
    const p = put('a.docx', docx(['HƯỚNG DẪN', 'Thực hiện Chương trình hành động số 58-Ctr/TU, ngày 30/3/2023 của Ban Chấp hành Đảng bộ tỉnh, Ban Tuyên giáo Tỉnh ủy hướng dẫn như sau:']));
    const src = await readSource(p);
    expect(src.text).toContain('58-Ctr/TU');
    const r = extractDocument('a.docx', src.text);
    expect(r.type).toBe('HD');
    expect(r.implements.map((x) => x.code)).toEqual(['58-CTr/TU']);
    expect(r.issuer.name).toBe('Ban Tuyên giáo Tỉnh ủy');
  });
  it('rejects a broken .docx', async () => {
    expect((await failure(put('broken.docx', Buffer.from('PK\u0003\u0004 this is not a zip file at all')))).code).toBe('bad-docx');
    expect((await failure(put('nodoc.docx', zip({ 'hello.txt': 'hi' })))).code).toBe('bad-docx');
  });
});

describe('pdf', () => {
  it('reads the text layer of a hand-written PDF', async () => {
    const p = put('a.pdf', pdf(['KE HOACH', 'Thuc hien Nghi quyet so 28-NQ/TW, ngay 17/11/2022']));
    const src = await readSource(p);
    expect(src.text).toContain('28-NQ/TW');
    expect(src.text.split('\n')[0]).toBe('KE HOACH');
  });
  it('reports a PDF without a text layer', async () => {
    const err = await failure(put('scan.pdf', pdf([])));
    expect(err.code).toBe('no-text-layer');
    expect(err.message).toContain('no text layer (scanned PDF?)');
  });
  it('rejects a broken PDF', async () => {
    expect((await failure(put('broken.pdf', Buffer.from('%PDF-1.4\ngarbage garbage\n%%EOF')))).code).toBe('bad-pdf');
  });
});

describe('not found', () => {
  it('names the missing file', async () => {
    expect((await failure(path.join(dir, 'nope.txt'))).code).toBe('not-found');
  });
});
