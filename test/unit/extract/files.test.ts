import { mkdirSync, readFileSync, mkdtempSync, readdirSync, symlinkSync, rmSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readSource, SourceError, detectLegacy, sourceFromBytes } from '../../../server/src/files/index.js';
import { extractDocument } from '../../../server/src/extract/index.js';
import { docx, pdf, zip } from '../../fixtures/builders.js';
import { seedText } from './helpers.js';
import { extractFilesInOrder } from '../../../server/src/ingest/extract-file.js';
import { extractFilesInParallel, threadExecArgv, threadResourceLimits } from '../../../server/src/ingest/extract-pool.js';
import { toVni, vniWritable } from '../../support/legacy-encode.js';
import { extractFiles, listSourceFiles, skippedNote } from '../../../server/src/ingest/ingest.js';
import { repoRoot } from '../../../server/src/config.js';

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

  it('converts TCVN3 (ABC) bytes (hand-written fixture) to Unicode', async () => {
    // "Đảng bộ tỉnh Bình Thuận thực hiện Nghị quyết" in TCVN3 bytes.
    const tcvn = Buffer.from([
      0xa7, 0xb6, 0x6e, 0x67, 0x20, 0x62, 0xe9, 0x20, 0x74, 0xd8, 0x6e, 0x68, 0x20, 0x42, 0xd7, 0x6e, 0x68, 0x20, 0x54, 0x68, 0x75, 0xcb, 0x6e,
      0x20, 0x74, 0x68, 0xf9, 0x63, 0x20, 0x68, 0x69, 0xd6, 0x6e, 0x20, 0x4e, 0x67, 0x68, 0xde, 0x20, 0x71, 0x75, 0x79, 0xd5, 0x74, 0x0a,
    ]);
    expect(detectLegacy(tcvn.toString('latin1'))).toBe('TCVN3 (ABC)');
    const src = await readSource(put('tcvn3.txt', Buffer.concat([tcvn, tcvn, tcvn])));
    expect(src.text).toBe('Đảng bộ tỉnh Bình Thuận thực hiện Nghị quyết\n'.repeat(3));
  });

  it('round-trips real seed text through TCVN3 bytes (encoded by iconv-lite, an independent codec)', async () => {
    const sentence = 'Ban Chấp hành Trung ương Đảng';
    expect([...iconv.encode(sentence, 'tcvn')]).toEqual([
      0x42, 0x61, 0x6e, 0x20, 0x43, 0x68, 0xca, 0x70, 0x20, 0x68, 0xb5, 0x6e, 0x68, 0x20, 0x54, 0x72, 0x75, 0x6e, 0x67, 0x20, 0xad, 0xac, 0x6e,
      0x67, 0x20, 0xa7, 0xb6, 0x6e, 0x67,
    ]);
    // Every seed line TCVN3 (VN3) can write: ASCII plus lower-case letters and Ă Â Ê Ô Ơ Ư Đ.
    const vn3 = (l: string) => [...iconv.encode(l, 'tcvn')].every((b) => (b >= 0x20 && b < 0x7f) || (b >= 0xa1 && b <= 0xfe)) && iconv.decode(iconv.encode(l, 'tcvn'), 'tcvn') === l;
    const lines = ['000', '001', '002', '003', '004'].flatMap((p) => seedText(p).split('\n')).filter((l) => l.includes(sentence) && vn3(l));
    expect(lines.length).toBeGreaterThan(3);
    const text = `${lines.join('\n')}\n`;
    const src = await readSource(put('seed-tcvn3.txt', iconv.encode(text, 'tcvn')));
    expect(src.text).toBe(text);
    expect(src.text).toBe(src.text.normalize('NFC'));
    const r = extractDocument('seed-tcvn3.txt', src.text);
    expect(r.cites.some((c) => c.issuer === 'Ban Chấp hành Trung ương Đảng')).toBe(true);
  });

  it('round-trips every letter of the TCVN3 table (text typed in a .VnTime font, read as Latin-1 from a .docx)', async () => {
    const letters = 'ăâêôơưđ àảãáạ ằẳẵắặ ầẩẫấậ èẻẽéẹ ềểễếệ ìỉĩíị òỏõóọ ồổỗốộ ờởỡớợ ùủũúụ ừửữứự ỳỷỹýỵ ĂÂÊÔƠƯĐ';
    const paras = [
      'Thực hiện Nghị quyết số 28-NQ/TW, ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng (khóa XIII) về tiếp tục đổi mới phương thức lãnh đạo, cầm quyền của Đảng đối với hệ thống chính trị trong giai đoạn mới, Ban Tuyên giáo Tỉnh ủy hướng dẫn như sau:',
      'Tuyên truyền sâu rộng trong cán bộ, đảng viên và các tầng lớp nhân dân về chủ trương, đường lối của Đảng.',
      `Các chữ cái: ${[...letters.replace(/ /g, '')].join(' ')}.`,
    ];
    const src = await readSource(put('tcvn3.docx', docx(paras.map((p) => iconv.encode(p, 'tcvn').toString('latin1')))));
    for (const p of paras) expect(src.text).toContain(p);
    const r = extractDocument('tcvn3.docx', src.text);
    expect(r.implements.map((x) => x.code)).toEqual(['28-NQ/TW']);
    expect(r.implements[0]!.subject).toBe('tiếp tục đổi mới phương thức lãnh đạo, cầm quyền của Đảng đối với hệ thống chính trị trong giai đoạn mới');
    expect(src.text).not.toMatch(/[§¶µ¸]/);
  });

  it('round-trips real seed text through VNI (base letter + mark byte)', async () => {
    const sentence = 'Ban Chấp hành Trung ương Đảng';
    expect(toVni(sentence)).toBe('Ban Chaáp haønh Trung öông Ñaûng');
    const lines = ['000', '001', '002', '003', '004'].flatMap((p) => seedText(p).split('\n')).filter((l) => l.includes(sentence) && vniWritable(l));
    expect(lines.length).toBeGreaterThan(3);
    const text = `${lines.join('\n')}\n`;
    const src = await readSource(put('seed-vni.txt', Buffer.from(toVni(text), 'latin1')));
    expect(src.text).toBe(text);
    expect(src.text).toBe(src.text.normalize('NFC'));
    // Upper case too (VNI has upper-case marks): a header line.
    const upper = 'ĐẢNG BỘ TỈNH BÌNH THUẬN ỦY BAN KIỂM TRA TỈNH ỦY\n';
    const up = await readSource(put('vni-upper.txt', Buffer.from(toVni(upper.repeat(3)), 'latin1')));
    expect(up.text).toBe(upper.repeat(3));
    // The colleague's fixture.
    const vni = Buffer.from('Ñaûng boä thöïc hieän Keá hoaïch, Nghò quyeát cuûa Ñaûng\n', 'latin1');
    expect((await readSource(put('vni.txt', Buffer.concat([vni, vni, vni])))).text).toBe('Đảng bộ thực hiện Kế hoạch, Nghị quyết của Đảng\n'.repeat(3));
  });

  it('refuses legacy text that does not convert cleanly, naming the encoding', async () => {
    // TCVN3 words mixed with bytes that are no letter in TCVN3 (0xC0–0xC5: another font/encoding).
    const tcvn = Buffer.concat([iconv.encode('Đảng bộ tỉnh thực hiện Nghị quyết ', 'tcvn'), Buffer.from([0x78, 0xc0, 0x79, 0x20, 0x7a, 0xc4, 0x0a])]);
    const err = await failure(put('mixed-tcvn3.txt', Buffer.concat([tcvn, tcvn, tcvn])));
    expect(err.code).toBe('legacy-encoding');
    expect(err.message).toContain('TCVN3 (ABC)');
    // VNI marks after letters that cannot carry them.
    const vni = Buffer.from('Ñaûng boä thöïc hieän Keá hoaïch, Nghò quyeát cuûa Ñaûng xðy\n', 'latin1');
    const e2 = await failure(put('mixed-vni.txt', Buffer.concat([vni, vni, vni])));
    expect(e2.code).toBe('legacy-encoding');
    expect(e2.message).toContain('VNI');
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

describe('extractFilesInOrder (files read ahead of the extractor)', () => {
  /** `n` variants of 003 named PREFIX + number, but an empty file at `empty` and a missing one at `missing`. */
  function fileList(prefix: string, n: number, empty: number, missing: number): string[] {
    const text = seedText('003');
    return Array.from({ length: n }, (_, i) =>
      i === empty ? put(`${prefix}-empty${i}.txt`, '') : i === missing ? path.join(dir, `${prefix}-missing.txt`) : put(`${prefix}${String(i).padStart(3, '0')}.txt`, text.replace('Bình Thuận', `Bình Thuận ${i}`)),
    );
  }

  it('gives one result per file in the list order, each bad file reported in its place', async () => {
    const files = fileList('f', 45, 7, 30);
    const out = await extractFilesInOrder(files);
    expect(out).toHaveLength(45);
    out.forEach((r, i) => {
      if (i === 7 || i === 30) expect('error' in r && r.error.file).toBe(files[i]);
      else expect('record' in r && r.record.file).toBe(path.basename(files[i]!));
    });
    expect('error' in out[7]! && out[7].error.message).toMatch(/empty/);
    expect('error' in out[30]! && out[30].error.message).toMatch(/no such file/);
  });

  it('reports a bad file by its reason once (the report puts the file first: not "f: f: empty file")', async () => {
    const [out] = await extractFilesInOrder([put('once-empty.txt', '')]);
    expect(out).toEqual({ error: { file: path.join(dir, 'once-empty.txt'), message: 'empty file' } });
  });

  it('marks as synthetic only a name that starts with the generator\'s prefix', async () => {
    const text = seedText('004');
    const out = await extractFilesInOrder([put('synthetic_a.txt', text), put('kế hoạch Nonsynthetic.txt', text), put('Synthetic notes.txt', text)]);
    expect(out.map((r) => 'record' in r && r.record.synthetic)).toEqual([true, false, false]);
  });

  it('on several threads gives the same results in the same places as on one', async () => {
    const files = fileList('p', 130, 50, 101);
    const one = await extractFilesInOrder(files, true);
    const three = await extractFilesInParallel(files, true, 3);
    expect(three).toHaveLength(130);
    expect(three).toEqual(one);
    expect('error' in three[50]! && three[50].error.message).toMatch(/empty/);
    expect('record' in three[129]! && three[129].record.synthetic).toBe(true);
  });

  it('starts its threads from any working folder (tsx found from the server, not from there)', () => {
    const files = fileList('w', 3, -1, -1);
    const script = put('pool-from-elsewhere.mts', `import { extractFilesInParallel } from ${JSON.stringify(pathToFileURL(path.join(repoRoot, 'server/src/ingest/extract-pool.ts')).href)};
const out = await extractFilesInParallel(${JSON.stringify(files)}, false, 2);
console.log(JSON.stringify(out.map((r) => ('record' in r ? r.record.file : r.error.message))));`);
    const r = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), [script], { cwd: tmpdir(), encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(files.map((f) => path.basename(f)));
  });

  it('starts its threads in a command run as the package scripts run it (a TypeScript file preloaded)', () => {
    // `npm run ingest` is `tsx --import ./server/src/cli/stack-traces.ts …`: a thread given that --import failed at
    // once ("Unknown file extension .ts"), and a corpus of 200 files or more was not loaded at all.
    // The batch commands' larger young generation (`--max-semi-space-size=64`) is refused by a thread: given as its limit.
    const argv = ['--require', '/x/preflight.cjs', '--import', 'file:///x/loader.mjs', '--max-semi-space-size=64', '--import', './server/src/cli/stack-traces.ts', '--import=./a.mts', '--max-old-space-size=512'];
    expect(threadExecArgv(argv)).toEqual(['--require', '/x/preflight.cjs', '--import', 'file:///x/loader.mjs', '--max-old-space-size=512']);
    expect(threadResourceLimits(argv)).toEqual({ maxYoungGenerationSizeMb: 192 });
    expect(threadResourceLimits(['--max-old-space-size=512'])).toEqual({});
    const files = fileList('c', 3, -1, -1);
    const script = put('pool-in-a-command.mts', `import { extractFilesInParallel } from ${JSON.stringify(pathToFileURL(path.join(repoRoot, 'server/src/ingest/extract-pool.ts')).href)};
const out = await extractFilesInParallel(${JSON.stringify(files)}, false, 2);
console.log(JSON.stringify(out.map((r) => ('record' in r ? r.record.file : r.error.message))));`);
    const ingest: string = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).scripts.ingest;
    const flags = ingest.split(' ').slice(1, -1); // the script's own: tsx FLAGS… server/src/cli/ingest.ts
    expect(flags).toContain('--max-semi-space-size=64');
    const r = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), [...flags, script], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(files.map((f) => path.basename(f)));
  });

  it('extractFiles: the seed corpus resolved the same from two threads as from one', async () => {
    const seed = path.join(repoRoot, 'seed', 'corpus');
    const files = ['000', '001', '002', '003', '004'].map((n) => path.join(seed, readdirSync(seed).find((f) => f.startsWith(n))!));
    const two = await extractFiles(files, { threads: 2 });
    expect(two.errors).toEqual([]);
    expect(two).toEqual(await extractFiles(files, { threads: 1 }));
    expect(two.records.find((r) => r.file.startsWith('003'))!.resolvedCode).toBe('58-CTr/TU');
  });
});

describe('listSourceFiles', () => {
  it('goes on past a broken link (an error if it would have been read), and counts the files of other types', () => {
    const folder = path.join(dir, 'listing');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'a.txt'), SAMPLE);
    writeFileSync(path.join(folder, 'notes.rtf'), '{\\rtf1}');
    writeFileSync(path.join(folder, 'old.doc'), 'x');
    symlinkSync(path.join(dir, 'nowhere.txt'), path.join(folder, 'dangling.txt'));
    symlinkSync(path.join(dir, 'nowhere.rtf'), path.join(folder, 'dangling.rtf'));
    const listed = listSourceFiles([folder]);
    expect(listed.files).toEqual([path.join(folder, 'a.txt')]);
    expect(listed.errors).toEqual([{ file: path.join(folder, 'dangling.txt'), message: 'cannot be read (a broken link, or no permission)' }]);
    expect(listed.skipped).toEqual([path.join(folder, 'notes.rtf'), path.join(folder, 'old.doc')]);
    expect(skippedNote(listed.skipped)).toBe('skipped 2 files of other types (.doc, .rtf): only .txt, .md, .docx, .pdf are read');
  });
});

describe('sourceFromBytes (a file sent to the API)', () => {
  it('reads bytes as readSource reads the file: UTF-16, .docx, TCVN3 converted', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    const word = docx(['KẾ HOẠCH', 'Thực hiện Nghị quyết số 28-NQ/TW, ngày 17/11/2022 của Ban Chấp hành Trung ương Đảng.']);
    const tcvn = iconv.encode('Thực hiện Chương trình hành động số 58-CTr/TU của Ban Chấp hành Đảng bộ tỉnh', 'tcvn');
    for (const [name, bytes] of [['le.txt', le], ['w.docx', word], ['legacy.txt', tcvn]] as const) {
      const fromFile = await readSource(put(`bytes-${name}`, bytes));
      expect((await sourceFromBytes(name, Buffer.from(bytes))).text).toBe(fromFile.text);
    }
    expect((await sourceFromBytes('le.txt', le)).text).toBe(SAMPLE);
  });

  it('refuses empty, too large and unreadable bytes with the reason', async () => {
    const reason = (name: string, bytes: Buffer, max?: number) => sourceFromBytes(name, bytes, { maxBytes: max }).then(() => null, (e: SourceError) => [e.code, e.reason]);
    expect(await reason('a.txt', Buffer.alloc(0))).toEqual(['empty', 'empty file']);
    expect(await reason('a.txt', Buffer.from(SAMPLE), 10)).toEqual(['too-large', expect.stringContaining('file too large')]);
    expect(await reason('a.docx', Buffer.from('not a zip'))).toEqual(['bad-docx', expect.any(String)]);
    expect(await reason('a.txt', Buffer.from('   \n  '))).toEqual(['empty', 'no text in file']);
  });
});

