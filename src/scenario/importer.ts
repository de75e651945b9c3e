/**
 * The one door into the app for scenario files and links: text in, either a valid scenario or a list
 * of problems out. It never throws, bounds size and nesting before parsing, and builds new objects
 * only through the schema, so keys like `__proto__` are reported, never assigned.
 */
import * as z from 'zod';
import { type Scenario, validateScenario } from '../engine/index.ts';
import { describeIssues, type Problem } from './errors.ts';
import { CURRENT_VERSION, LEVER_GROUPS, migrate } from './migrations.ts';
import { type ScenarioFile, scenarioFileSchema, toEngine } from './schema.ts';

export const MAX_FILE_BYTES = 2_000_000;
export const MAX_DEPTH = 32;

export type ImportResult =
  | { ok: true; file: ScenarioFile; scenario: Scenario; migratedFrom: number | null }
  | { ok: false; problems: Problem[] };

const fail = (...problems: Problem[]): ImportResult => ({ ok: false, problems });

/** Depth of nesting, iteratively (a recursive walk could itself overflow on hostile input). */
function tooDeep(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  let visited = 0;
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > limit) return true;
    if (++visited > 1_000_000) return true;
    if (v !== null && typeof v === 'object') {
      for (const child of Object.values(v as object)) stack.push([child, d + 1]);
    }
  }
  return false;
}

/** Where in the text a JSON syntax error is, from the engine's error message (−1: it does not say). */
function syntaxOffset(message: string): number {
  const m = /position (\d+)/.exec(message);
  return m ? Number(m[1]) : -1;
}

/**
 * A syntax error's line and column: from its offset (V8: "position N"), or as the engine gives them
 * (Firefox: "at line L column C"); null when the message says neither.
 */
function syntaxPosition(text: string, pos: number, message: string): { line: number; col: number } | null {
  if (pos >= 0) {
    const before = text.slice(0, pos);
    return { line: before.split('\n').length, col: pos - before.lastIndexOf('\n') };
  }
  const m = /line (\d+) column (\d+)/.exec(message);
  return m ? { line: Number(m[1]), col: Number(m[2]) } : null;
}

/** What went wrong in the JSON, in words of both languages (the parser's own message is English only). */
function jsonReason(message: string, atEnd: boolean): { en: string; zh: string } {
  // A file cut off after a comma reads as a missing property name at its very end.
  if (atEnd || /unexpected end|unterminated|end of data/i.test(message))
    return {
      en: 'the text ends too early; the file may have been cut off',
      zh: '文本提前结束，文件可能不完整（被截断）',
    };
  if (/after JSON|non-whitespace/i.test(message))
    return { en: 'there is more text after the end of the JSON', zh: 'JSON 结束后还有多余的文本' };
  if (/control character/i.test(message))
    return { en: 'a text value holds a line break or tab', zh: '文本值中含有换行符或制表符' };
  if (/property name/i.test(message))
    return { en: 'a property name is missing or not in double quotes', zh: '缺少属性名，或属性名未加双引号' };
  return {
    en: 'a character is out of place (a missing comma or quote?)',
    zh: '有字符位置不对（可能缺少逗号或引号）',
  };
}

export function parseScenarioText(text: string): ImportResult {
  try {
    if (typeof text !== 'string') return fail({ path: '', en: 'not text', zh: '不是文本' });
    if (text.length > MAX_FILE_BYTES) {
      return fail({
        path: '',
        en: `the file is ${(text.length / 1e6).toFixed(1)} MB; a scenario is at most ${MAX_FILE_BYTES / 1e6} MB`,
        zh: `文件大小为 ${(text.length / 1e6).toFixed(1)} MB，情景文件最大 ${MAX_FILE_BYTES / 1e6} MB`,
      });
    }
    if (text.trim() === '') return fail({ path: '', en: 'the file is empty', zh: '文件为空' });
    let json: unknown;
    try {
      json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (e instanceof RangeError)
        return fail({ path: '', en: 'the JSON is nested too deeply', zh: 'JSON 嵌套层级过深' });
      const pos = syntaxOffset(msg);
      const at = syntaxPosition(text, pos, msg);
      const why = jsonReason(msg, pos >= 0 && text.slice(pos).trim() === '');
      // The parser's own words repeat the reason and the place in engine terms (a character offset),
      // so they are shown only when they are all there is to say where the error is.
      return fail({
        path: '',
        en: at
          ? `not valid JSON (line ${at.line}, column ${at.col}): ${why.en}`
          : `not valid JSON: ${why.en} (${msg})`,
        zh: at
          ? `不是有效的 JSON（第 ${at.line} 行，第 ${at.col} 列）：${why.zh}`
          : `不是有效的 JSON：${why.zh}`,
      });
    }
    return parseScenarioObject(json);
  } catch (e) {
    return fail(internal(e));
  }
}

function internal(e: unknown): Problem {
  const msg = e instanceof Error ? e.message : String(e);
  return { path: '', en: `could not be read: ${msg}`, zh: `无法读取：${msg}` };
}

/** Engine paths are flat (levers.discount…); the file groups levers (levers.value.discount…). */
export function filePath(enginePath: string): string {
  const m = /^levers\.([^.]+)(.*)$/.exec(enginePath);
  if (!m) return enginePath;
  const group = Object.keys(LEVER_GROUPS).find((g) => LEVER_GROUPS[g].includes(m[1]));
  return group ? `levers.${group}.${m[1]}${m[2]}` : enginePath;
}

export function parseScenarioObject(json: unknown): ImportResult {
  try {
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      return fail({
        path: '',
        en: 'a scenario must be a JSON object { … }',
        zh: '情景文件必须是 JSON 对象 { … }',
      });
    }
    if (tooDeep(json, MAX_DEPTH)) {
      return fail({
        path: '',
        en: `nested more than ${MAX_DEPTH} levels deep: not a scenario`,
        zh: `嵌套超过 ${MAX_DEPTH} 层：不是情景文件`,
      });
    }
    const migrated = migrate(json as Record<string, unknown>);
    if (!migrated.ok) {
      const v = migrated.version;
      const newer = typeof v === 'number' && v > CURRENT_VERSION;
      return fail({
        path: 'schemaVersion',
        en: newer
          ? `this file was made by a newer Loyalty Lab (format ${v}); this one reads formats 1–${CURRENT_VERSION}`
          : `must be a format version from 1 to ${CURRENT_VERSION}, got ${JSON.stringify(v)}`,
        zh: newer
          ? `此文件由更新版本的 Loyalty Lab 创建（格式 ${v}）；当前版本可读取格式 1–${CURRENT_VERSION}`
          : `格式版本应为 1 到 ${CURRENT_VERSION}，实际为 ${JSON.stringify(v)}`,
      });
    }
    const parsed = scenarioFileSchema.safeParse(migrated.file);
    if (!parsed.success) {
      return fail(
        ...describeIssues(parsed.error.issues, migrated.file, scenarioFileSchema, z.globalRegistry as never),
      );
    }
    const scenario = toEngine(parsed.data);
    const engineIssues = validateScenario(scenario);
    if (engineIssues.length) {
      return fail(...engineIssues.map((i) => ({ path: filePath(i.path), en: i.message, zh: i.message })));
    }
    return {
      ok: true,
      file: parsed.data,
      scenario,
      migratedFrom: migrated.from === CURRENT_VERSION ? null : migrated.from,
    };
  } catch (e) {
    return fail(internal(e));
  }
}

/** Pretty JSON of a file, the way the app saves and exports it. */
export function serialiseScenario(file: ScenarioFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
