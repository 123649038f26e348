// The HTML report's relations graph, laid out by adrlint itself: a layered drawing of the supersede
// and amend edges, older decisions to the left of the ones that replaced or amended them. Each node
// goes in the column after the newest decision it replaces (a longest-path layering; a relation
// written both ways round, a cycle, is cut where it is first met), nodes are ordered in their
// column by the mean row of their older neighbours (barycentres, a few sweeps), and a node sits
// level with those neighbours when there is room. Pure: ids in, coordinates out.

export interface GraphEdge {
  /** The newer decision: it supersedes or amends `to`. */
  from: string;
  to: string;
  kind: 'supersedes' | 'amends';
}

export interface LaidNode {
  id: string;
  layer: number;
  x: number;
  y: number;
}

export interface LaidEdge extends GraphEdge {
  /** An SVG path from the newer node to the older one. */
  path: string;
}

export interface GraphLayout {
  nodes: LaidNode[];
  edges: LaidEdge[];
  width: number;
  height: number;
  nodeWidth: number;
  nodeHeight: number;
  /** Nodes left out past `maxNodes` (their edges too). */
  omitted: number;
}

export interface LayoutOptions {
  nodeWidth?: number;
  nodeHeight?: number;
  gapX?: number;
  gapY?: number;
  margin?: number;
  /** The first nodes (in `order`) drawn at most. */
  maxNodes?: number;
}

export const GRAPH_MAX_NODES = 400;

/** Longest-path layers: a node's layer is one more than the highest of the nodes it replaces. */
export function assignLayers(ids: readonly string[], edges: readonly GraphEdge[]): Map<string, number> {
  const older = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
  const newer = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
  for (const { from, to } of edges) {
    if (from === to || !older.has(from) || !older.has(to)) continue;
    older.get(from)!.add(to);
    newer.get(to)!.add(from);
  }
  const layers = new Map<string, number>();
  const waiting = new Map(ids.map((id) => [id, older.get(id)!.size]));
  const ready = ids.filter((id) => waiting.get(id) === 0);
  const place = (id: string) => {
    let layer = 0;
    for (const other of older.get(id)!) if (layers.has(other)) layer = Math.max(layer, layers.get(other)! + 1);
    layers.set(id, layer);
    waiting.delete(id);
    for (const next of newer.get(id)!) {
      if (!waiting.has(next)) continue;
      const left = waiting.get(next)! - 1;
      waiting.set(next, left);
      if (left === 0) ready.push(next);
    }
  };
  let cursor = 0;
  while (layers.size < ids.length) {
    if (cursor < ready.length) {
      const id = ready[cursor++]!;
      if (!layers.has(id)) place(id);
      continue;
    }
    // Only cycles are left: cut the first of them where it is met, in the given order.
    place(ids.find((id) => !layers.has(id))!);
  }
  return layers;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Each layer's nodes in order: the given order, then sorted by the barycentre of their neighbours. */
function orderLayers(ids: readonly string[], layers: ReadonlyMap<string, number>, neighbours: ReadonlyMap<string, readonly string[]>): string[][] {
  const count = Math.max(-1, ...layers.values()) + 1;
  const columns: string[][] = Array.from({ length: count }, () => []);
  for (const id of ids) columns[layers.get(id)!]!.push(id);
  const rowOf = new Map<string, number>();
  const index = () => columns.forEach((column) => column.forEach((id, row) => rowOf.set(id, row)));
  index();
  const sweep = (layer: number, towards: (other: number) => boolean) => {
    const keyed = columns[layer]!.map((id, row) => {
      const rows = (neighbours.get(id) ?? []).filter((other) => towards(layers.get(other)!)).map((other) => rowOf.get(other)!);
      return { id, key: mean(rows) ?? row, row };
    });
    keyed.sort((a, b) => a.key - b.key || a.row - b.row);
    columns[layer] = keyed.map(({ id }) => id);
    columns[layer]!.forEach((id, row) => rowOf.set(id, row));
  };
  for (let pass = 0; pass < 4; pass++) {
    if (pass % 2 === 0) for (let layer = 1; layer < count; layer++) sweep(layer, (other) => other < layer);
    else for (let layer = count - 2; layer >= 0; layer--) sweep(layer, (other) => other > layer);
  }
  return columns;
}

interface Box {
  x: number;
  /** Where the box's middle line is, less half a node's height: a node's top, or a bend's. */
  y: number;
  width: number;
  layer: number;
}

/**
 * A curve from the side of one box to the facing side of the next: from the newer node leftwards
 * to the older one, through the bends of a long edge (crossed straight, at their rows).
 */
function edgePath(points: readonly Box[], height: number): string {
  const mid = height / 2;
  const [first, last] = [points[0]!, points[points.length - 1]!];
  if (points.length === 2 && first.layer === last.layer) {
    // A cycle's edge within a column: an arc out to the right.
    const x = first.x + first.width;
    return `M${x} ${first.y + mid}C${x + 30} ${first.y + mid} ${x + 30} ${last.y + mid} ${x} ${last.y + mid}`;
  }
  const leftwards = first.x > last.x;
  const exit = (box: Box) => (leftwards ? box.x : box.x + box.width);
  const entry = (box: Box) => (leftwards ? box.x + box.width : box.x);
  let path = `M${exit(first)} ${first.y + mid}`;
  for (let i = 1; i < points.length; i++) {
    const [from, to] = [points[i - 1]!, points[i]!];
    const middle = (exit(from) + entry(to)) / 2;
    path += `C${middle} ${from.y + mid} ${middle} ${to.y + mid} ${entry(to)} ${to.y + mid}`;
    if (i < points.length - 1) path += `L${exit(to)} ${to.y + mid}`;
  }
  return path;
}

/** An edge across more than one column goes through a bend in each column between: its own row there. */
function withBends(edges: readonly GraphEdge[], layers: Map<string, number>, neighbours: Map<string, string[]>): string[][] {
  const link = (a: string, b: string) => {
    neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
    neighbours.set(b, [...(neighbours.get(b) ?? []), a]);
  };
  return edges.map(({ from, to }, index) => {
    const [start, end] = [layers.get(from)!, layers.get(to)!];
    const step = start > end ? -1 : 1;
    const points = [from];
    for (let layer = start + step; step < 0 ? layer > end : layer < end; layer += step) {
      const bend = `\u0000${index}:${layer}`;
      layers.set(bend, layer);
      points.push(bend);
    }
    points.push(to);
    for (let i = 1; i < points.length; i++) link(points[i - 1]!, points[i]!);
    return points;
  });
}

/**
 * Lays out the nodes of the given edges, in the given order (the decisions table's): every id that
 * an edge names and `order` lists is a node.
 */
export function layoutGraph(order: readonly string[], edges: readonly GraphEdge[], options: LayoutOptions = {}): GraphLayout {
  const { nodeWidth = 250, nodeHeight = 34, gapX = 70, gapY = 14, margin = 12, maxNodes = GRAPH_MAX_NODES } = options;
  const named = new Set(edges.flatMap(({ from, to }) => [from, to]));
  const all = order.filter((id) => named.has(id));
  const ids = all.slice(0, maxNodes);
  const kept = new Set(ids);
  const shown = edges.filter(({ from, to }) => from !== to && kept.has(from) && kept.has(to));
  const layers = assignLayers(ids, shown);
  const neighbours = new Map<string, string[]>();
  const routes = withBends(shown, layers, neighbours);
  const columns = orderLayers([...layers.keys()], layers, neighbours);
  const placed = new Map<string, Box>();
  const bendHeight = 6;
  let height = 0;
  columns.forEach((column, layer) => {
    let next = margin;
    for (const id of column) {
      const bend = !kept.has(id);
      const own = bend ? bendHeight : nodeHeight;
      // Level with the neighbours already placed (to the left), when the column has room there.
      const wanted = mean((neighbours.get(id) ?? []).filter((other) => placed.has(other)).map((other) => placed.get(other)!.y + nodeHeight / 2 - own / 2));
      const top = Math.max(next, wanted ?? next);
      placed.set(id, { x: margin + layer * (nodeWidth + gapX), y: top + own / 2 - nodeHeight / 2, width: nodeWidth, layer });
      next = top + own + gapY;
    }
    height = Math.max(height, next - gapY + margin);
  });
  const nodes = ids.map((id) => ({ id, layer: placed.get(id)!.layer, x: placed.get(id)!.x, y: placed.get(id)!.y }));
  const laidEdges = shown.map((edge, i) => ({ ...edge, path: edgePath(routes[i]!.map((id) => placed.get(id)!), nodeHeight) }));
  const arcs = shown.some((edge) => layers.get(edge.from) === layers.get(edge.to));
  const width = columns.length === 0 ? 0 : margin * 2 + columns.length * nodeWidth + (columns.length - 1) * gapX + (arcs ? 40 : 0);
  return { nodes, edges: laidEdges, width, height: nodes.length === 0 ? 0 : height, nodeWidth, nodeHeight, omitted: all.length - ids.length };
}
