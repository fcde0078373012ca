// The QR code on the printed decision-record summary: the path the checker draws, rasterized here, is read back by
// an independent decoder (@paulmillr/qr) as exactly the record's digest, for real digests of every length class.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import decodeQR from '@paulmillr/qr/decode.js';
import { qrPath } from '../../src/elements/eligibility-checker/render/qr.js';

/** Draws the path's rectangles (`Mx yhNv1h-Nz`) at `scale` pixels per module, with a 4-module white border, as RGBA. */
function rasterize(size: number, d: string, scale = 4) {
  const side = (size + 8) * scale;
  const data = new Uint8Array(side * side * 4).fill(255);
  const runs = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
  assert.equal(runs.map((m) => m[0]).join(''), d, 'the path is only module runs');
  for (const [, x, y, w, back] of runs) {
    assert.equal(w, back);
    for (let py = (Number(y) + 4) * scale; py < (Number(y) + 5) * scale; py++) {
      for (let px = (Number(x) + 4) * scale; px < (Number(x) + 4 + Number(w)) * scale; px++) data.fill(0, (py * side + px) * 4, (py * side + px) * 4 + 3);
    }
  }
  return { width: side, height: side, data };
}

describe('the digest QR code of the record summary', () => {
  it('decodes to the digest', () => {
    for (const seed of ['a', 'record', '{"x":1}', '产融']) {
      const digest = `sha256:${createHash('sha256').update(seed).digest('hex')}`;
      const { size, d } = qrPath(digest);
      assert.ok(size >= 21 && size <= 41, `version 1..6 (${size} modules)`);
      assert.equal(decodeQR(rasterize(size, d)), digest);
    }
  });

  it('a different digest gives a different code', () => {
    const a = qrPath(`sha256:${'0'.repeat(64)}`), b = qrPath(`sha256:${'0'.repeat(63)}1`);
    assert.notEqual(a.d, b.d);
  });
});
