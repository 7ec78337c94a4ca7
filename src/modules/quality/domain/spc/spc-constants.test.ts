import { describe, expect, it } from 'vitest';
import { spcConstants } from './spc-constants.js';

// Montgomery, Introduction to Statistical Quality Control, Appendix VI (= ASTM STP 15D):
// n, A2, A3, c4, B3, B4, d2, D3, D4, d3
const PUBLISHED = `
2 1.880 2.659 0.7979 0 3.267 1.128 0 3.267 0.853
3 1.023 1.954 0.8862 0 2.568 1.693 0 2.574 0.888
4 0.729 1.628 0.9213 0 2.266 2.059 0 2.282 0.880
5 0.577 1.427 0.9400 0 2.089 2.326 0 2.114 0.864
6 0.483 1.287 0.9515 0.030 1.970 2.534 0 2.004 0.848
7 0.419 1.182 0.9594 0.118 1.882 2.704 0.076 1.924 0.833
8 0.373 1.099 0.9650 0.185 1.815 2.847 0.136 1.864 0.820
9 0.337 1.032 0.9693 0.239 1.761 2.970 0.184 1.816 0.808
10 0.308 0.975 0.9727 0.284 1.716 3.078 0.223 1.777 0.797
11 0.285 0.927 0.9754 0.321 1.679 3.173 0.256 1.744 0.787
12 0.266 0.886 0.9776 0.354 1.646 3.258 0.283 1.717 0.778
13 0.249 0.850 0.9794 0.382 1.618 3.336 0.307 1.693 0.770
14 0.235 0.817 0.9810 0.406 1.594 3.407 0.328 1.672 0.763
15 0.223 0.789 0.9823 0.428 1.572 3.472 0.347 1.653 0.756
16 0.212 0.763 0.9835 0.448 1.552 3.532 0.363 1.637 0.750
17 0.203 0.739 0.9845 0.466 1.534 3.588 0.378 1.622 0.744
18 0.194 0.718 0.9854 0.482 1.518 3.640 0.391 1.608 0.739
19 0.187 0.698 0.9862 0.497 1.503 3.689 0.403 1.597 0.734
20 0.180 0.680 0.9869 0.510 1.490 3.735 0.415 1.585 0.729
21 0.173 0.663 0.9876 0.523 1.477 3.778 0.425 1.575 0.724
22 0.167 0.647 0.9882 0.534 1.466 3.819 0.434 1.566 0.720
23 0.162 0.633 0.9887 0.545 1.455 3.858 0.443 1.557 0.716
24 0.157 0.619 0.9892 0.555 1.445 3.895 0.451 1.548 0.712
25 0.153 0.606 0.9896 0.565 1.435 3.931 0.459 1.541 0.708`
  .trim()
  .split('\n')
  .map((line) => line.split(' ').map(Number));

// d2 to six decimals as tabulated for the expected range of normal samples (Harter, 1960).
const D2_SIX_DECIMALS = [
  1.128379, 1.692569, 2.058751, 2.325929, 2.534413, 2.704357, 2.847201, 2.970026, 3.077505, 3.172873, 3.258455, 3.33598,
  3.406763, 3.471827, 3.531983, 3.587884, 3.640064, 3.688963, 3.73495, 3.778336, 3.819385, 3.858323, 3.895348, 3.930629,
];

/** Γ(n/2)/Γ((n−1)/2) exactly through Γ(x+1) = x·Γ(x), from Γ(1)/Γ(1/2) = 1/√π. */
function gammaRatio(n: number): number {
  let ratio = 1 / Math.sqrt(Math.PI);
  for (let m = 2; m < n; m++) ratio = (m - 1) / 2 / ratio;
  return ratio;
}

/** erf by its everywhere-positive series 2/√π·e^(−x²)·Σ 2^k x^(2k+1)/(1·3·…·(2k+1)): no cancellation. */
function erf(x: number): number {
  if (x < 0) return -erf(-x);
  let term = x;
  let sum = x;
  for (let k = 1; term > 1e-17 * sum; k++) {
    term *= (2 * x * x) / (2 * k + 1);
    sum += term;
  }
  return Math.min(1, ((2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum));
}

/** d2(n) = ∫ 1 − Φ(x)^n − (1 − Φ(x))^n dx, Simpson's rule on [−10, 10]. */
function d2ByIntegration(n: number): number {
  const h = 0.01;
  const steps = 2000;
  let total = 0;
  for (let i = 0; i <= steps; i++) {
    const x = -10 + i * h;
    const phi = 0.5 * (1 + erf(x / Math.SQRT2));
    const f = 1 - phi ** n - (1 - phi) ** n;
    total += (i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2) * f;
  }
  return (total * h) / 3;
}

const sizes = Array.from({ length: 24 }, (_, i) => i + 2);

describe('spcConstants', () => {
  it('gives c4 equal to its closed form √(2/(n−1))·Γ(n/2)/Γ((n−1)/2) for n = 2 … 25', () => {
    for (const n of sizes) expect(spcConstants(n).c4).toBeCloseTo(Math.sqrt(2 / (n - 1)) * gammaRatio(n), 8);
  });

  it('gives d2 equal to the expected range of n standard normal values, by integration and as tabulated', () => {
    for (const n of sizes) {
      expect(spcConstants(n).d2).toBeCloseTo(d2ByIntegration(n), 6);
      expect(Math.abs(spcConstants(n).d2 - (D2_SIX_DECIMALS[n - 2] ?? 0))).toBeLessThanOrEqual(5e-7 + 1e-9);
    }
  });

  it('agrees with the published three-decimal table (D3, D4, d3 within 0.001: older tables rounded before dividing)', () => {
    for (const [n = 0, A2, A3, c4, B3, B4, d2, D3, D4, d3] of PUBLISHED) {
      const k = spcConstants(n);
      const published: [number, number | undefined, number][] = [
        [k.A2, A2, 5e-4], [k.A3, A3, 5e-4], [k.c4, c4, 5e-5], [k.B3, B3, 5e-4], [k.B4, B4, 5e-4],
        [k.d2, d2, 5e-4], [k.D3, D3, 1e-3], [k.D4, D4, 1e-3], [k.d3, d3, 1e-3],
      ];
      published.forEach(([ours, theirs, tolerance], column) =>
        expect(Math.abs(ours - (theirs ?? 0)), `n = ${n}, column ${column}`).toBeLessThanOrEqual(tolerance + 1e-9),
      );
    }
  });

  it('derives the limit factors from d2, d3 and c4 by their formulas', () => {
    for (const n of sizes) {
      const k = spcConstants(n);
      const b = (3 * Math.sqrt(1 - k.c4 ** 2)) / k.c4;
      expect(k.A2).toBeCloseTo(3 / (k.d2 * Math.sqrt(n)), 6);
      expect(k.A3).toBeCloseTo(3 / (k.c4 * Math.sqrt(n)), 6);
      expect(k.B3).toBeCloseTo(Math.max(0, 1 - b), 6);
      expect(k.B4).toBeCloseTo(1 + b, 6);
      expect(k.D3).toBeCloseTo(Math.max(0, 1 - (3 * k.d3) / k.d2), 6);
      expect(k.D4).toBeCloseTo(1 + (3 * k.d3) / k.d2, 6);
    }
  });

  it('refuses subgroup sizes outside 2 … 25', () => {
    expect(() => spcConstants(1)).toThrow(RangeError);
    expect(() => spcConstants(26)).toThrow(RangeError);
    expect(() => spcConstants(2.5)).toThrow(RangeError);
  });
});
