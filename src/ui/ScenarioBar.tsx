import { useRef, useState } from 'react';
import type { Problem } from '../scenario/errors.ts';
import { type ImportResult, parseScenarioText } from '../scenario/importer.ts';
import { LIBRARY, libraryName } from '../scenario/library.ts';
import { textIn } from '../scenario/localText.ts';
import type { ScenarioFile } from '../scenario/schema.ts';
import { encodeShareLink } from '../scenario/share.ts';
import { downloadScenario } from './download.ts';
import type { Key, Lang } from './i18n.ts';
import { problemText } from './messages.ts';

export interface Opened {
  id: string; // library id, file name, or "link"
  file: ScenarioFile;
}

interface Props {
  current: Opened;
  lang: Lang;
  t: (k: Key) => string;
  onOpen: (o: Opened) => void;
  onProblems: (source: string, problems: Problem[]) => void;
}

const GROUPS = ['baselines', 'plans', 'cases', 'lessons'] as const;

/** Choose a library scenario, open or save a file, make a share link. */
export function ScenarioBar({ current, lang, t, onOpen, onProblems }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [link, setLink] = useState<string | null>(null);

  const open = (id: string, r: ImportResult) => {
    setLink(null);
    if (r.ok) onOpen({ id, file: r.file });
    else onProblems(id, r.problems);
  };

  const pickFile = async (f: File | undefined) => {
    if (!f) return;
    try {
      open(f.name, parseScenarioText(await f.text()));
    } catch (e) {
      onProblems(f.name, [{ path: '', en: String(e), zh: String(e) }]);
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const save = () => downloadScenario(current.file, lang);

  const share = async () => {
    const r = await encodeShareLink(current.file, window.location.href);
    if (!r.ok) {
      onProblems(textIn(current.file.name, lang), r.problems);
      return;
    }
    setLink(r.url);
    try {
      await navigator.clipboard?.writeText(r.url);
    } catch {
      // clipboard refused (insecure context or permission): the link is shown to copy by hand
    }
  };

  const inLibrary = LIBRARY.some((e) => e.id === current.id);
  return (
    <section className="scenario-bar">
      <label>
        {t('library')}{' '}
        <select
          data-testid="library"
          value={inLibrary ? current.id : ''}
          onChange={(e) => {
            const entry = LIBRARY.find((x) => x.id === e.target.value);
            if (entry) open(entry.id, parseScenarioText(entry.text));
          }}
        >
          {!inLibrary && <option value="">{textIn(current.file.name, lang)}</option>}
          {GROUPS.map((g) => (
            <optgroup key={g} label={t(`group_${g}`)}>
              {LIBRARY.filter((e) => e.id.startsWith(`${g}/`)).map((e) => (
                <option key={e.id} value={e.id}>
                  {libraryName(e.id, lang)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => fileInput.current?.click()} data-testid="open-file">
        {t('openFile')}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="file-input"
        onChange={(e) => void pickFile(e.target.files?.[0])}
      />
      <button type="button" onClick={save} data-testid="save-file">
        {t('saveFile')}
      </button>
      <button type="button" onClick={() => void share()} data-testid="share">
        {t('shareLink')}
      </button>
      {link && (
        <p className="link" data-testid="share-link">
          {t('linkReady')} <input readOnly value={link} onFocus={(e) => e.target.select()} />
        </p>
      )}
      {textIn(current.file.description, lang) && (
        <p className="description">{textIn(current.file.description, lang)}</p>
      )}
      {current.file.case && (
        <p className="case-reported">
          <strong>{t('caseReported')}:</strong> {current.file.case.reported[lang]}
        </p>
      )}
    </section>
  );
}

export function ProblemList({
  source,
  problems,
  lang,
  t,
}: {
  source: string;
  problems: Problem[];
  lang: Lang;
  t: (k: Key) => string;
}) {
  return (
    <div className="error" role="alert" data-testid="problems">
      {/* Chinese runs on without a space: "分享链接无法打开…" */}
      <strong>{source}</strong>
      {lang === 'zh' ? '' : ' '}
      {t('problemsIn')}
      <ul>
        {problems.map((p) => (
          <li key={`${p.path}:${p.en}`}>{problemText(p, lang)}</li>
        ))}
      </ul>
    </div>
  );
}
