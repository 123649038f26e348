// The relations graph's layout (src/format/report-graph.ts): layers by the longest chain of older
// decisions, cycles cut, long edges bent through the columns between, no two boxes of a column
// overlapping, and the node cap.
import { describe, expect, it } from 'vitest';
import { assignLayers, layoutGraph, type GraphEdge } from '../src/format/report-graph.ts';

const supersedes = (from: string, to: string): GraphEdge => ({ from, to, kind: 'supersedes' });
const amends = (from: string, to: string): GraphEdge => ({ from, to, kind: 'amends' });

describe('assignLayers', () => {
  it('puts a decision one column after the newest one it replaces', () => {
    const layers = assignLayers(['a', 'b', 'c', 'd'], [supersedes('b', 'a'), supersedes('c', 'b'), supersedes('d', 'a')]);
    expect(Object.fromEntries(layers)).toEqual({ a: 0, b: 1, c: 2, d: 1 });
  });

  it('takes the longest chain when there are two', () => {
    const layers = assignLayers(['a', 'b', 'c'], [supersedes('b', 'a'), supersedes('c', 'b'), supersedes('c', 'a')]);
    expect(Object.fromEntries(layers)).toEqual({ a: 0, b: 1, c: 2 });
  });

  it('cuts a cycle (a relation written both ways round) where it is first met, and places every node', () => {
    const layers = assignLayers(['a', 'b', 'c'], [supersedes('a', 'b'), supersedes('b', 'a'), supersedes('c', 'b')]);
    expect([...layers.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(layers.get('a')).toBe(0);
    expect(layers.get('b')).toBe(1);
    expect(layers.get('c')).toBe(2);
  });

  it('ignores edges to ids it was not given, and self-loops', () => {
    expect(Object.fromEntries(assignLayers(['a', 'b'], [supersedes('b', 'a'), supersedes('b', 'x'), supersedes('a', 'a')]))).toEqual({ a: 0, b: 1 });
  });
});

describe('layoutGraph', () => {
  const boxesOverlap = (layout: ReturnType<typeof layoutGraph>) =>
    layout.nodes.some((one, i) =>
      layout.nodes.some((other, j) => j > i && one.layer === other.layer && Math.abs(one.y - other.y) < layout.nodeHeight),
    );

  it('draws a node per related id, in columns from old to new, inside the drawing', () => {
    const layout = layoutGraph(['a', 'b', 'c', 'lonely'], [supersedes('b', 'a'), amends('c', 'b')]);
    expect(layout.nodes.map((node) => [node.id, node.layer])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    const [a, b, c] = layout.nodes;
    expect(a!.x).toBeLessThan(b!.x);
    expect(b!.x).toBeLessThan(c!.x);
    // A chain is drawn level.
    expect(new Set(layout.nodes.map((node) => node.y)).size).toBe(1);
    for (const node of layout.nodes) {
      expect(node.x + layout.nodeWidth).toBeLessThanOrEqual(layout.width);
      expect(node.y + layout.nodeHeight).toBeLessThanOrEqual(layout.height);
    }
    expect(layout.edges.map((edge) => [edge.from, edge.to, edge.kind])).toEqual([
      ['b', 'a', 'supersedes'],
      ['c', 'b', 'amends'],
    ]);
    expect(layout.edges[0]!.path).toMatch(/^M[\d.]+ [\d.]+C/);
  });

  it('bends an edge that crosses a column, so that it goes round the boxes there', () => {
    // d supersedes a and c; c is two columns from a: the edge d → a crosses c's column.
    const layout = layoutGraph(['a', 'b', 'c', 'd'], [supersedes('b', 'a'), supersedes('c', 'b'), supersedes('d', 'c'), supersedes('d', 'a')]);
    const long = layout.edges.find((edge) => edge.from === 'd' && edge.to === 'a')!;
    // One curve per column crossed, joined by straight runs through the bends.
    expect(long.path.match(/C/g)).toHaveLength(3);
    expect(long.path.match(/L/g)).toHaveLength(2);
    const c = layout.nodes.find((node) => node.id === 'c')!;
    const b = layout.nodes.find((node) => node.id === 'b')!;
    // The bends are rows of their own: the run through b's and c's columns is not at their middle line.
    const runs = [...long.path.matchAll(/L([\d.]+) ([\d.]+)/g)].map((match) => Number(match[2]));
    for (const y of runs) {
      expect(Math.abs(y - (c.y + layout.nodeHeight / 2))).toBeGreaterThanOrEqual(layout.nodeHeight / 2);
      expect(Math.abs(y - (b.y + layout.nodeHeight / 2))).toBeGreaterThanOrEqual(layout.nodeHeight / 2);
    }
    expect(boxesOverlap(layout)).toBe(false);
  });

  it('orders a column by its neighbours, without overlaps, for many chains and a fan', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `n${i}`);
    const edges = [
      ...Array.from({ length: 10 }, (_, i) => supersedes(`n${i + 10}`, `n${i}`)),
      ...Array.from({ length: 9 }, (_, i) => supersedes('n29', `n${i + 11}`)),
      supersedes('n20', 'n29'),
    ];
    const layout = layoutGraph(ids, edges);
    expect(layout.nodes).toHaveLength(new Set(edges.flatMap((edge) => [edge.from, edge.to])).size);
    expect(boxesOverlap(layout)).toBe(false);
    expect(layout.omitted).toBe(0);
  });

  it('draws a cycle without throwing, an edge within a column as an arc', () => {
    const layout = layoutGraph(['a', 'b'], [supersedes('a', 'b'), supersedes('b', 'a')]);
    expect(layout.nodes).toHaveLength(2);
    expect(layout.edges).toHaveLength(2);
    expect(boxesOverlap(layout)).toBe(false);
  });

  it('keeps the first nodes past the cap and says how many are left out', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `n${i}`);
    const layout = layoutGraph(ids, ids.slice(1).map((id, i) => supersedes(id, ids[i]!)), { maxNodes: 4 });
    expect(layout.nodes.map((node) => node.id)).toEqual(['n0', 'n1', 'n2', 'n3']);
    expect(layout.edges).toHaveLength(3);
    expect(layout.omitted).toBe(6);
  });

  it('is empty without edges', () => {
    expect(layoutGraph(['a'], [])).toMatchObject({ nodes: [], edges: [], width: 0, height: 0 });
  });
});
