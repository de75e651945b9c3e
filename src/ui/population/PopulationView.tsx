import { useEffect, useMemo, useRef, useState } from 'react';
import {
  customerStory,
  HEALTH_BANDS,
  healthBand,
  healthStory,
  MAX_TRACED,
  type PopulationTrace,
  type Scenario,
  SOURCE_NAMES,
  STAGE_NAMES,
  Stage,
  UNSCORED,
} from '../../engine/index.ts';
import { spawnSimulationWorker } from '../../runner/pool.ts';
import { textIn } from '../../scenario/localText.ts';
import { fill, type Key } from '../i18n.ts';
import { useUi } from '../uiContext.ts';
import {
  customerAt,
  gridLayout,
  HEALTH_COLOURS,
  NO_COLOUR,
  position,
  STAGE_COLOURS,
  satisfactionColour,
} from './layout.ts';

const SIZES = [500, 1000, 2000, MAX_TRACED];
const WIDTH = 720;
const HEIGHT = 420;
/** One month per this many milliseconds while playing. */
const FRAME_MS = 250;

type Colour = 'stage' | 'satisfaction' | 'health';
const COLOUR_KEYS: Record<Colour, Key> = {
  stage: 'popByStage',
  satisfaction: 'popBySatisfaction',
  health: 'popByHealth',
};

const isCustomer = (st: number) => st >= Stage.FIRST && st <= Stage.ADVOCATE;

/** Dot colour of a health score as the trace keeps it. */
const healthColour = (h: number) => (h === UNSCORED ? NO_COLOUR : HEALTH_COLOURS[healthBand(h)]);

/**
 * The customers themselves: one replication's first N people as dots, coloured by loyalty stage,
 * satisfaction or health score, month by month; click one (or move to it with the arrow keys) to see
 * its contacts and its story.
 */
export function PopulationView({
  t,
  scenario,
  seed,
}: {
  t: (k: Key) => string;
  scenario: Scenario;
  seed: number | string;
}) {
  const { lang } = useUi();
  const [size, setSize] = useState(1000);
  const [trace, setTrace] = useState<PopulationTrace | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [frame, setFrame] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [colour, setColour] = useState<Colour>('stage');
  const [selected, setSelected] = useState(-1);
  const canvas = useRef<HTMLCanvasElement>(null);

  // Trace in a worker of its own, so the view never waits for (or disturbs) runs elsewhere.
  useEffect(() => {
    const { worker, api, died } = spawnSimulationWorker();
    let live = true;
    setTrace(null);
    setError(null);
    setSelected(-1);
    Promise.race([api.trace(scenario, seed, 0, size), died]).then(
      (tr) => {
        if (!live) return;
        setTrace(tr);
        setFrame(tr.frames - 1);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
      worker.terminate();
    };
  }, [scenario, seed, size]);

  useEffect(() => {
    if (!playing || !trace) return;
    const id = setInterval(() => {
      setFrame((f) => {
        if (f + 1 >= trace.frames) {
          setPlaying(false);
          return f;
        }
        return f + 1;
      });
    }, FRAME_MS);
    return () => clearInterval(id);
  }, [playing, trace]);

  const grid = useMemo(() => (trace ? gridLayout(trace.size, WIDTH, HEIGHT) : null), [trace]);

  const counts = useMemo(() => {
    const c = new Array<number>(STAGE_NAMES.length).fill(0);
    if (!trace) return c;
    const o = frame * trace.size;
    for (let i = 0; i < trace.size; i++) c[trace.stage[o + i]]++;
    return c;
  }, [trace, frame]);

  /** People in each health band this month (good, average, poor), then those without a score. */
  const healthCounts = useMemo(() => {
    const c = [0, 0, 0, 0];
    if (!trace) return c;
    const o = frame * trace.size;
    for (let i = 0; i < trace.size; i++) {
      const h = trace.health[o + i];
      c[h === UNSCORED ? 3 : HEALTH_BANDS.indexOf(healthBand(h))]++;
    }
    return c;
  }, [trace, frame]);

  useEffect(() => {
    const cv = canvas.current;
    const ctx = cv?.getContext('2d');
    if (!cv || !ctx || !trace || !grid) return;
    const n = trace.size;
    const o = frame * n;
    const r = Math.max(1, grid.cell * 0.38);
    ctx.clearRect(0, 0, cv.width, cv.height);
    for (let i = 0; i < n; i++) {
      const [x, y] = position(grid, i);
      ctx.fillStyle =
        colour === 'stage'
          ? STAGE_COLOURS[trace.stage[o + i]]
          : colour === 'health'
            ? healthColour(trace.health[o + i])
            : isCustomer(trace.stage[o + i])
              ? satisfactionColour(trace.satisfaction[o + i])
              : NO_COLOUR;
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fill();
    }
    if (selected >= 0) {
      const [sx, sy] = position(grid, selected);
      ctx.strokeStyle = 'rgba(20,20,20,0.55)';
      ctx.lineWidth = 1;
      for (let k = trace.offsets[selected]; k < trace.offsets[selected + 1]; k++) {
        const [x, y] = position(grid, trace.targets[k]);
        ctx.beginPath();
        ctx.moveTo(sx, sy);
        ctx.lineTo(x, y);
        ctx.stroke();
      }
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(sx, sy, r + 3, 0, 2 * Math.PI);
      ctx.stroke();
    }
  }, [trace, grid, frame, colour, selected]);

  const story = useMemo(
    () => (trace && selected >= 0 ? customerStory(trace, selected) : []),
    [trace, selected],
  );
  const health = useMemo(
    () => (trace && selected >= 0 ? healthStory(trace, selected) : []),
    [trace, selected],
  );

  const pick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    if (!trace || !grid) return;
    const box = e.currentTarget.getBoundingClientRect();
    const scale = e.currentTarget.width / box.width;
    setSelected(customerAt(grid, trace.size, (e.clientX - box.left) * scale, (e.clientY - box.top) * scale));
  };

  /** The keyboard's way to pick: arrows move to the neighbouring dot on screen, Escape lets go. */
  const step = (e: React.KeyboardEvent<HTMLCanvasElement>) => {
    if (!trace || !grid) return;
    if (e.key === 'Escape') {
      setSelected(-1);
      return;
    }
    const move: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    const d = move[e.key];
    if (!d) return;
    e.preventDefault();
    if (selected < 0) {
      setSelected(0);
      return;
    }
    const [x, y] = position(grid, selected);
    const next = customerAt(grid, trace.size, x + d[0] * grid.cell, y + d[1] * grid.cell);
    if (next >= 0) setSelected(next);
  };

  const bandLabel = (h: number) => t(`popBand_${healthBand(h)}` as Key);
  const healthNow = trace && selected >= 0 ? trace.health[frame * trace.size + selected] : UNSCORED;

  const stageLabel = (s: number) => t(`pstage_${STAGE_NAMES[s]}` as Key);

  return (
    <section className="population" data-testid="population">
      <h2 className="visually-hidden">{t('popHeading')}</h2>
      <p className="note">{t('popIntro')}</p>
      <div className="population-controls">
        <label>
          {t('popSize')}{' '}
          <select
            data-testid="population-size"
            value={size}
            onChange={(e) => setSize(Number(e.target.value))}
          >
            {SIZES.filter((s) => s <= scenario.population.marketSize || s === SIZES[0]).map((s) => (
              <option key={s} value={s}>
                {s.toLocaleString()}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('popColour')}{' '}
          <select
            data-testid="population-colour"
            value={colour}
            onChange={(e) => setColour(e.target.value as Colour)}
          >
            <option value="stage">{t('popByStage')}</option>
            <option value="satisfaction">{t('popBySatisfaction')}</option>
            <option value="health">{t('popByHealth')}</option>
          </select>
        </label>
        <button
          type="button"
          data-testid="population-play"
          disabled={!trace}
          onClick={() => {
            if (!trace) return;
            if (!playing && frame >= trace.frames - 1) setFrame(0);
            setPlaying((p) => !p);
          }}
        >
          {playing ? t('popPause') : t('popPlay')}
        </button>
        <label>
          {t('popMonth')}{' '}
          <input
            type="range"
            data-testid="population-month"
            min={0}
            max={trace ? trace.frames - 1 : 0}
            value={frame}
            onChange={(e) => {
              setPlaying(false);
              setFrame(Number(e.target.value));
            }}
          />{' '}
          <output data-testid="population-frame">{frame}</output>
        </label>
      </div>
      {error && (
        <p className="error" role="alert">
          {t('error')}: {error}
        </p>
      )}
      {!trace && !error && <p data-testid="population-loading">{t('running')}…</p>}
      <div className="population-body">
        <canvas
          ref={canvas}
          width={grid?.width ?? WIDTH}
          height={grid?.height ?? HEIGHT}
          data-testid="population-canvas"
          data-ready={trace ? 'yes' : 'no'}
          onClick={pick}
          onKeyDown={step}
          // Focusable: the arrow keys pick a person on it (the keyboard's way to a story).
          tabIndex={0}
          aria-label={fill(t('popCanvasLabel'), { colour: t(COLOUR_KEYS[colour]) })}
        />
        <aside>
          <ul className="legend" data-testid="population-counts" data-counts={JSON.stringify(counts)}>
            {colour === 'stage' ? (
              counts.map((c, s) => (
                <li key={STAGE_NAMES[s]}>
                  <span className="swatch" style={{ background: STAGE_COLOURS[s] }} />{' '}
                  {fill(t('popCount'), { label: stageLabel(s), n: c })}
                </li>
              ))
            ) : colour === 'health' ? (
              [...HEALTH_BANDS, 'none' as const].map((b, k) => (
                <li key={b} data-health-band={b}>
                  <span
                    className="swatch"
                    style={{ background: b === 'none' ? NO_COLOUR : HEALTH_COLOURS[b] }}
                  />{' '}
                  {fill(t('popCount'), { label: t(`popHealth_${b}`), n: healthCounts[k] })}
                </li>
              ))
            ) : (
              <li>
                <span className="swatch" style={{ background: satisfactionColour(0) }} /> {t('popLowSat')} ·{' '}
                <span className="swatch" style={{ background: satisfactionColour(255) }} /> {t('popHighSat')}
              </li>
            )}
          </ul>
          {colour === 'health' && <p className="note">{t('popHealthNote')}</p>}
          {selected >= 0 && trace && (
            <div className="story" data-testid="population-story" data-customer={selected}>
              <h3>
                {t('popCustomer')} #{selected} · {textIn(trace.segmentLabels[trace.segment[selected]], lang)}
              </h3>
              <p>
                {fill(t('popContactsLine'), {
                  stage: stageLabel(trace.stage[frame * trace.size + selected]),
                  shown: trace.offsets[selected + 1] - trace.offsets[selected],
                  outside: trace.outside[selected],
                })}
              </p>
              <p data-testid="population-health-now">
                {healthNow === UNSCORED
                  ? t('popHealthNone')
                  : fill(t('popHealthNow'), { month: frame, score: healthNow, band: bandLabel(healthNow) })}
              </p>
              <h4>{t('popHealthByMonth')}</h4>
              {health.every((h) => h === null) ? (
                <p>{t('popHealthNever')}</p>
              ) : (
                <ol
                  className="health-months"
                  data-testid="population-health"
                  data-health={JSON.stringify(health)}
                >
                  {health.map((h, k) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: one item per month, in month order
                    <li key={k} className={k + 1 > frame ? 'future' : ''}>
                      <span className="month">{k + 1}</span>{' '}
                      {h === null ? (
                        '–'
                      ) : (
                        <>
                          <span className="swatch" style={{ background: healthColour(h) }} /> {h}{' '}
                          <span className="visually-hidden">{bandLabel(h)}</span>
                        </>
                      )}
                    </li>
                  ))}
                </ol>
              )}
              <ol>
                {story.length === 0 && <li>{t('popNothing')}</li>}
                {story.map((ev) => (
                  <li key={`${ev.month}-${ev.kind}`} className={ev.month > frame ? 'future' : ''}>
                    <strong>
                      {t('popMonth')} {ev.month}
                    </strong>
                    :{' '}
                    {ev.kind === 'stage'
                      ? stageLabel(ev.value)
                      : `${t(`ev_${ev.kind}` as Key)} × ${ev.value}`}
                    {ev.source !== undefined && ` (${t(`src_${SOURCE_NAMES[ev.source]}` as Key)})`}
                  </li>
                ))}
              </ol>
            </div>
          )}
          {selected < 0 && trace && <p className="note">{t('popClickHint')}</p>}
        </aside>
      </div>
    </section>
  );
}
