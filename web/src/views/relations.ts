/** Relations: two actors' events per period by quad class (stacked bars), the Goldstein line, a range brush. */
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { actors, api, type DyadResponse } from '../api.js';
import { QUAD_COLORS, QUADS, append, clear, field, filterForm, fmt, h } from '../dom.js';
import { go, href } from '../nav.js';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Every period from the first to the last, so that quiet weeks show as gaps, not vanish. */
export function fillPeriods(periods: string[], by: DyadResponse['by']): string[] {
  if (periods.length < 2) return periods;
  const first = periods[0]!;
  const last = periods[periods.length - 1]!;
  const out: string[] = [];
  if (by === 'month') {
    let [y, m] = first.split('-').map(Number) as [number, number];
    for (let guard = 0; guard < 1200; guard++) {
      const p = `${y}-${String(m).padStart(2, '0')}`;
      out.push(p);
      if (p >= last) break;
      m++;
      if (m > 12) [y, m] = [y + 1, 1];
    }
    return out;
  }
  const step = by === 'week' ? 7 * DAY : DAY;
  const end = Date.parse(`${last}T00:00:00Z`);
  if ((end - Date.parse(`${first}T00:00:00Z`)) / step > 5000) return periods;
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= end; t += step) out.push(iso(t));
  return out;
}

/** The last day of a period label. */
export function periodEnd(p: string, by: DyadResponse['by']): string {
  if (by === 'day') return p;
  if (by === 'week') return iso(Date.parse(`${p}T00:00:00Z`) + 6 * DAY);
  const [y, m] = p.split('-').map(Number) as [number, number];
  return iso(Date.UTC(y, m, 0));
}
const periodStart = (p: string) => (p.length === 7 ? `${p}-01` : p);

export function relationsView(root: HTMLElement, params: URLSearchParams): () => void {
  const actorInput = (name: 'a' | 'b', fallback: string) =>
    h('input', {
      name,
      value: params.get(name) ?? fallback,
      list: 'actor-list',
      autocomplete: 'off',
      required: true,
    });
  const a = actorInput('a', 'USA');
  const b = actorInput('b', 'RUS');
  const by = h(
    'select',
    { name: 'by' },
    ...(['week', 'month', 'day'] as const).map((p) =>
      h('option', { value: p, selected: (params.get('by') ?? 'week') === p }, p),
    ),
  );
  const list = h('datalist', { id: 'actor-list' });
  void actors().then((all) =>
    append(list, ...all.map((x) => h('option', { value: x.key }, `${x.name} (${x.events} events)`))),
  );
  const form = filterForm(
    () => {
      go('relations', { a: a.value.trim(), b: b.value.trim(), by: by.value });
    },
    field('Actor A', a),
    field('Actor B', b),
    field('By', by),
    h('button', { type: 'submit' }, 'Show'),
    list,
  );
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, 'Loading…');
  const summary = h('div', { class: 'cards' });
  const chartEl = h('div', {
    id: 'dyad-chart',
    class: 'chart',
    role: 'img',
    'aria-label': 'events per period and mean Goldstein score',
  });
  const range = h('p', { class: 'range' });
  append(root, h('h1', {}, 'Relations'), form, status, summary, chartEl, range);

  let chart: echarts.ECharts | null = null;
  const ctrl = new AbortController();
  const onResize = () => chart?.resize();
  window.addEventListener('resize', onResize);

  const A = a.value.trim();
  const B = b.value.trim();
  api
    .dyad({ a: A, b: B, by: by.value }, ctrl.signal)
    .then((d) => {
      const periods = fillPeriods(
        d.series.map((p) => p.period),
        d.by,
      );
      const byPeriod = new Map(d.series.map((p) => [p.period, p]));
      const t = d.total;
      status.textContent =
        t.count === 0
          ? `No events between ${A} and ${B} yet.`
          : `${A} ↔ ${B}: ${t.count} events, by ${d.by}.`;
      clear(summary);
      append(
        summary,
        card('Events', String(t.count)),
        card('Mean Goldstein', fmt(t.goldsteinMean, 2)),
        ...QUADS.map((q, i) => card(q, String(t.quads[i] ?? 0))),
        card(`${A} → ${B}`, String(t.ab)),
        card(`${B} → ${A}`, String(t.ba)),
      );
      chartEl.dataset.periods = String(d.series.length);
      chartEl.dataset.events = String(t.count);
      if (t.count === 0) return;
      chart = echarts.init(chartEl);
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 40, right: 40, top: 40, bottom: 70 },
        xAxis: { type: 'category', data: periods },
        yAxis: [
          { type: 'value', name: 'events', minInterval: 1 },
          { type: 'value', name: 'Goldstein', min: -10, max: 10, splitLine: { show: false } },
        ],
        dataZoom: [{ type: 'slider', bottom: 10, height: 24 }, { type: 'inside' }],
        series: [
          ...QUADS.map((name, i) => ({
            name,
            type: 'bar',
            stack: 'quad',
            itemStyle: { color: QUAD_COLORS[i] },
            data: periods.map((p) => byPeriod.get(p)?.quads[i] ?? 0),
          })),
          {
            name: 'mean Goldstein',
            type: 'line',
            yAxisIndex: 1,
            connectNulls: true,
            symbolSize: 6,
            itemStyle: { color: '#2c3e91' },
            data: periods.map((p) => byPeriod.get(p)?.goldsteinMean ?? null),
          },
        ],
      });
      const showRange = () => {
        const opt = chart!.getOption() as { dataZoom?: { startValue?: number; endValue?: number }[] };
        const z = opt.dataZoom?.[0];
        const i0 = Math.max(0, Math.round(z?.startValue ?? 0));
        const i1 = Math.min(periods.length - 1, Math.round(z?.endValue ?? periods.length - 1));
        const from = periodStart(periods[i0]!);
        const to = periodEnd(periods[i1]!, d.by);
        let n = 0;
        for (let i = i0; i <= i1; i++) n += byPeriod.get(periods[i]!)?.count ?? 0;
        clear(range);
        append(
          range,
          `Selected ${from} to ${to}: ${n} events. `,
          h('a', { href: href('events', { dyad: `${A},${B}`, from, to }) }, 'List these events'),
        );
        chartEl.dataset.from = from;
        chartEl.dataset.to = to;
      };
      chart.on('datazoom', showRange);
      showRange();
    })
    .catch((e: Error) => {
      if (e.name === 'AbortError') return;
      status.textContent = e.message;
      status.classList.add('error');
    });

  return () => {
    ctrl.abort();
    window.removeEventListener('resize', onResize);
    chart?.dispose();
  };
}

function card(label: string, value: string): HTMLElement {
  return h(
    'div',
    { class: 'card' },
    h('span', { class: 'card-value' }, value),
    h('span', { class: 'card-label' }, label),
  );
}
