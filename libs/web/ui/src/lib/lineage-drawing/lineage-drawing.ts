import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export interface LineageDrawingNode {
  id: string;
  title: string;
  organization: { name: string };
  /** Negative: came before; 0: the practice itself; positive: built on it since. */
  depth: number;
}

export interface LineageDrawingEdge {
  from: string;
  to: string;
}

const BOX = { width: 200, height: 56, gapX: 56, gapY: 16 };

/** Cuts a label to what fits a box, with an ellipsis. */
function fit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * A lineage as a tree drawing: one column per generation, from the oldest
 * origins on the left to the latest practices built since on the right, with
 * a line from each origin to what was built on it. The drawing is a picture
 * (`label` says what it shows); the page gives the same as a nested list of
 * links, for screen readers and the keyboard.
 */
@Component({
  selector: 'sp-lineage-drawing',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      overflow-x: auto;
      max-width: 100%;
    }
    :host(:focus-visible) {
      outline: 3px solid var(--ds-color-focus-outer, #000);
      outline-offset: 2px;
    }
    svg {
      display: block;
    }
    .edge {
      fill: none;
      stroke: var(--ds-color-neutral-border-default);
      stroke-width: 2;
    }
    .box {
      fill: var(--ds-color-neutral-background-default);
      stroke: var(--ds-color-neutral-border-strong);
      stroke-width: 1.5;
    }
    .current .box {
      fill: var(--ds-color-accent-surface-default);
      stroke: var(--ds-color-accent-border-strong);
      stroke-width: 3;
    }
    .title {
      font-size: 13px;
      font-weight: 600;
      fill: var(--ds-color-neutral-text-default);
    }
    .owner {
      font-size: 12px;
      fill: var(--ds-color-neutral-text-subtle);
    }
  `,
  host: { role: 'img', tabindex: '0', '[attr.aria-label]': 'label()' },
  template: `
    <svg
      [attr.width]="layout().width"
      [attr.height]="layout().height"
      [attr.viewBox]="layout().viewBox"
      aria-hidden="true"
      focusable="false"
    >
      @for (edge of layout().edges; track edge.key) {
        <path class="edge" [attr.d]="edge.d" />
      }
      @for (node of layout().nodes; track node.id) {
        <g [class.current]="node.current" [attr.transform]="node.transform">
          <rect class="box" [attr.width]="box.width" [attr.height]="box.height" rx="6" />
          <text class="title" x="10" y="23">{{ node.title }}</text>
          <text class="owner" x="10" y="42">{{ node.owner }}</text>
        </g>
      }
    </svg>
  `,
})
export class LineageDrawing {
  readonly nodes = input.required<readonly LineageDrawingNode[]>();
  readonly edges = input.required<readonly LineageDrawingEdge[]>();
  /** What the drawing shows, in words (its accessible name). */
  readonly label = input.required<string>();

  protected readonly box = BOX;

  protected readonly layout = computed(() => {
    const nodes = this.nodes();
    const depths = [...new Set(nodes.map((n) => n.depth))].sort((a, b) => a - b);
    const first = depths[0] ?? 0;
    const rowsIn = new Map<number, number>();
    const at = new Map<string, { x: number; y: number }>();
    for (const node of nodes) {
      const row = rowsIn.get(node.depth) ?? 0;
      rowsIn.set(node.depth, row + 1);
      at.set(node.id, { x: (node.depth - first) * (BOX.width + BOX.gapX), y: row * (BOX.height + BOX.gapY) });
    }
    const width = Math.max(1, depths.length) * (BOX.width + BOX.gapX) - BOX.gapX + 4;
    const height = Math.max(1, ...rowsIn.values()) * (BOX.height + BOX.gapY) - BOX.gapY + 4;
    const edges = this.edges().flatMap((edge) => {
      const from = at.get(edge.from);
      const to = at.get(edge.to);
      if (!from || !to) return [];
      const x1 = from.x + BOX.width + 2;
      const y1 = from.y + BOX.height / 2 + 2;
      const x2 = to.x + 2;
      const y2 = to.y + BOX.height / 2 + 2;
      const bend = (x2 - x1) / 2;
      return [{ key: `${edge.from}-${edge.to}`, d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}` }];
    });
    return {
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      edges,
      nodes: nodes.map((node) => {
        const place = at.get(node.id) ?? { x: 0, y: 0 };
        return {
          id: node.id,
          current: node.depth === 0,
          transform: `translate(${place.x + 2} ${place.y + 2})`,
          title: fit(node.title, 26),
          owner: fit(node.organization.name, 30),
        };
      }),
    };
  });
}
