/**
 * The peers' layer of every peer chart the entity pages show, drawn once per ranking, period and
 * score, in each size and for each side of the median, and written as files of the site with the
 * table behind them (src/site/peer-chart.ts says why the chart is drawn in two layers).
 * Entity pages then carry only where their own entity stands and the names of these files.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../config/schema.ts';
import { drawPeersLayer, PEER_CHART_WIDTHS } from '../site/peer-chart.ts';
import { standaloneSvg } from '../site/chart-dom.ts';
import { csvDocument } from '../site/csv.ts';
import { i18n } from '../site/i18n/index.ts';
import type { PeerDrawing, PeerStanding, ScoreUnit } from '../site/model.ts';
import type { PeerDistribution } from '../site/peer-distribution.ts';

/** The drawings' folder in the site. */
export const PEER_DRAWINGS_DIR = 'charts/peers';

/** One ranking in one period, for one score. */
export interface PeersOf {
  rankingId: string;
  rankingLabel: string;
  periodId: string;
  periodLabel: string;
  scoreId: string;
  scoreLabel: string;
  unit: ScoreUnit | null;
}

type Side = 'above' | 'below';

/**
 * Draws on first use and remembers what it wrote. `siteDir` is the folder copied into the site
 * (the build's public folder); the files are named by a hash of the IDs, which never become paths.
 */
export function peerDrawings(siteDir: string, locale: Locale, decimals: number) {
  const { t, titleWithUnit, scoreWithUnit } = i18n(locale, decimals);
  const folder = path.join(siteDir, ...PEER_DRAWINGS_DIR.split('/'));
  const tables = new Map<string, string>();
  const drawings = new Map<string, PeerDrawing>();

  const tableOf = (stem: string, of: PeersOf, peers: PeerDistribution): string => {
    let file = tables.get(stem);
    if (file === undefined) {
      const scoreTitle = titleWithUnit(of.scoreLabel, of.unit);
      const table = peers.scores
        ? [[scoreTitle], ...peers.scores.map((score) => [score])]
        : [[t('peers.binFrom', { score: scoreTitle }), t('peers.binTo', { score: scoreTitle }), t('peers.countTitle')], ...(peers.bins ?? []).map((bin) => [bin.from, bin.to, bin.count])];
      file = `${PEER_DRAWINGS_DIR}/${stem}.csv`;
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(siteDir, file), csvDocument(table));
      tables.set(stem, file);
    }
    return file;
  };

  const drawingOf = (stem: string, of: PeersOf, peers: PeerDistribution, side: Side, size: keyof typeof PEER_CHART_WIDTHS): PeerDrawing => {
    const width = PEER_CHART_WIDTHS[size];
    const file = `${PEER_DRAWINGS_DIR}/${stem}-${width}-${side}.svg`;
    let drawing = drawings.get(file);
    if (drawing === undefined) {
      const layer = drawPeersLayer({
        distribution: peers,
        selfAbove: side === 'above',
        label: t('peers.chartLabel', { score: of.scoreLabel, ranking: of.rankingLabel, period: of.periodLabel }),
        description: t('peers.distribution', { count: peers.count, median: scoreWithUnit(peers.median, of.unit) }),
        scoreTitle: titleWithUnit(of.scoreLabel, of.unit),
        medianLabel: t('peers.median'),
        countTitle: t('peers.countTitle'),
        width,
      });
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(siteDir, file), standaloneSvg(layer.svg, { background: 'none' }));
      drawing = { file, domain: layer.domain, height: layer.height };
      drawings.set(file, drawing);
    }
    return drawing;
  };

  /** Where an entity with `score` stands among `peers`, with the files its page shows them by. */
  return (of: PeersOf, peers: PeerDistribution, score: number): Omit<PeerStanding, 'score' | 'periodLabel'> => {
    const stem = createHash('sha256').update(JSON.stringify([of.rankingId, of.periodId, of.scoreId])).digest('hex').slice(0, 16);
    const side: Side = score >= peers.median ? 'above' : 'below';
    return {
      rankingLabel: of.rankingLabel,
      count: peers.count,
      median: peers.median,
      binned: peers.scores === null,
      drawings: { wide: drawingOf(stem, of, peers, side, 'wide'), narrow: drawingOf(stem, of, peers, side, 'narrow') },
      table: tableOf(stem, of, peers),
    };
  };
}
