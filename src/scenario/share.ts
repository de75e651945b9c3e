/**
 * Share links: the whole scenario in the URL's fragment (never sent to a server), as
 * `#scenario=` + base64url(deflate-raw(JSON)). Opening the link reproduces the same results.
 */
import type { Problem } from './errors.ts';
import { type ImportResult, parseScenarioText } from './importer.ts';
import type { ScenarioFile } from './schema.ts';

export const FRAGMENT_KEY = 'scenario';
/** Longer links are cut by mail and chat programs; past this, send the file instead. */
export const MAX_LINK_LENGTH = 16_000;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export type LinkResult = { ok: true; url: string } | { ok: false; problems: Problem[] };

export async function encodeShareLink(file: ScenarioFile, base: string): Promise<LinkResult> {
  const json = JSON.stringify(file);
  const packed = toBase64Url(
    await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw')),
  );
  const url = `${base.split('#')[0]}#${FRAGMENT_KEY}=${packed}`;
  if (url.length > MAX_LINK_LENGTH) {
    return {
      ok: false,
      problems: [
        {
          path: '',
          en: `the link would be ${url.length.toLocaleString('en')} characters, too long to share safely (${MAX_LINK_LENGTH.toLocaleString('en')} at most): send the file instead`,
          zh: `链接长度为 ${url.length} 个字符，过长无法安全分享（最多 ${MAX_LINK_LENGTH}）：请改为发送文件`,
        },
      ],
    };
  }
  return { ok: true, url };
}

const damaged = (why: string, whyZh: string): ImportResult => ({
  ok: false,
  problems: [
    {
      path: '',
      en: `the share link is damaged (${why}); it may have been cut off when copied — ask for the link again or for the file`,
      zh: `分享链接已损坏（${whyZh}），可能在复制时被截断——请重新索取链接或文件`,
    },
  ],
});

/** Reads a share link, or just its fragment. Never throws. */
export async function decodeShareLink(link: string): Promise<ImportResult> {
  try {
    if (link.length > MAX_LINK_LENGTH * 2) return damaged('far too long', '过长');
    const hash = link.includes('#') ? link.slice(link.indexOf('#') + 1) : link;
    const params = new URLSearchParams(hash);
    const packed = params.get(FRAGMENT_KEY);
    if (packed === null) return damaged(`no "${FRAGMENT_KEY}=" part`, `缺少 "${FRAGMENT_KEY}=" 部分`);
    const bytes = fromBase64Url(packed);
    if (!bytes || bytes.length === 0) return damaged('not base64url', '编码无效');
    let text: string;
    try {
      const raw = await pipe(bytes, new DecompressionStream('deflate-raw'));
      if (raw.length > 2_000_000) return damaged('it unpacks to more than 2 MB', '解压后超过 2 MB');
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      return damaged('it does not unpack', '无法解压');
    }
    return parseScenarioText(text);
  } catch (e) {
    return damaged(e instanceof Error ? e.message : String(e), '无法读取');
  }
}
