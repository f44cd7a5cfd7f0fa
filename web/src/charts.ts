import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { ChartConfiguration, ChartType } from 'chart.js';
import { h } from './dom';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);
// Charts fill their box (sized in CSS) and draw at once: no animation to wait for.
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.animation = false;

/** The palette, read from the stylesheet so charts follow the light or dark theme. */
export const palette = (): {
  accent: string;
  accent2: string;
  good: string;
  bad: string;
  text: string;
  grid: string;
} => {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string): string => style.getPropertyValue(name).trim();
  Chart.defaults.color = read('--muted');
  Chart.defaults.font.family = read('--font');
  return {
    accent: read('--accent'),
    accent2: read('--accent-2'),
    good: read('--good'),
    bad: read('--bad'),
    text: read('--text'),
    grid: read('--grid'),
  };
};

/** Charts of a panel, each in its own sized box, destroyed together when it draws again. */
export class ChartSet {
  private readonly charts: Chart[] = [];

  add<T extends ChartType>(config: ChartConfiguration<T>, label: string): HTMLElement {
    const canvas = h('canvas', { attrs: { role: 'img', 'aria-label': label } });
    this.charts.push(new Chart(canvas, config) as unknown as Chart);
    return h('div', { class: 'chart-box' }, canvas);
  }

  reset(): void {
    for (const made of this.charts.splice(0)) made.destroy();
  }
}

/** Before a view is replaced: charts keep themselves in Chart.instances until destroyed. */
export const destroyAllCharts = (): void => {
  for (const instance of Object.values(Chart.instances)) instance.destroy();
};
